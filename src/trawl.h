/*
** trawl.h - public C API of the trawl core: tokenizer, regexes, JSON quoting.
**
** Conventions, for every function below:
**   - offsets are UTF-8 byte offsets into the caller's text, 0-based,
**     end-exclusive; invalid UTF-8 never shifts them;
**   - the library keeps no global state: every object is created, owned
**     and freed by the caller, and an object may be used by one thread at a
**     time (a compiled trawl_regex is read-only and may be shared);
**   - functions that can fail take a trawl_error * (may be NULL) and return
**     a negative TRAWL_E* code or NULL; they never exit or abort.
*/
#ifndef TRAWL_H
#define TRAWL_H

#include <stddef.h>
#include <stdint.h>

#define TRAWL_VERSION "0.1.0"

/* ------------------------------------------------------------------ */
/* errors */

enum {
  TRAWL_OK = 0,
  TRAWL_ENOMEM = -1,   /* allocation failed */
  TRAWL_ESYNTAX = -2,  /* a pattern does not compile */
  TRAWL_ELIMIT = -3,   /* a match, depth, heap or time limit was hit */
  TRAWL_ETOOBIG = -4,  /* input larger than TRAWL_MAX_DOC */
  TRAWL_EARG = -5,     /* bad argument (e.g. offset past the end) */
  TRAWL_EMATCH = -6    /* any other matching error reported by PCRE2 */
};

typedef struct trawl_error {
  int code;            /* one of the TRAWL_E* codes */
  size_t offset;       /* where: byte offset in the pattern or subject */
  char msg[160];       /* human-readable, NUL-terminated */
} trawl_error;

/* ------------------------------------------------------------------ */
/* tokens */

typedef enum trawl_kind {
  TRAWL_WORD = 0,      /* letters, possibly with digits, inner hyphens,
                          apostrophes or abbreviation periods */
  TRAWL_NUMBER,        /* digits with inner , or . separators: 50,000 1.5 */
  TRAWL_PUNCT,         /* Unicode punctuation: . , ; " ' ( - etc. */
  TRAWL_SYMBOL,        /* Unicode symbols: $ EUR-sign % + etc. */
  TRAWL_OTHER,         /* invalid UTF-8 bytes and anything else */
  TRAWL_NKINDS
} trawl_kind;

/* shape flags of a token (trawl_token.flags) */
#define TRAWL_F_CAP       0x0001u  /* first letter is upper case: Moscow */
#define TRAWL_F_ALLCAPS   0x0002u  /* has letters, all upper case: ISW, U.S. */
#define TRAWL_F_LOWER     0x0004u  /* has letters, all lower case */
#define TRAWL_F_ALPHA     0x0008u  /* has a letter */
#define TRAWL_F_DIGIT     0x0010u  /* has a digit */
#define TRAWL_F_HYPHEN    0x0020u  /* has an inner hyphen: Hwasong-17 */
#define TRAWL_F_ABBREV    0x0040u  /* ends in an abbreviation period: Gen. */
#define TRAWL_F_SPACE     0x0080u  /* white space (or text start) before it */
#define TRAWL_F_NEWLINE   0x0100u  /* a line break before it */
#define TRAWL_F_SENT      0x0200u  /* first token of a sentence */
#define TRAWL_F_PARA      0x0400u  /* first token of a paragraph */
#define TRAWL_F_QUOTE     0x0800u  /* a quotation mark, straight or curly */
#define TRAWL_F_DASH      0x1000u  /* a dash or hyphen standing alone */
#define TRAWL_F_INVALID   0x2000u  /* bytes that are not valid UTF-8 */
#define TRAWL_F_CLITIC    0x4000u  /* possessive 's split off a word */

typedef struct trawl_token {
  uint32_t start, end;   /* byte span in the document */
  uint32_t fold;         /* offset of the folded form in trawl_tokens.folds */
  uint32_t foldlen;      /* its length in bytes */
  uint32_t sent;         /* index of its sentence */
  uint16_t flags;        /* TRAWL_F_* */
  uint8_t kind;          /* trawl_kind */
  uint8_t reserved;
} trawl_token;

