/*
** patcode.h - the compiled form of token patterns, shared by the compiler
** (pattern.c), the matching machine (vm.c) and the phase index (phase.c).
*/
#ifndef TRAWL_PATCODE_H
#define TRAWL_PATCODE_H

#include <stdint.h>

#include "trawl.h"

/* instructions of the matching machine */
typedef enum Opcode {
  OP_TOK,       /* a: test index; consume one token that passes the test */
  OP_ANY,       /* consume any one token */
  OP_SPAN,      /* a: class; consume a stored span of the class starting
                   here (ending here when matching backwards), longest
                   first, the others on backtracking */
  OP_SENTSTART, /* zero width: a sentence starts at this position */
  OP_SENTEND,   /* zero width: a sentence ends at this position */
  OP_SPLIT,     /* go on at a; on backtracking, at b */
  OP_JMP,       /* go on at a */
  OP_SAVE,      /* a: slot; record the position */
  OP_MARK,      /* a: slot; record the position (loop entry) */
  OP_PROGRESS,  /* a: slot; fail unless the position moved since OP_MARK:
                   keeps a repeat of a body that can match empty finite */
  OP_LOOK,      /* a: sub-program; b: 1 when negated; zero width */
  OP_MATCH      /* success */
} Opcode;

typedef struct Inst {
  uint8_t op;
  int32_t a, b;
  uint32_t src;   /* byte offset of the atom in the pattern source */
} Inst;

/* what one token must be: every set field must hold */
typedef struct TokTest {
  uint32_t kinds;       /* bit per trawl_kind; 0 = any kind */
  uint16_t on, off;     /* TRAWL_F_* flags that must be set / clear */
  int32_t lit;          /* folded literal: offset in Pattern.strings, or -1 */
  uint32_t litlen;
  int32_t set;          /* index of a word set, or -1 */
  int32_t rx;           /* index of a regex on the token text, or -1 */
  int32_t exact;        /* exact (case-sensitive) text: offset, or -1 */
  uint32_t exactlen;
  uint8_t negate;       /* the test passes when the above fails */
} TokTest;

/* a set of folded words, open addressing on FNV-1a hashes */
typedef struct WordSet {
  uint32_t *slots;      /* 1 + index into words, 0 = empty */
  uint32_t nslots;      /* power of two */
  uint32_t *off, *len;  /* word i = strings + off[i], len[i] bytes */
  uint32_t *hash;
  uint32_t n;
} WordSet;

/* a program: the main one (forward) or a lookaround (either direction) */
typedef struct Program {
  Inst *code;
  uint32_t n;
  int backward;
} Program;

struct trawl_pattern {
  Program *progs;        /* progs[0] is the pattern; others lookarounds */
  int nprogs;
  TokTest *tests;
  int ntests;
  WordSet *sets;
  int nsets;
  trawl_regex **rx;
  int nrx;
  char *strings;         /* literal bytes, NUL-separated */
  uint32_t nstrings;
  char **names;          /* names[i] of group i (1..ngroups); names[0] NULL */
  int ngroups;
  int nslots;            /* 2 * (ngroups + 1) + loop registers */
  /* what can start a match: tokens passing one of start_tests (each has a
  ** literal or a word set), tokens of start_kinds, tokens with one of the
  ** TRAWL_F_* flags of start_flags, spans of start_classes, or any token
  ** at all when start_any */
  int start_any;
  uint32_t start_kinds;
  uint32_t start_flags;
  int32_t *start_tests;
  uint32_t nstart_tests;
  int32_t *start_classes;
  uint32_t nstart_classes;
  /* when the first token is a kind test and the second a word or word
  ** set: that test (-1 otherwise) */
  int32_t second_test;
  /* an atom every match contains, at most req_dist tokens after its start:
  ** a word test (req_test) or a span class (req_class); -1 when none */
  int32_t req_test, req_class;
  uint32_t req_dist;
};

/* the first start >= tok of a span of class cls, or UINT32_MAX */
uint32_t trawl_store_next(trawl_store *s, int cls, uint32_t tok);

/* a span in the annotation store */
typedef struct StoredSpan {
  int32_t id;
  int32_t cls;
  uint32_t start, end;
} StoredSpan;

/* the spans of class cls that start at tok (end at tok when backward),
** longest first: *count of them, from index *first in the order that
** trawl_store_get reads; builds the index when spans were added since */
void trawl_store_at(trawl_store *s, int cls, uint32_t tok, int backward,
                    size_t *first, size_t *count);
const StoredSpan *trawl_store_get(const trawl_store *s, int backward,
                                  size_t k);
/* does any span of cls start at tok? (for the phase index) */
int trawl_store_starts(trawl_store *s, int cls, uint32_t tok);

uint32_t trawl_hash(const char *s, size_t len);
int trawl_wordset_has(const WordSet *ws, const char *strings, const char *s,
                      size_t len, uint32_t hash);

#endif
