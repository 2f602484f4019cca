/*
** tlimits.h - every tunable limit of the trawl core, in one place.
*/
#ifndef TRAWL_TLIMITS_H
#define TRAWL_TLIMITS_H

/* Documents are indexed with 32-bit offsets to keep tokens small (24
** bytes); a document this large is refused with TRAWL_ETOOBIG. */
#define TRAWL_MAX_DOC 0xFFFFFFF0u

/* PCRE2 match limit per match attempt. PCRE2's default (10 million) lets
** a bad pattern spin for seconds on each of many start positions. */
#define TRAWL_MATCH_LIMIT 1000000u

/* Interpreter recursion depth; JIT ignores it and uses its own stack. */
#define TRAWL_DEPTH_LIMIT 100000u

/* Interpreter backtracking heap. Debian's default is 20 GB, i.e. none:
** measured, one pattern took 330 MB on a 1 MB subject. */
#define TRAWL_HEAP_KIB (64u * 1024u)

/* Each scratch owns a JIT stack of this size: PCRE2's default 32 KiB
** overflows on ordinary nested repeats over a 10 KB line. */
#define TRAWL_JIT_STACK_KIB 1024u

/* Steps (VM instructions) one token-pattern match attempt may take before
** it fails with TRAWL_ELIMIT: a nested repeat over a long sentence can
** backtrack exponentially, and news patterns need a few hundred steps. */
#define TRAWL_VM_STEPS 100000u

/* Tokens in a sentence: a text without sentence punctuation (a table, a
** list, a stripped dump) would otherwise be one sentence, and rules that
** look over the sentence of each match would take time quadratic in its
** length. A sentence this long is cut, the next token starting another;
** news sentences have well under 100 tokens. */
#define TRAWL_MAX_SENT_TOKENS 250u

/* Largest m or n in a {m,n} repeat, and largest compiled program: repeats
** are compiled by copying their body. */
#define TRAWL_PAT_MAXREP 100
#define TRAWL_PAT_MAXCODE 65536

#endif