/* a sentence or paragraph: a run of tokens, and its byte span */
typedef struct trawl_range {
  uint32_t first, count;   /* token indices [first, first + count) */
  uint32_t start, end;     /* byte span, first token start to last token end */
} trawl_range;

typedef struct trawl_tokens {
  const char *text;        /* the caller's text (not copied, not owned) */
  size_t len;
  trawl_token *tok;        /* tokens in text order */
  size_t n;
  trawl_range *sent;       /* sentences in text order */
  size_t nsent;
  trawl_range *para;       /* paragraphs in text order */
  size_t npara;
  char *folds;             /* folded forms: lower case, curly quotes and
                              apostrophes made straight, hyphen-like dashes
                              made '-'; not NUL-separated */
  size_t foldsize;
} trawl_tokens;

/*
** Tokenise text[0..len). The text must outlive the result, which keeps a
** pointer to it. Returns NULL (and fills err) on allocation failure or when
** len > TRAWL_MAX_DOC. An empty text gives zero tokens.
*/
trawl_tokens *trawl_tokenize(const char *text, size_t len, trawl_error *err);
void trawl_tokens_free(trawl_tokens *t);

/* the folded form of token i, as a pointer and a length */
const char *trawl_token_fold(const trawl_tokens *t, size_t i, size_t *len);

/* index of the token that contains or follows byte offset off (t->n if none) */
size_t trawl_token_at(const trawl_tokens *t, size_t off);

/* "word", "number", "punct", "symbol", "other" */
const char *trawl_kind_name(int kind);

/* ------------------------------------------------------------------ */
/* regexes (PCRE2, UTF + UCP, JIT when available) */

#define TRAWL_RX_CASELESS  0x01u   /* case-insensitive */
#define TRAWL_RX_MULTILINE 0x02u   /* ^ and $ at line breaks */
#define TRAWL_RX_DOTALL    0x04u   /* . matches a line break */
#define TRAWL_RX_EXTENDED  0x08u   /* white space and # comments ignored */

typedef struct trawl_regex trawl_regex;

/*
** Compile a pattern. Always UTF + UCP, with invalid UTF-8 in subjects
** treated as barriers that never match (PCRE2_MATCH_INVALID_UTF), so any
** byte string is a safe subject; newlines are CR, LF or CRLF. Returns NULL
** on error: TRAWL_ESYNTAX with err->offset the byte offset in the pattern
** (also for invalid UTF-8 in the pattern, and for \C, which is refused
** because it can split a character), TRAWL_EARG for unknown flag bits.
*/
trawl_regex *trawl_regex_new(const char *pat, size_t len, unsigned flags,
                             trawl_error *err);
void trawl_regex_free(trawl_regex *re);

/* number of capture groups (group 0, the whole match, not counted) */
int trawl_regex_ngroups(const trawl_regex *re);
/* name of group i (1..ngroups), or NULL when it has none */
const char *trawl_regex_group_name(const trawl_regex *re, int i);
/* 1 when the pattern was JIT-compiled */
int trawl_regex_jitted(const trawl_regex *re);

/*
** Resource limits for matching; 0 in a field means the default from
** tlimits.h. match_limit applies to JIT and interpreter alike (counted
** differently by each); depth and heap limits apply to the interpreter
** only, which also runs the retry after JIT exhausts its stack.
*/
typedef struct trawl_limits {
  uint32_t match_limit;     /* PCRE2 match limit, per match attempt */
  uint32_t depth_limit;     /* PCRE2 depth limit (interpreter) */
  uint32_t heap_kib;        /* PCRE2 heap limit in KiB (interpreter) */
  uint32_t jit_stack_kib;   /* size of the scratch's own JIT stack */
} trawl_limits;

/*
** Per-thread matching state: PCRE2 match data, match context with the
** limits, and a JIT stack. One scratch serves any number of regexes, one
** match at a time.
*/
typedef struct trawl_scratch trawl_scratch;
trawl_scratch *trawl_scratch_new(const trawl_limits *lim, trawl_error *err);
void trawl_scratch_free(trawl_scratch *s);

/* a captured span; start == TRAWL_UNSET when the group did not take part */
#define TRAWL_UNSET ((size_t)-1)
typedef struct trawl_span {
  size_t start, end;
} trawl_span;

