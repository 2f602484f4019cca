/* token.c - the tokenizer: words, numbers, punctuation, folds, sentences. */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "trawl.h"
#include "tlimits.h"

/* character classes; every code point of the text falls in one */
enum {
  C_SPACE,  /* white space without a line break */
  C_BREAK,  /* a line break: \n \r U+0085 U+2028 U+2029 */
  C_UPPER,  /* Lu, Lt */
  C_LOWER,  /* Ll */
  C_LETTER, /* Lm, Lo: letters without case */
  C_MARK,   /* M*: continues a word, alone it is OTHER */
  C_DIGIT,  /* Nd */
  C_PUNCT,  /* P*, and U+2212 minus sign */
  C_SYMBOL, /* S* */
  C_OTHER,  /* Nl, No, Cf, Co, Cn: one OTHER token per code point */
  C_BAD,    /* a byte that does not decode */
  C_END     /* past the end of the text */
};

#define isletter(k) ((k) >= C_UPPER && (k) <= C_LETTER)
#define letdig(k) (isletter(k) || (k) == C_DIGIT)
/* letter, mark or digit: what a word is made of */
#define wordch(k) ((k) >= C_UPPER && (k) <= C_DIGIT)

#define ishyphen(c) ((c) == '-' || (c) == 0x2010 || (c) == 0x2011)
#define isapos(c) ((c) == '\'' || (c) == 0x2019)

/* ASCII classes, so that ASCII text never calls into utf8proc. '%' is Po
** in Unicode but a symbol here, like $: "50%" is a number and a unit. */
#define W C_SPACE
#define B C_BREAK
#define U C_UPPER
#define L C_LOWER
#define D C_DIGIT
#define P C_PUNCT
#define S C_SYMBOL
static const unsigned char ascii[128] = {
    W, W, W, W, W, W, W, W, W, W, B, W, W, B, W, W, /* NUL .. SI: \n \r */
    W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, /* DLE .. US */
    W, P, P, P, S, S, P, P, P, P, P, S, P, P, P, P, /*  !"#$%&'()*+,-./ */
    D, D, D, D, D, D, D, D, D, D, P, P, S, S, S, P, /* 0123456789:;<=>? */
    P, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, /* @ABCDEFGHIJKLMNO */
    U, U, U, U, U, U, U, U, U, U, U, P, P, P, S, P, /* PQRSTUVWXYZ[\]^_ */
    S, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, /* `abcdefghijklmno */
    L, L, L, L, L, L, L, L, L, L, L, P, S, P, S, W  /* pqrstuvwxyz{|}~ DEL */
};
#undef W
#undef B
#undef U
#undef L
#undef D
#undef P
#undef S

/* class of a non-ASCII code point */
static int uclass(int32_t c) {
  switch (c) {
  case 0x85:
  case 0x2028:
  case 0x2029: return C_BREAK;
  /* zero-width spaces, joiners and the BOM: invisible, so they separate */
  case 0x200B:
  case 0x200C:
  case 0x200D:
  case 0x2060:
  case 0xFEFF: return C_SPACE;
  case 0x2212: /* minus sign is Sm, but in news text it is a dash */
    return C_PUNCT;
  /* per mille, per ten thousand, Arabic, small and full-width percent
  ** signs are Po; symbols like '%' */
  case 0x2030:
  case 0x2031:
  case 0x066A:
  case 0xFE6A:
  case 0xFF05: return C_SYMBOL;
  default: break;
  }
  switch (utf8proc_category(c)) {
  case UTF8PROC_CATEGORY_LU:
  case UTF8PROC_CATEGORY_LT: return C_UPPER;
  case UTF8PROC_CATEGORY_LL: return C_LOWER;
  case UTF8PROC_CATEGORY_LM:
  case UTF8PROC_CATEGORY_LO: return C_LETTER;
  case UTF8PROC_CATEGORY_MN:
  case UTF8PROC_CATEGORY_MC:
  case UTF8PROC_CATEGORY_ME: return C_MARK;
  case UTF8PROC_CATEGORY_ND: return C_DIGIT;
  case UTF8PROC_CATEGORY_PC:
  case UTF8PROC_CATEGORY_PD:
  case UTF8PROC_CATEGORY_PS:
  case UTF8PROC_CATEGORY_PE:
  case UTF8PROC_CATEGORY_PI:
  case UTF8PROC_CATEGORY_PF:
  case UTF8PROC_CATEGORY_PO: return C_PUNCT;
  case UTF8PROC_CATEGORY_SM:
  case UTF8PROC_CATEGORY_SC:
  case UTF8PROC_CATEGORY_SK:
  case UTF8PROC_CATEGORY_SO: return C_SYMBOL;
  case UTF8PROC_CATEGORY_ZS:
  case UTF8PROC_CATEGORY_CC: return C_SPACE;
  case UTF8PROC_CATEGORY_ZL:
  case UTF8PROC_CATEGORY_ZP: return C_BREAK;
  default: return C_OTHER;
  }
}

