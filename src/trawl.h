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
/* JSON */

/*
** Append the JSON string literal for s[0..len) (with the quotes) to out,
** which has room for at least 6 * len + 3 bytes. Control characters are
** escaped; each byte of an invalid UTF-8 sequence becomes \ufffd, so the
** output is always valid UTF-8 JSON. Returns the number of bytes written.
*/
size_t trawl_json_quote(const char *s, size_t len, char *out);

#endif