/*
** Find the first match in subj[0..len) at or after byte offset from.
** On a match fills caps[0] (the whole match) and caps[1..ncaps-1] (groups)
** and returns 1; returns 0 when there is no match, and a negative
** TRAWL_E* code with err filled on a limit or other error: a limit is
** never reported as "no match" (TRAWL_ELIMIT, err->offset = from). When
** JIT runs out of stack the match is retried by the interpreter under the
** depth and heap limits. A from inside a UTF-8 character starts at the end
** of that character, so stepping one byte past an empty match is safe.
** Also TRAWL_EARG (from > len) and TRAWL_ENOMEM.
*/
int trawl_regex_exec(const trawl_regex *re, trawl_scratch *s,
                     const char *subj, size_t len, size_t from,
                     trawl_span *caps, int ncaps, trawl_error *err);

/* ------------------------------------------------------------------ */
/* numbers */

/* what a number expression is (trawl_number.kind) */
typedef enum trawl_numkind {
  TRAWL_NUM_CARDINAL = 0, /* 50,000; 1.5 million; seventy-five; a dozen */
  TRAWL_NUM_RANGE,        /* between 3,000 and 5,000; 10,000-12,000 */
  TRAWL_NUM_VAGUE,        /* hundreds of; tens of thousands of; several */
  TRAWL_NUM_ORDINAL,      /* 3rd; second; 155th */
  TRAWL_NUM_YEAR,         /* 2022; 1990s */
  TRAWL_NUM_DATE,         /* March 24; 24 March 2022; 1 September */
  TRAWL_NUM_TIME,         /* 10:30; 3 p.m. */
  TRAWL_NUM_PERCENT,      /* 20%; 20 percent */
  TRAWL_NUM_FRACTION,     /* a third; 1/2; half */
  TRAWL_NUM_MODEL,        /* a number inside a name: Hwasong-17, F-16, 155mm */
  TRAWL_NUM_NKINDS
} trawl_numkind;

/* comparator before a quantity ("more than", "about"), trawl_number.qual */
typedef enum trawl_qual {
  TRAWL_Q_NONE = 0, TRAWL_Q_APPROX, TRAWL_Q_GT, TRAWL_Q_GE, TRAWL_Q_LT,
  TRAWL_Q_LE
} trawl_qual;

typedef struct trawl_number {
  int kind;              /* trawl_numkind */
  int qual;              /* trawl_qual; TRAWL_Q_NONE when none was written */
  double value;          /* the value; for ranges and vague ones, NAN */
  double min, max;       /* ranges: both; vague plurals: min ("hundreds
                            of" 200), max NAN; otherwise NAN */
  char currency[4];      /* ISO 4217 code when money ("USD"), else "" */
  uint32_t tok_start, tok_end;  /* token span [start, end), comparator
                                   and currency included */
  uint32_t start, end;          /* byte span [start, end), likewise */
  uint32_t num_tok_start;       /* first token of the number proper, after
                                   any comparator ("more than") */
  uint32_t num_start;           /* its byte offset */
} trawl_number;

/*
** Read one number expression: all of s[0..len) must be it ("1.5 million",
** "seventy-five", "$40bn", "a dozen", "between 3,000 and 5,000"). Returns
** 1 and fills out (spans relative to s) when it is one, 0 otherwise.
*/
int trawl_number_parse(const char *s, size_t len, trawl_number *out);

/*
** Find every number expression in a tokenised document, longest first and
** without overlap, in text order; calls cb for each. A nonzero return from
** cb stops the scan and is returned.
*/
typedef int (*trawl_number_cb)(const trawl_number *n, void *ud);
int trawl_number_scan(const trawl_tokens *t, trawl_number_cb cb, void *ud);

/* "cardinal", "range", "vague", "ordinal", "year", "date", "time",
** "percent", "fraction", "model" */
const char *trawl_numkind_name(int kind);

/* ------------------------------------------------------------------ */
/* gazetteers: phrase lists matched over tokens */

#define TRAWL_GZ_NOACCENTS 0x01u   /* ignore diacritics: "Kyiv" ~ "Kýiv" */

typedef struct trawl_gazetteer trawl_gazetteer;