static int isquote(int32_t c) {
  switch (c) {
  case '"':
  case '\'':
  case 0x2018:
  case 0x2019:
  case 0x201C:
  case 0x201D:
  case 0x00AB:
  case 0x00BB:
  case 0x201E: return 1;
  default: return 0;
  }
}

static int isdash(int32_t c) {
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

/* the folded form of quotes, apostrophes and hyphen-like dashes, or -1 */
static int straighten(int32_t c) {
  switch (c) {
  case 0x2018:
  case 0x2019:
  case 0x02BC: return '\'';
  case 0x201C:
  case 0x201D:
  case 0x201E:
  case 0x00AB:
  case 0x00BB: return '"';
  case 0x2010:
  case 0x2011:
  case 0x2012:
  case 0x2013:
  case 0x2212: return '-';
  default: return -1;
  }
}

/* abbreviations that take a following period: military ranks, titles,
** company and month names and a few common ones. The first letter must
** match as written (so "no." is not "No."), the rest in any case. */
static const char *const abbrevs[] = {
    "Gen",    "Lt",  "Col",  "Maj",  "Sgt", "Cpl",  "Pvt", "Adm",  "Capt",
    "Cmdr",   "Cdr", "Brig", "Mr",   "Mrs", "Ms",   "Dr",  "Prof", "Sen",
    "Rep",    "Gov", "Pres", "Rev",  "St",  "Jr",   "Sr",  "No",   "Nos",
    "vs",     "etc", "Inc",  "Corp", "Ltd", "Co",   "Jan", "Feb",  "Mar",
    "Apr",    "Jun", "Jul",  "Aug",  "Sep", "Sept", "Oct", "Nov",  "Dec",
    "approx", "est", "Dept", "Univ", "Mt",  "Ft",   NULL};

#define MAXABBREV 6 /* longest entry above */

static int isabbrev(const unsigned char *w, size_t n) {
  const char *const *a;
  size_t i;
  if (n > MAXABBREV) return 0;
  for (a = abbrevs; *a != NULL; a++) {
    if (strlen(*a) != n || (unsigned char)(*a)[0] != w[0]) continue;
    for (i = 1; i < n; i++) /* entries are lower case after [0] */
      if ((w[i] | 0x20) != (unsigned char)(*a)[i]) break;
    if (i == n) return 1;
  }
  return 0;
}

/* ------------------------------------------------------------------ */
/* the lexer state */

typedef struct Lex {
  const unsigned char *s;
  size_t len;
  trawl_tokens *t;
  size_t tokcap, foldcap; /* allocated sizes of t->tok and t->folds */
  unsigned pre;           /* SPACE, NEWLINE, PARA seen since the last token */
  int breaks;             /* line breaks since the last token, up to 2 */
  int err;                /* TRAWL_OK or the first error */
  size_t erroff;
} Lex;

/* Class of the code point at s[p], its value in *c (-1 if none) and its
** length in *n. A byte that does not start a valid sequence is C_BAD with
** length 1, so an invalid run is consumed a byte at a time. */
static int charat(const Lex *L, size_t p, int32_t *c, size_t *n) {
  size_t rest;
  utf8proc_ssize_t k;
  if (p >= L->len) {
    *c = -1;
    *n = 0;
    return C_END;
  }
  if (L->s[p] < 0x80) {
    *c = L->s[p];
    *n = 1;
    return ascii[L->s[p]];
  }
  rest = L->len - p; /* at most 4 bytes matter; keeps the count in range */
  k = utf8proc_iterate(L->s + p, (utf8proc_ssize_t)(rest < 4 ? rest : 4), c);
  if (k <= 0) {
    *c = -1;
    *n = 1;
    return C_BAD;
  }
  *n = (size_t)k;
  return uclass(*c);
}

/* class of the code point at p, when its value is not needed */
static int classat(const Lex *L, size_t p) {
  int32_t c;
  size_t n;
  return charat(L, p, &c, &n);
}

static int fail(Lex *L, int code, size_t off) {
  if (L->err == TRAWL_OK) {
    L->err = code;
    L->erroff = off;
  }
  return 0;
}

/* realloc for n elements of size sz, NULL on overflow or failure */
static void *grow(void *p, size_t n, size_t sz) {
  if (n > SIZE_MAX / sz) return NULL;
  return realloc(p, n * sz);
}

static int growtok(Lex *L) {
  size_t ncap = L->tokcap * 2;
  trawl_token *nt = grow(L->t->tok, ncap, sizeof(trawl_token));
  if (nt == NULL) return fail(L, TRAWL_ENOMEM, L->t->tok[L->t->n - 1].end);
  L->t->tok = nt;
  L->tokcap = ncap;
  return 1;
}

/* make room for need more bytes of folds */
static int reserve(Lex *L, size_t need, size_t off) {
  trawl_tokens *t = L->t;
  size_t ncap;
  char *nf;
  if (L->foldcap - t->foldsize >= need) return 1;
  if (need > SIZE_MAX / 2 - t->foldsize) return fail(L, TRAWL_ENOMEM, off);
  ncap = L->foldcap * 2;
  if (ncap < t->foldsize + need) ncap = t->foldsize + need;
  nf = realloc(t->folds, ncap);
  if (nf == NULL) return fail(L, TRAWL_ENOMEM, off);
  t->folds = nf;
  L->foldcap = ncap;
  return 1;
}

/* ------------------------------------------------------------------ */
/* folding and shape */

static unsigned char *putfold(int32_t c, unsigned char *out) {
  int s = straighten(c);
  if (s >= 0)
    *out++ = (unsigned char)s;
  else
    out += utf8proc_encode_char(c, out);
  return out;
}

/* Case-fold one code point to out. Full Unicode case folding, one code
** point at a time and without normalisation: é stays é, ß becomes ss. */
static unsigned char *foldcp(int32_t c, unsigned char *out) {
  utf8proc_int32_t buf[4];
  utf8proc_ssize_t m, i;
  int bc = 0;
  if (straighten(c) >= 0) return putfold(c, out);
  m = utf8proc_decompose_char(c, buf, 4, UTF8PROC_CASEFOLD, &bc);
  if (m < 1 || m > 4) return putfold(c, out); /* cannot happen: max is 3 */
  for (i = 0; i < m; i++)
    out = putfold(buf[i], out);
  return out;
}

/* Append the folded form of the valid UTF-8 s[p..end) to the folds (room
** is reserved) and return its shape flags. */
static unsigned shapefold(Lex *L, size_t p, size_t end) {
  unsigned char *out = (unsigned char *)L->t->folds + L->t->foldsize;
  unsigned char *out0 = out;
  unsigned f = 0;
  int lower = 0, other = 0; /* letters that are Ll, and that are not */
  while (p < end) {
    int32_t c;
    size_t n;
    int k;
    if (L->s[p] < 0x80) {
      unsigned char b = L->s[p++];
      k = ascii[b];
      *out++ = (b >= 'A' && b <= 'Z') ? (unsigned char)(b + 32) : b;
    } else {
      k = charat(L, p, &c, &n);
      p += n;
      out = foldcp(c, out);
    }
    if (isletter(k)) {
      if (!(f & TRAWL_F_ALPHA) && k == C_UPPER) f |= TRAWL_F_CAP;
      f |= TRAWL_F_ALPHA;
      if (k == C_LOWER)
        lower = 1;
      else
        other = 1;
    } else if (k == C_DIGIT)
      f |= TRAWL_F_DIGIT;
  }
  if (f & TRAWL_F_ALPHA) {
    if (!lower) f |= TRAWL_F_ALLCAPS;
    if (!other) f |= TRAWL_F_LOWER;
  }
  L->t->foldsize += (size_t)(out - out0);
  return f;
}

/* append token s[start..end) with its fold, shape and the white space
** flags gathered before it */
static int push(Lex *L, size_t start, size_t end, int kind, unsigned flags) {
  trawl_tokens *t = L->t;
  trawl_token *tk;
  size_t fold = t->foldsize;
  if (t->n == L->tokcap && !growtok(L)) return 0;
  /* case folding grows a code point's UTF-8 at most threefold (ΐ), and
  ** an invalid run becomes one 3-byte U+FFFD */
  if (!reserve(L, (end - start) * 3 + 3, start)) return 0;
  if (flags & TRAWL_F_INVALID) {
    memcpy(t->folds + t->foldsize, "\xEF\xBF\xBD", 3);
    t->foldsize += 3;
  } else
    flags |= shapefold(L, start, end);
  if (t->foldsize > UINT32_MAX) /* fold offsets are 32-bit */
    return fail(L, TRAWL_ETOOBIG, start);
  tk = &t->tok[t->n++];
  tk->start = (uint32_t)start;
  tk->end = (uint32_t)end;
  tk->fold = (uint32_t)fold;
  tk->foldlen = (uint32_t)(t->foldsize - fold);
  tk->sent = 0;
  tk->flags = (uint16_t)(flags | L->pre);
  tk->kind = (uint8_t)kind;
  tk->reserved = 0;
  L->pre = 0;
  L->breaks = 0;
  return 1;
}

/* ------------------------------------------------------------------ */
/* scanners: each takes the position of a token's first code point and
** returns the position after the token */

static size_t linebreak(Lex *L, size_t p, int32_t c, size_t n) {
  if (c == '\r' && p + 1 < L->len && L->s[p + 1] == '\n')
    n = 2; /* CRLF is one line break, not a blank line */
  L->pre |= TRAWL_F_SPACE | TRAWL_F_NEWLINE;
  if (L->breaks < 2) L->breaks++;
  if (L->breaks == 2) L->pre |= TRAWL_F_PARA;
  return p + n;
}

/* end of a run of single letters each followed by a period ("U.S.",
** "e.g."), or p when there are fewer than two */
static size_t dotted(const Lex *L, size_t p) {
  size_t q = p, n;
  int32_t c;
  int pairs = 0;
  while (isletter(charat(L, q, &c, &n)) && q + n < L->len &&
         L->s[q + n] == '.') {
    q += n + 1;
    pairs++;
  }
  return pairs >= 2 ? q : p;
}

/* does the word s[start..end) take the period at end? */
static int period(const Lex *L, size_t start, size_t end) {
  int32_t c;
  size_t n;
  if (end + 2 < L->len && L->s[end + 1] == '.' && L->s[end + 2] == '.')
    return 0; /* leave an ellipsis whole: "etc..." */
  if (charat(L, start, &c, &n) == C_UPPER && start + n == end)
    return 1; /* an initial: "W." */
  return isabbrev(L->s + start, end - start);
}

/* an apostrophe at p - 1 joins the word when a letter follows, except the
** possessive 's, which is split off as a clitic */
static int joinapos(const Lex *L, size_t p) {
  int k = classat(L, p);
  if (!isletter(k)) return 0;
  if ((L->s[p] == 's' || L->s[p] == 'S') && !wordch(classat(L, p + 1)))
    return 0;
  return 1;
}

static size_t word(Lex *L, size_t p) {
  size_t start = p, n;
  unsigned flags = 0;
  int32_t c;
  p = dotted(L, start);
  if (p > start) {
    push(L, start, p, TRAWL_WORD, TRAWL_F_ABBREV);
    return p;
  }
  charat(L, p, &c, &n);
  p += n; /* the first letter */
  for (;;) {
    /* the common case, ASCII letters and digits, without a call */
    while (p < L->len && L->s[p] < 0x80 && wordch(ascii[L->s[p]]))
      p++;
    if (wordch(charat(L, p, &c, &n)))
      p += n;
    else if (ishyphen(c) && letdig(classat(L, p + n))) {
      flags |= TRAWL_F_HYPHEN;
      p += n;
    } else if (isapos(c) && joinapos(L, p + n))
      p += n;
    else
      break;
  }
  if (c == '.' && period(L, start, p)) {
    p++;
    flags |= TRAWL_F_ABBREV;
  }
  push(L, start, p, TRAWL_WORD, flags);
  return p;
}

/* digits with inner , or . separators; letters or a hyphen end it */
static size_t number(Lex *L, size_t p, size_t n) {
  size_t start = p;
  int32_t c;
  p += n;
  for (;;) {
    while (p < L->len && L->s[p] >= '0' && L->s[p] <= '9')
      p++;
    if (charat(L, p, &c, &n) == C_DIGIT)
      p += n;
    else if ((c == ',' || c == '.') && classat(L, p + 1) == C_DIGIT)
      p++;
    else
      break;
  }
  push(L, start, p, TRAWL_NUMBER, 0);
  return p;
}

/* is the apostrophe at p the start of a possessive 's after a word? */
static int clitic(const Lex *L, size_t p, size_t n) {
  const trawl_tokens *t = L->t;
  const trawl_token *last;
  size_t q = p + n;
  if (t->n == 0) return 0;
  last = &t->tok[t->n - 1];
  if (last->kind != TRAWL_WORD || last->end != p) return 0;
  if (q >= L->len || (L->s[q] != 's' && L->s[q] != 'S')) return 0;
  return !wordch(classat(L, q + 1));
}

static size_t punct(Lex *L, size_t p, int32_t c, size_t n) {
  unsigned flags = 0;
  if (isapos(c) && clitic(L, p, n)) {
    push(L, p, p + n + 1, TRAWL_WORD, TRAWL_F_CLITIC);
    return p + n + 1;
  }
  if (c == '.' && p + 2 < L->len && L->s[p + 1] == '.' && L->s[p + 2] == '.')
    n = 3;
  else if (isquote(c))
    flags = TRAWL_F_QUOTE;
  else if (isdash(c))
    flags = TRAWL_F_DASH;
  push(L, p, p + n, TRAWL_PUNCT, flags);
  return p + n;
}

/* a maximal run of bytes that do not decode is one token */
static size_t invalid(Lex *L, size_t p) {
  size_t start = p, n;
  int32_t c;
  while (charat(L, p, &c, &n) == C_BAD)
    p++;
  push(L, start, p, TRAWL_OTHER, TRAWL_F_INVALID);
  return p;
}

static void scan(Lex *L) {
  size_t p = 0, n;
  int32_t c;
  L->pre = TRAWL_F_SPACE | TRAWL_F_NEWLINE | TRAWL_F_PARA;
  while (p < L->len && L->err == TRAWL_OK) {
    switch (charat(L, p, &c, &n)) {
    case C_SPACE:
      L->pre |= TRAWL_F_SPACE;
      p += n;
      break;
    case C_BREAK: p = linebreak(L, p, c, n); break;
    case C_UPPER:
    case C_LOWER:
    case C_LETTER: p = word(L, p); break;
    case C_DIGIT: p = number(L, p, n); break;
    case C_PUNCT: p = punct(L, p, c, n); break;
    case C_SYMBOL:
      push(L, p, p + n, TRAWL_SYMBOL, 0);
      p += n;
      break;
    case C_BAD: p = invalid(L, p); break;
    default: /* a mark with no word, Nl, No, Cf, Co, Cn */
      push(L, p, p + n, TRAWL_OTHER, 0);
      p += n;
      break;
    }
  }
}

/* ------------------------------------------------------------------ */
/* sentences and paragraphs */

static int32_t firstcp(const Lex *L, const trawl_token *tk) {
  int32_t c;
  size_t n;
  charat(L, tk->start, &c, &n);
  return c;
}

/* a closing quote or bracket written right after what precedes it */
static int closer(const Lex *L, const trawl_token *tk) {
  int32_t c;
  if (tk->kind != TRAWL_PUNCT || (tk->flags & TRAWL_F_SPACE)) return 0;
  c = firstcp(L, tk);
  if (c == '"' || c == '\'') return 1;
  switch (utf8proc_category(c)) {
  case UTF8PROC_CATEGORY_PE:
  case UTF8PROC_CATEGORY_PF: return 1;
  default: return 0;
  }
}

/* . ! ? or ... */
static int stopper(const Lex *L, const trawl_token *tk) {
  const unsigned char *s = L->s + tk->start;
  size_t n = tk->end - tk->start;
  if (tk->kind != TRAWL_PUNCT) return 0;
  if (n == 1) return s[0] == '.' || s[0] == '!' || s[0] == '?';
  return n == 3 && s[0] == '.'; /* "..." is the only 3-byte "." token */
}

/* does a sentence start at token i > 0? */
static int sentstart(const Lex *L, size_t i) {
  const trawl_token *tok = L->t->tok;
  unsigned f = tok[i].flags;
  size_t j = i - 1;
  if (f & TRAWL_F_PARA) return 1;
  if (tok[j].flags & TRAWL_F_ABBREV) return 0; /* its period is inside it */
  if (tok[i].kind == TRAWL_WORD && (f & TRAWL_F_LOWER)) return 0;
  if (f & TRAWL_F_NEWLINE) return 1; /* headlines end at the line end */
  if (!(f & TRAWL_F_SPACE)) return 0;
  while (j > 0 && closer(L, &tok[j]))
    j--;
  return stopper(L, &tok[j]);
}

/* start a new range at token i when it has flag, and extend the last */
static void addrange(trawl_range *r, size_t *nr, const trawl_token *tk,
                     size_t i, unsigned flag) {
  if (tk->flags & flag) {
    r[*nr].first = (uint32_t)i;
    r[*nr].count = 0;
    r[*nr].start = tk->start;
    (*nr)++;
  }
  r[*nr - 1].count++;
  r[*nr - 1].end = tk->end;
}

static int sentences(Lex *L) {
  trawl_tokens *t = L->t;
  size_t i, ns = 0, np = 0, len = 0;
  for (i = 0; i < t->n; i++) {
    /* len: tokens of the sentence so far (see TRAWL_MAX_SENT_TOKENS) */
    if (i == 0 || len >= TRAWL_MAX_SENT_TOKENS || sentstart(L, i))
      t->tok[i].flags |= TRAWL_F_SENT;
    if (t->tok[i].flags & TRAWL_F_SENT) {
      ns++;
      len = 0;
    }
    len++;
    if (t->tok[i].flags & TRAWL_F_PARA) np++;
  }
  /* at least one element each, so that malloc(0) is never asked */
  t->sent = malloc((ns ? ns : 1) * sizeof(trawl_range));
  t->para = malloc((np ? np : 1) * sizeof(trawl_range));
  if (t->sent == NULL || t->para == NULL) return fail(L, TRAWL_ENOMEM, 0);
  for (i = 0; i < t->n; i++) {
    addrange(t->sent, &t->nsent, &t->tok[i], i, TRAWL_F_SENT);
    addrange(t->para, &t->npara, &t->tok[i], i, TRAWL_F_PARA);
    t->tok[i].sent = (uint32_t)(t->nsent - 1);
  }
  return 1;
}

/* give back the spare room of the arrays when it is large; a failed
** shrink is harmless */
static void shrink(Lex *L) {
  trawl_tokens *t = L->t;
  if (L->tokcap - t->n > t->n / 4 + 64) {
    trawl_token *nt = grow(t->tok, t->n ? t->n : 1, sizeof(trawl_token));
    if (nt != NULL) t->tok = nt;
  }
  if (L->foldcap - t->foldsize > t->foldsize / 4 + 256) {
    char *nf = realloc(t->folds, t->foldsize ? t->foldsize : 1);
    if (nf != NULL) t->folds = nf;
  }
}

/* ------------------------------------------------------------------ */
/* the API */

#define MAXTOKGUESS ((size_t)1 << 22) /* 96 MB of tokens */

static trawl_tokens *error(trawl_error *err, int code, size_t off) {
  const char *msg;
  if (err == NULL) return NULL;
  switch (code) {
  case TRAWL_ENOMEM: msg = "out of memory while tokenising"; break;
  case TRAWL_ETOOBIG: msg = "text too large to tokenise"; break;
  default: msg = "bad argument to trawl_tokenize"; break;
  }
  err->code = code;
  err->offset = off;
  snprintf(err->msg, sizeof err->msg, "%s", msg);
  return NULL;
}

trawl_tokens *trawl_tokenize(const char *text, size_t len, trawl_error *err) {
  Lex L;
  trawl_tokens *t;
  if (len > TRAWL_MAX_DOC) return error(err, TRAWL_ETOOBIG, TRAWL_MAX_DOC);
  if (text == NULL && len > 0) return error(err, TRAWL_EARG, 0);
  t = calloc(1, sizeof *t);
  if (t == NULL) return error(err, TRAWL_ENOMEM, 0);
  t->text = text;
  t->len = len;
  memset(&L, 0, sizeof L);
  L.s = (const unsigned char *)text;
  L.len = len;
  L.t = t;
  /* news text averages about six bytes a token; the arrays grow by
  ** doubling when the guess is short, and a huge text does not ask for
  ** all of its guess at once */
  L.tokcap = len / 5 + 16;
  if (L.tokcap > MAXTOKGUESS) L.tokcap = MAXTOKGUESS;
  L.foldcap = len - len / 8 + 16;
  t->tok = grow(NULL, L.tokcap, sizeof(trawl_token));
  t->folds = malloc(L.foldcap);
  if (t->tok == NULL || t->folds == NULL)
    fail(&L, TRAWL_ENOMEM, 0);
  else {
    scan(&L);
    if (L.err == TRAWL_OK) sentences(&L);
  }
  if (L.err != TRAWL_OK) {
    trawl_tokens_free(t);
    return error(err, L.err, L.erroff);
  }
  shrink(&L);
  return t;
}

void trawl_tokens_free(trawl_tokens *t) {
  if (t == NULL) return;
  free(t->tok);
  free(t->sent);
  free(t->para);
  free(t->folds);
  free(t);
}

const char *trawl_token_fold(const trawl_tokens *t, size_t i, size_t *len) {
  if (t == NULL || i >= t->n) {
    if (len != NULL) *len = 0;
    return NULL;
  }
  if (len != NULL) *len = t->tok[i].foldlen;
  return t->folds + t->tok[i].fold;
}

size_t trawl_token_at(const trawl_tokens *t, size_t off) {
  size_t lo = 0, hi;
  if (t == NULL) return 0;
  hi = t->n;
  while (lo < hi) { /* first token with end > off */
    size_t mid = lo + (hi - lo) / 2;
    if (t->tok[mid].end > off)
      hi = mid;
    else
      lo = mid + 1;
  }
  return lo;
}

const char *trawl_kind_name(int kind) {
  static const char *const names[TRAWL_NKINDS] = {"word", "number", "punct",
                                                  "symbol", "other"};
  return (kind >= 0 && kind < TRAWL_NKINDS) ? names[kind] : "?";
}