trawl_gazetteer *trawl_gazetteer_new(trawl_error *err);
void trawl_gazetteer_free(trawl_gazetteer *g);

/*
** Add a phrase to list `list` (a small integer chosen by the caller) as its
** entry number `entry`. The phrase is tokenised like documents and matched
** token by token on folded forms (case-insensitive, curly quotes straight),
** and without diacritics when flags has TRAWL_GZ_NOACCENTS (set per list:
** the first add for a list decides). Returns TRAWL_OK or a negative code;
** an empty phrase is TRAWL_EARG.
*/
int trawl_gazetteer_add(trawl_gazetteer *g, int list, int entry,
                        const char *phrase, size_t len, unsigned flags,
                        trawl_error *err);

/* number of phrases added */
size_t trawl_gazetteer_size(const trawl_gazetteer *g);

/*
** One pass over the tokens: for each start token and each list, the
** longest phrase of that list that starts there. Calls cb in order of
** start token, then list. If several entries of one list have the same
** phrase, the first added wins. A nonzero return from cb stops the pass and
** is returned; otherwise returns TRAWL_OK (or TRAWL_ENOMEM).
*/
typedef int (*trawl_gazetteer_cb)(int list, int entry, uint32_t tok_start,
                                  uint32_t tok_end, void *ud);
int trawl_gazetteer_match(const trawl_gazetteer *g, const trawl_tokens *t,
                          trawl_gazetteer_cb cb, void *ud);

/* ------------------------------------------------------------------ */
/* annotation store: token spans that token patterns match as atoms */

/*
** A store holds, for one document, spans of tokens tagged with a class: a
** small integer that stands for "annotations of type T whose fields pass
** these tests" or "phrases of list L" (classes are chosen by the caller,
** see trawl_patenv). Patterns match a span of a class as one atom.
*/
typedef struct trawl_store trawl_store;

trawl_store *trawl_store_new(trawl_error *err);
void trawl_store_free(trawl_store *s);
/* empty the store, keeping its memory, for the next document */
void trawl_store_reset(trawl_store *s);
/* add a span [tok_start, tok_end) of class cls >= 0; id is the caller's.
** Empty spans are refused (TRAWL_EARG). The store indexes its spans when a
** match next reads it. */
int trawl_store_add(trawl_store *s, int cls, uint32_t tok_start,
                    uint32_t tok_end, int32_t id);
size_t trawl_store_size(const trawl_store *s);

/* ------------------------------------------------------------------ */
/* token patterns */

/*
** Names in pattern source are resolved by the caller: `@name` (a phrase
** list) and `<type tests>` (an annotation type with field tests; tests
** may be empty). resolve returns a class >= 0, or a negative code with
** err->msg set, and err->offset set to a byte offset in tests when the
** error is there (it is (size_t)-1 on entry). It may
** instead set *splice to pattern text (allocated with malloc; the compiler
** frees it) that stands in for the name, e.g. "('and'|'or')" for a list of
** single words: a word set is faster to test than spans in the store.
*/
typedef struct trawl_patenv {
  int (*resolve)(void *ud, char sigil, const char *name, size_t nlen,
                 const char *tests, size_t tlen, char **splice,
                 size_t *splicelen, trawl_error *err);
  void *ud;
} trawl_patenv;

typedef struct trawl_pattern trawl_pattern;

/*
** Compile a token pattern (syntax: docs/rules.md). env may be NULL when
** the pattern names no lists or annotations. On error returns NULL with
** err->code TRAWL_ESYNTAX and err->offset the byte offset in src.
*/
trawl_pattern *trawl_pattern_new(const char *src, size_t len,
                                 const trawl_patenv *env, trawl_error *err);
void trawl_pattern_free(trawl_pattern *p);

/* number of named groups; group 0 is the whole match */
int trawl_pattern_ngroups(const trawl_pattern *p);
/* name of group i (1..ngroups) */
const char *trawl_pattern_group_name(const trawl_pattern *p, int i);
/* a readable listing of the compiled program, for debugging; the caller
** frees it with free() */
char *trawl_pattern_dump(const trawl_pattern *p);

/* a span of tokens, [start, end); start == TRAWL_NOTOK when unset */
#define TRAWL_NOTOK ((uint32_t)-1)
typedef struct trawl_tspan {
  uint32_t start, end;
} trawl_tspan;

/* a stored span that a match consumed through a `@list` or `<type>` atom */
typedef struct trawl_used {
  int32_t id;              /* the id given to trawl_store_add */
  int cls;
  uint32_t start, end;     /* its token span */
} trawl_used;

typedef struct trawl_match {
  const trawl_tspan *groups;  /* groups[0] the match, [i] named group i */
  int ngroups;                /* ngroups + 1 entries */
  const trawl_used *used;     /* stored spans consumed, in match order */
  size_t nused;
} trawl_match;

/*
** Matching state of one thread: backtracking stack, capture slots, and a
** scratch for regexes on tokens. Holds the last match's arrays.
*/
typedef struct trawl_vm trawl_vm;
trawl_vm *trawl_vm_new(const trawl_limits *lim, trawl_error *err);
void trawl_vm_free(trawl_vm *vm);

/*
** Match p at token `start` (anchored there). Returns 1 and fills out (valid
** until the next call with this vm), 0 when it does not match, or a
** negative code: TRAWL_ELIMIT when the pattern took more than
** TRAWL_VM_STEPS steps, or an error from a token regex.
*/
int trawl_pattern_exec(const trawl_pattern *p, trawl_vm *vm,
                       const trawl_tokens *t, trawl_store *st,
                       size_t start, trawl_match *out, trawl_error *err);

/*
** After a failed exec: the furthest token the pattern reached and the
** byte offset in the pattern source of the atom that failed there. For
** "why did my rule not fire".
*/
void trawl_vm_progress(const trawl_vm *vm, size_t *tok, size_t *srcpos);

/* ------------------------------------------------------------------ */
/* phases: many patterns run together over a document */

/*
** A phase indexes its patterns by what can start a match (first-token
** words, token kinds, span classes), so that each token position tries
** only the patterns that can match there.
*/
typedef struct trawl_phase trawl_phase;

#define TRAWL_PH_ALLSTARTS 0x01u  /* try every start (appelt policy: the
                                     caller resolves overlaps), but drop a
                                     match that ends where the pattern's
                                     previous match ends (it lies inside
                                     it); otherwise each pattern's matches
                                     are leftmost and do not overlap */
#define TRAWL_PH_PROFILE   0x02u  /* time every try (see trawl_phase_stats) */

trawl_phase *trawl_phase_new(trawl_error *err);
void trawl_phase_free(trawl_phase *ph);
/* add pattern p (borrowed: it must outlive the phase) as rule `rule` */
int trawl_phase_add(trawl_phase *ph, const trawl_pattern *p, int rule,
                    trawl_error *err);

typedef struct trawl_phase_cbs {
  /* a match of rule; nonzero stops the run and is returned */
  int (*match)(void *ud, int rule, const trawl_match *m);
  /* rule failed at token tok (err says why); the run goes on */
  void (*error)(void *ud, int rule, size_t tok, const trawl_error *err);
  void *ud;
} trawl_phase_cbs;

int trawl_phase_run(trawl_phase *ph, trawl_vm *vm, const trawl_tokens *t,
                    trawl_store *st, unsigned flags,
                    const trawl_phase_cbs *cbs);

/* per-rule counters, summed over runs (k: the k-th pattern added) */
typedef struct trawl_rule_stats {
  int rule;
  uint64_t tries, matches, steps, nanos;
} trawl_rule_stats;
size_t trawl_phase_count(const trawl_phase *ph);
const trawl_rule_stats *trawl_phase_stats(const trawl_phase *ph, size_t k);
/* zero the counters */
void trawl_phase_reset_stats(trawl_phase *ph);

/* ------------------------------------------------------------------ */
/* JSON */

/*
** Append the JSON string literal for s[0..len) (with the quotes) to out,
** which has room for at least 6 * len + 3 bytes. Control characters are
** escaped; each byte of an invalid UTF-8 sequence becomes \ufffd, so the
** output is always valid UTF-8 JSON. Returns the number of bytes written.
*/
size_t trawl_json_quote(const char *s, size_t len, char *out);

#endif
