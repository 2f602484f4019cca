/*
** pattern.c - the token-pattern compiler: source text -> tree -> program.
**
** The syntax is documented in docs/rules.md. Parsing builds a small tree
** (Node); code generation walks it once per direction (lookbehinds are
** compiled backwards) and copies the body of bounded repeats, as regex
** compilers do. The tree also yields what can start a match, which the
** phase index uses to skip patterns that cannot match at a token.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "patcode.h"
#include "tlimits.h"

/* ------------------------------------------------------------------ */
/* growable arrays */

/* make room for one more element in *arr (of *n, capacity *cap) */
static int grow(void **arr, size_t elem, uint32_t n, uint32_t *cap) {
  void *p;
  uint32_t ncap;
  if (n < *cap) return 1;
  ncap = *cap ? *cap * 2 : 8;
  p = realloc(*arr, (size_t)ncap * elem);
  if (p == NULL) return 0;
  *arr = p;
  *cap = ncap;
  return 1;
}

uint32_t trawl_hash(const char *s, size_t len) {
  uint32_t h = 2166136261u;
  size_t i;
  for (i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

int trawl_wordset_has(const WordSet *ws, const char *strings, const char *s,
                      size_t len, uint32_t hash) {
  uint32_t mask = ws->nslots - 1, i = hash & mask;
  for (;; i = (i + 1) & mask) {
    uint32_t k = ws->slots[i];
    if (k == 0) return 0;
    k--;
    if (ws->hash[k] == hash && ws->len[k] == len &&
        memcmp(strings + ws->off[k], s, len) == 0)
      return 1;
  }
}

/* ------------------------------------------------------------------ */
/* the tree */

typedef enum NodeKind {
  N_SEQ, N_ALT, N_REP, N_GROUP, N_TOK, N_ANY, N_SPAN, N_SENTSTART,
  N_SENTEND, N_LOOK
} NodeKind;

typedef struct Node {
  uint8_t kind;
  uint8_t greedy;        /* N_REP */
  uint8_t behind, neg;   /* N_LOOK */
  int32_t min, max;      /* N_REP; max -1 = unbounded */
  int32_t a, b;          /* N_TOK: first test, count; N_SPAN: class;
                            N_GROUP: group number (0 = not captured) */
  uint32_t src;          /* offset in the source */
  struct Node **kids;
  uint32_t nkids, capkids;
} Node;

typedef struct Compiler {
  const char *src;
  size_t len, pos;
  const trawl_patenv *env;
  trawl_error *err;
  trawl_pattern *p;
  uint32_t capt, caps, capstr, capprog, capsets, caprx;
  Node **nodes;          /* every node, for freeing */
  uint32_t nnodes, capnodes;
  uint32_t ncode;        /* instructions emitted in all programs */
  int nregs;             /* loop registers */
  int depth;
} Compiler;

static int fail(Compiler *C, size_t at, int code, const char *fmt, ...) {
  va_list ap;
  if (C->err != NULL && C->err->code == TRAWL_OK) {
    C->err->code = code;
    C->err->offset = at;
    va_start(ap, fmt);
    vsnprintf(C->err->msg, sizeof C->err->msg, fmt, ap);
    va_end(ap);
  }
  return 0;
}

#define NOMEM(C) fail(C, (C)->pos, TRAWL_ENOMEM, "not enough memory")

static Node *newnode(Compiler *C, NodeKind k) {
  Node *n;
  if (!grow((void **)&C->nodes, sizeof(Node *), C->nnodes, &C->capnodes) ||
      (n = (Node *)calloc(1, sizeof(Node))) == NULL) {
    NOMEM(C);
    return NULL;
  }
  C->nodes[C->nnodes++] = n;
  n->kind = (uint8_t)k;
  n->src = (uint32_t)C->pos;
  return n;
}

static int addkid(Compiler *C, Node *n, Node *kid) {
  if (!grow((void **)&n->kids, sizeof(Node *), n->nkids, &n->capkids))
    return NOMEM(C);
  n->kids[n->nkids++] = kid;
  return 1;
}

/* intern bytes in the pattern's string arena; returns the offset or -1 */
static int32_t addstring(Compiler *C, const char *s, size_t len) {
  trawl_pattern *p = C->p;
  uint32_t need = p->nstrings + (uint32_t)len + 1;
  while (need > C->capstr) {
    uint32_t ncap = C->capstr ? C->capstr * 2 : 256;
    char *ns = (char *)realloc(p->strings, ncap);
    if (ns == NULL) { NOMEM(C); return -1; }
    p->strings = ns;
    C->capstr = ncap;
  }
  memcpy(p->strings + p->nstrings, s, len);
  p->strings[p->nstrings + len] = '\0';
  p->nstrings = need;
  return (int32_t)(need - len - 1);
}

static int32_t newtest(Compiler *C) {
  trawl_pattern *p = C->p;
  TokTest *t;
  if (!grow((void **)&p->tests, sizeof(TokTest), (uint32_t)p->ntests,
            &C->capt)) {
    NOMEM(C);
    return -1;
  }
  t = &p->tests[p->ntests];
  memset(t, 0, sizeof *t);
  t->lit = t->set = t->rx = t->exact = -1;
  return p->ntests++;
}

/* ------------------------------------------------------------------ */
/* lexing */

static void skipspace(Compiler *C) {
  while (C->pos < C->len) {
    char c = C->src[C->pos];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') C->pos++;
    else if (c == '#') {   /* comment to the end of the line */
      while (C->pos < C->len && C->src[C->pos] != '\n') C->pos++;
    } else break;
  }
}

static int peek(Compiler *C) {
  skipspace(C);
  return C->pos < C->len ? (unsigned char)C->src[C->pos] : -1;
}

/* a byte that may be part of a bare word: letters, digits, _ - and any
** non-ASCII byte (so "Kyiv" and "Москва" need no quotes) */
static int isbare(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_' || c == '-' || c >= 0x80;
}

static int isnamechar(int c) {
  return isbare(c) || c == '.';
}

static size_t scanbare(Compiler *C) {
  size_t start = C->pos;
  while (C->pos < C->len && isbare((unsigned char)C->src[C->pos])) C->pos++;
  return C->pos - start;
}

/* a quoted string starting at the quote; sets *s, *len to its contents
** (no escapes: a quote of the other kind can be used inside) */
static int scanquoted(Compiler *C, const char **s, size_t *len) {
  char q = C->src[C->pos];
  size_t start = C->pos++;
  while (C->pos < C->len && C->src[C->pos] != q) C->pos++;
  if (C->pos >= C->len) return fail(C, start, TRAWL_ESYNTAX, "unterminated string");
  *s = C->src + start + 1;
  *len = C->pos - start - 1;
  C->pos++;
  return 1;
}

static int scanint(Compiler *C, int32_t *out) {
  long v = 0;
  size_t start = C->pos;
  while (C->pos < C->len && C->src[C->pos] >= '0' && C->src[C->pos] <= '9') {
    if (v <= 1000000) v = v * 10 + (C->src[C->pos] - '0');
    C->pos++;   /* read every digit; a huge count is caught by the caller */
  }
  if (C->pos == start) return fail(C, start, TRAWL_ESYNTAX, "number expected");
  *out = (int32_t)v;
  return 1;
}

/* ------------------------------------------------------------------ */
/* atoms */

/* a literal: its text is tokenised like documents, giving a sequence of
** one-token tests on folded forms ("U.S. Army" -> 2 tokens) */
static Node *literal(Compiler *C, const char *s, size_t len, size_t at) {
  trawl_error terr;
  trawl_tokens *t;
  Node *seq;
  size_t i;
  if (len == 0) {
    fail(C, at, TRAWL_ESYNTAX, "empty literal");
    return NULL;
  }
  t = trawl_tokenize(s, len, &terr);
  if (t == NULL) {
    fail(C, at, terr.code, "%s", terr.msg);
    return NULL;
  }
  if (t->n == 0) {
    trawl_tokens_free(t);
    fail(C, at, TRAWL_ESYNTAX, "literal has no token");
    return NULL;
  }
  seq = newnode(C, N_SEQ);
  for (i = 0; seq != NULL && i < t->n; i++) {
    size_t flen;
    const char *f = trawl_token_fold(t, i, &flen);
    int32_t k = newtest(C), off;
    Node *tok;
    if (k < 0 || (off = addstring(C, f, flen)) < 0 ||
        (tok = newnode(C, N_TOK)) == NULL) {
      seq = NULL;
      break;
    }
    C->p->tests[k].lit = off;
    C->p->tests[k].litlen = (uint32_t)flen;
    tok->a = k;
    tok->b = 1;
    tok->src = (uint32_t)at;
    if (!addkid(C, seq, tok)) seq = NULL;
  }
  trawl_tokens_free(t);
  if (seq != NULL && seq->nkids == 1) return seq->kids[0];
  return seq;
}

/* /regex/flags on the whole token text */
static int32_t regexatom(Compiler *C) {
  size_t start = C->pos++, body, blen;
  unsigned flags = 0;
  char *wrapped;
  trawl_error rerr;
  trawl_regex *re;
  int32_t k;
  body = C->pos;
  while (C->pos < C->len && C->src[C->pos] != '/') {
    if (C->src[C->pos] == '\\' && C->pos + 1 < C->len) C->pos++;
    C->pos++;
  }
  if (C->pos >= C->len) {
    fail(C, start, TRAWL_ESYNTAX, "unterminated regex");
    return -1;
  }
  blen = C->pos++ - body;
  while (C->pos < C->len && C->src[C->pos] == 'i') {
    flags |= TRAWL_RX_CASELESS;
    C->pos++;
  }
  /* the body alone first: an unbalanced body would escape the anchors
  ** below, and its error offsets are the ones the author needs */
  re = trawl_regex_new(C->src + body, blen, flags, &rerr);
  if (re == NULL) {
    const char *m = strstr(rerr.msg, ": ");   /* drop PCRE2's own offset */
    fail(C, body + (rerr.offset > blen ? blen : rerr.offset), rerr.code,
         "regex: %s", m ? m + 2 : rerr.msg);
    return -1;
  }
  trawl_regex_free(re);
  /* anchored at both ends of the token */
  wrapped = (char *)malloc(blen + 16);
  if (wrapped == NULL) { NOMEM(C); return -1; }
  memcpy(wrapped, "\\A(?:", 5);
  memcpy(wrapped + 5, C->src + body, blen);
  memcpy(wrapped + 5 + blen, ")\\z", 3);
  re = trawl_regex_new(wrapped, blen + 8, flags, &rerr);
  free(wrapped);
  if (re == NULL) {
    size_t off = rerr.offset >= 5 ? rerr.offset - 5 : 0;
    const char *m = strstr(rerr.msg, ": ");   /* drop PCRE2's own offset */
    if (off > blen) off = blen;
    fail(C, body + off, rerr.code, "regex: %s", m ? m + 2 : rerr.msg);
    return -1;
  }
  if (!grow((void **)&C->p->rx, sizeof(trawl_regex *), (uint32_t)C->p->nrx,
            &C->caprx)) {
    trawl_regex_free(re);
    NOMEM(C);
    return -1;
  }
  C->p->rx[C->p->nrx] = re;
  if ((k = newtest(C)) < 0) return -1;
  C->p->tests[k].rx = C->p->nrx++;
  return k;
}

static const char *const kindnames[] = {"word", "number", "punct", "symbol",
                                        "other", NULL};
static const struct { const char *name; uint16_t flag; } flagnames[] = {
  {"cap", TRAWL_F_CAP},       {"allcaps", TRAWL_F_ALLCAPS},
  {"lower", TRAWL_F_LOWER},   {"alpha", TRAWL_F_ALPHA},
  {"digit", TRAWL_F_DIGIT},   {"hyphen", TRAWL_F_HYPHEN},
  {"abbrev", TRAWL_F_ABBREV}, {"quote", TRAWL_F_QUOTE},
  {"dash", TRAWL_F_DASH},     {"clitic", TRAWL_F_CLITIC},
  {"space", TRAWL_F_SPACE},   {"newline", TRAWL_F_NEWLINE},
  {NULL, 0}
};

/* one predicate name inside [ ]: a kind or a shape flag */
static int predicate(Compiler *C, TokTest *base, const char *name, size_t len,
                     int neg, size_t at) {
  int i;
  for (i = 0; kindnames[i] != NULL; i++) {
    if (strlen(kindnames[i]) == len && memcmp(kindnames[i], name, len) == 0) {
      uint32_t bit = 1u << i;
      if (neg) base->kinds = (base->kinds ? base->kinds : 0x1Fu) & ~bit;
      else base->kinds = base->kinds ? (base->kinds & bit) : bit;
      if (base->kinds == 0) base->kinds = 0x80000000u;   /* never */
      return 1;
    }
  }
  for (i = 0; flagnames[i].name != NULL; i++) {
    if (strlen(flagnames[i].name) == len &&
        memcmp(flagnames[i].name, name, len) == 0) {
      if (neg) base->off |= flagnames[i].flag;
      else base->on |= flagnames[i].flag;
      /* only words have letters: saying so lets the phase index skip
      ** every other token for patterns that start with [cap] */
      if (!neg && !base->kinds &&
          (flagnames[i].flag & (TRAWL_F_CAP | TRAWL_F_ALLCAPS | TRAWL_F_LOWER |
                                TRAWL_F_ALPHA | TRAWL_F_ABBREV | TRAWL_F_CLITIC)))
        base->kinds = 1u << TRAWL_WORD;
      return 1;
    }
  }
  return fail(C, at, TRAWL_ESYNTAX, "unknown token predicate '%.*s'",
              (int)len, name);
}

/* a one-token literal test (inside [ ]): fails for multi-token text */
static int32_t onetoken(Compiler *C, const char *s, size_t len, size_t at) {
  Node *n = literal(C, s, len, at);
  if (n == NULL) return -1;
  if (n->kind != N_TOK) {
    fail(C, at, TRAWL_ESYNTAX, "'%.*s' is more than one token", (int)len, s);
    return -1;
  }
  return n->a;
}

/* [pred pred ...]: all must hold; '!' negates one; predicates are kinds,
** shape flags, "literal", /regex/ and text="exact" */
static Node *bracket(Compiler *C) {
  size_t open = C->pos++;
  int32_t basek = newtest(C), first = basek;
  Node *n;
  if (basek < 0) return NULL;
  for (;;) {
    int c = peek(C), neg = 0;
    int32_t k = -1;
    size_t at;
    if (c == ']') { C->pos++; break; }
    if (c < 0) {
      fail(C, open, TRAWL_ESYNTAX, "missing ']'");
      return NULL;
    }
    if (c == '!') {
      neg = 1;
      C->pos++;
      if ((c = peek(C)) < 0) {
        fail(C, open, TRAWL_ESYNTAX, "missing ']'");
        return NULL;
      }
    }
    at = C->pos;
    if (c == '"' || c == '\'') {
      const char *s;
      size_t len;
      if (!scanquoted(C, &s, &len) || (k = onetoken(C, s, len, at)) < 0)
        return NULL;
    } else if (c == '/') {
      if ((k = regexatom(C)) < 0) return NULL;
    } else if (isbare(c)) {
      size_t len = scanbare(C);
      const char *name = C->src + at;
      if (len == 4 && memcmp(name, "text", 4) == 0 && C->pos < C->len &&
          C->src[C->pos] == '=') {
        const char *s;
        size_t slen;
        int32_t off;
        C->pos++;
        if (C->pos >= C->len || (C->src[C->pos] != '"' && C->src[C->pos] != '\'')) {
          fail(C, C->pos, TRAWL_ESYNTAX, "text= expects a quoted string");
          return NULL;
        }
        if (!scanquoted(C, &s, &slen) || (k = newtest(C)) < 0 ||
            (off = addstring(C, s, slen)) < 0)
          return NULL;
        C->p->tests[k].exact = off;
        C->p->tests[k].exactlen = (uint32_t)slen;
      } else if (!predicate(C, &C->p->tests[basek], name, len, neg, at)) {
        return NULL;
      }
    } else {
      fail(C, C->pos, TRAWL_ESYNTAX, "unexpected '%c' in [ ]", c);
      return NULL;
    }
    if (k >= 0) C->p->tests[k].negate = (uint8_t)neg;
  }
  if ((n = newnode(C, N_TOK)) == NULL) return NULL;
  n->src = (uint32_t)open;
  n->a = first;
  n->b = C->p->ntests - first;
  return n;
}

static Node *alternation(Compiler *C);

/* pattern text the resolver gave for a name, compiled in its place; its
** nodes and errors point at the name */
static Node *splice(Compiler *C, char *text, size_t len, size_t at) {
  const char *src = C->src;
  size_t srclen = C->len, pos = C->pos;
  uint32_t first = C->nnodes, i;
  Node *n;
  C->src = text;
  C->len = len;
  C->pos = 0;
  n = alternation(C);
  if (n != NULL && peek(C) >= 0) {
    fail(C, C->pos, TRAWL_ESYNTAX, "bad text for the name: unexpected '%c'",
         C->src[C->pos]);
    n = NULL;
  }
  C->src = src;
  C->len = srclen;
  C->pos = pos;
  free(text);
  for (i = first; i < C->nnodes; i++) C->nodes[i]->src = (uint32_t)at;
  if (n == NULL && C->err->code != TRAWL_ENOMEM) C->err->offset = at;
  return n;
}

/* @name or <type tests>: resolved by the caller to a span class (or to
** pattern text spliced in its place) */
static Node *spanatom(Compiler *C, char sigil) {
  size_t at = C->pos++, nstart, tstart = 0, tlen = 0;
  size_t nlen, textlen = 0;
  char *text = NULL;
  int cls;
  trawl_error rerr;
  Node *n;
  nstart = C->pos;
  while (C->pos < C->len && isnamechar((unsigned char)C->src[C->pos]))
    C->pos++;
  nlen = C->pos - nstart;
  if (nlen == 0) {
    fail(C, at, TRAWL_ESYNTAX, "name expected after '%c'", sigil);
    return NULL;
  }
  if (sigil == '<') {
    /* tests up to the closing '>', quotes respected; a '>' followed by
    ** '=', a digit or '-' is a comparison: <number value>=1000> */
    char q = 0;
    tstart = C->pos;
    while (C->pos < C->len) {
      char c = C->src[C->pos];
      if (q) {
        if (c == q) q = 0;
      } else if (c == '"' || c == '\'') {
        q = c;
      } else if (c == '>') {
        char d = C->pos + 1 < C->len ? C->src[C->pos + 1] : '\0';
        if (d != '=' && d != '-' && !(d >= '0' && d <= '9')) break;
      }
      C->pos++;
    }
    if (C->pos >= C->len) {
      fail(C, at, TRAWL_ESYNTAX, "missing '>'");
      return NULL;
    }
    tlen = C->pos++ - tstart;
  }
  if (C->env == NULL || C->env->resolve == NULL) {
    fail(C, at, TRAWL_ESYNTAX, "'%c%.*s' cannot be resolved here", sigil,
         (int)nlen, C->src + nstart);
    return NULL;
  }
  memset(&rerr, 0, sizeof rerr);
  rerr.offset = (size_t)-1;   /* the resolver sets it for an error in tests */
  cls = C->env->resolve(C->env->ud, sigil, C->src + nstart, nlen,
                        sigil == '<' ? C->src + tstart : NULL, tlen, &text,
                        &textlen, &rerr);
  if (text != NULL) return splice(C, text, textlen, at);
  if (cls < 0) {
    fail(C, sigil == '<' && rerr.offset != (size_t)-1 ? tstart + rerr.offset : at,
         cls == TRAWL_ENOMEM ? TRAWL_ENOMEM : TRAWL_ESYNTAX, "%s", rerr.msg);
    return NULL;
  }
  if ((n = newnode(C, N_SPAN)) == NULL) return NULL;
  n->src = (uint32_t)at;
  n->a = cls;
  return n;
}

/* ------------------------------------------------------------------ */
/* the grammar */

static Node *alternation(Compiler *C);

static int addgroup(Compiler *C, const char *name, size_t len, size_t at) {
  trawl_pattern *p = C->p;
  char **nn;
  int i;
  char *copy;
  for (i = 1; i <= p->ngroups; i++) {
    if (strlen(p->names[i]) == len && memcmp(p->names[i], name, len) == 0)
      return fail(C, at, TRAWL_ESYNTAX, "group '%.*s' defined twice",
                  (int)len, name);
  }
  nn = (char **)realloc(p->names, sizeof(char *) * (size_t)(p->ngroups + 2));
  if (nn == NULL) return NOMEM(C);
  p->names = nn;
  if ((copy = (char *)malloc(len + 1)) == NULL) return NOMEM(C);
  memcpy(copy, name, len);
  copy[len] = '\0';
  p->names[0] = NULL;
  p->names[++p->ngroups] = copy;
  return p->ngroups;
}

/* '(' already seen: (?: ...), (?<name> ...), (?= (?! (?<= (?<!, or ( ... ) */
static Node *group(Compiler *C) {
  size_t open = C->pos++;
  Node *n, *body;
  int look = 0, behind = 0, neg = 0, num = 0;
  if (C->pos < C->len && C->src[C->pos] == '?') {
    const char *s = C->src + C->pos + 1;
    size_t left = C->len - C->pos - 1;
    if (left >= 1 && s[0] == ':') C->pos += 2;
    else if (left >= 1 && (s[0] == '=' || s[0] == '!')) {
      look = 1; neg = s[0] == '!'; C->pos += 2;
    } else if (left >= 2 && s[0] == '<' && (s[1] == '=' || s[1] == '!')) {
      look = 1; behind = 1; neg = s[1] == '!'; C->pos += 3;
    } else if (left >= 1 && s[0] == '<') {
      size_t nstart = C->pos + 2, nlen;
      C->pos = nstart;
      nlen = scanbare(C);
      if (nlen == 0 || C->pos >= C->len || C->src[C->pos] != '>') {
        fail(C, open, TRAWL_ESYNTAX, "bad group name");
        return NULL;
      }
      C->pos++;
      if ((num = addgroup(C, C->src + nstart, nlen, open)) == 0) return NULL;
    } else {
      fail(C, open, TRAWL_ESYNTAX, "unknown group type '(?%c'",
           left ? s[0] : ' ');
      return NULL;
    }
  }
  if (++C->depth > 200) {
    fail(C, open, TRAWL_ESYNTAX, "groups nested too deeply");
    return NULL;
  }
  body = alternation(C);
  C->depth--;
  if (body == NULL) return NULL;
  if (peek(C) != ')') {
    fail(C, open, TRAWL_ESYNTAX, "missing ')'");
    return NULL;
  }
  C->pos++;
  if ((n = newnode(C, look ? N_LOOK : N_GROUP)) == NULL || !addkid(C, n, body))
    return NULL;
  n->src = (uint32_t)open;
  n->a = num;
  n->behind = (uint8_t)behind;
  n->neg = (uint8_t)neg;
  return n;
}

static Node *primary(Compiler *C) {
  int c = peek(C);
  size_t at = C->pos;
  Node *n;
  switch (c) {
    case '(': return group(C);
    case '[': return bracket(C);
    case '@': case '<': return spanatom(C, (char)c);
    case '.': C->pos++; n = newnode(C, N_ANY); break;
    case '^': C->pos++; n = newnode(C, N_SENTSTART); break;
    case '$': C->pos++; n = newnode(C, N_SENTEND); break;
    case '/': {
      int32_t k = regexatom(C);
      if (k < 0 || (n = newnode(C, N_TOK)) == NULL) return NULL;
      n->a = k;
      n->b = 1;
      break;
    }
    case '"': case '\'': {
      const char *s;
      size_t len;
      if (!scanquoted(C, &s, &len)) return NULL;
      return literal(C, s, len, at);
    }
    default:
      if (c >= 0 && isbare(c)) {
        size_t len = scanbare(C);
        return literal(C, C->src + at, len, at);
      }
      fail(C, at, TRAWL_ESYNTAX, c < 0 ? "pattern expected" : "unexpected '%c'", c);
      return NULL;
  }
  if (n != NULL) n->src = (uint32_t)at;
  return n;
}

/* an optional quantifier after an item */
static Node *quantified(Compiler *C, Node *item) {
  int c;
  size_t at;
  Node *rep;
  int32_t min, max;
  for (;;) {
    skipspace(C);   /* white space is free here too: "( a b ) {2}" */
    if (C->pos >= C->len) return item;
    c = (unsigned char)C->src[C->pos];
    at = C->pos;
    if (c == '?') { min = 0; max = 1; C->pos++; }
    else if (c == '*') { min = 0; max = -1; C->pos++; }
    else if (c == '+') { min = 1; max = -1; C->pos++; }
    else if (c == '{') {
      C->pos++;
      if (!scanint(C, &min)) return NULL;
      max = min;
      if (C->pos < C->len && C->src[C->pos] == ',') {
        C->pos++;
        max = -1;
        if (C->pos < C->len && C->src[C->pos] != '}' && !scanint(C, &max))
          return NULL;
      }
      if (C->pos >= C->len || C->src[C->pos] != '}') {
        fail(C, at, TRAWL_ESYNTAX, "missing '}'");
        return NULL;
      }
      C->pos++;
      if (max != -1 && max < min) {
        fail(C, at, TRAWL_ESYNTAX, "{%d,%d}: max below min", min, max);
        return NULL;
      }
      if (min > TRAWL_PAT_MAXREP || max > TRAWL_PAT_MAXREP) {
        fail(C, at, TRAWL_ESYNTAX, "repeat count over %d", TRAWL_PAT_MAXREP);
        return NULL;
      }
    } else return item;
    if (item->kind == N_SENTSTART || item->kind == N_SENTEND ||
        item->kind == N_LOOK) {
      fail(C, at, TRAWL_ESYNTAX, "nothing to repeat");
      return NULL;
    }
    if ((rep = newnode(C, N_REP)) == NULL || !addkid(C, rep, item))
      return NULL;
    rep->src = item->src;
    rep->min = min;
    rep->max = max;
    rep->greedy = 1;
    if (C->pos < C->len && C->src[C->pos] == '?') {
      rep->greedy = 0;
      C->pos++;
    }
    item = rep;
  }
}

static Node *sequence(Compiler *C) {
  Node *seq = newnode(C, N_SEQ);
  if (seq == NULL) return NULL;
  for (;;) {
    int c = peek(C);
    Node *item;
    if (c < 0 || c == ')' || c == '|') break;
    if ((item = primary(C)) == NULL || (item = quantified(C, item)) == NULL ||
        !addkid(C, seq, item))
      return NULL;
  }
  return seq;
}

/* is n a single one-token literal with no other condition? */
static int plainliteral(const trawl_pattern *p, const Node *n) {
  const TokTest *t;
  while (n->kind == N_SEQ && n->nkids == 1) n = n->kids[0];
  if (n->kind != N_TOK || n->b != 1) return 0;
  t = &p->tests[n->a];
  return t->lit >= 0 && !t->negate && t->kinds == 0 && t->on == 0 &&
         t->off == 0;
}

static const Node *unwrap(const Node *n) {
  while (n->kind == N_SEQ && n->nkids == 1) n = n->kids[0];
  return n;
}

/* an alternation of one-token literals becomes one test on a word set:
** (troops|soldiers|marines) is then one hash lookup, not three tries */
static Node *wordset(Compiler *C, Node *alt) {
  trawl_pattern *p = C->p;
  WordSet *ws;
  uint32_t i, n = alt->nkids, nslots = 8;
  int32_t k;
  Node *tok;
  for (i = 0; i < n; i++)
    if (!plainliteral(p, alt->kids[i])) return alt;
  if (!grow((void **)&p->sets, sizeof(WordSet), (uint32_t)p->nsets, &C->capsets))
    return NOMEM(C), NULL;
  ws = &p->sets[p->nsets];
  memset(ws, 0, sizeof *ws);
  while (nslots < 2 * n) nslots *= 2;
  ws->nslots = nslots;
  ws->slots = (uint32_t *)calloc(nslots, sizeof(uint32_t));
  ws->off = (uint32_t *)malloc(sizeof(uint32_t) * n);
  ws->len = (uint32_t *)malloc(sizeof(uint32_t) * n);
  ws->hash = (uint32_t *)malloc(sizeof(uint32_t) * n);
  p->nsets++;   /* owned by the pattern from here, even if incomplete */
  if (!ws->slots || !ws->off || !ws->len || !ws->hash) return NOMEM(C), NULL;
  for (i = 0; i < n; i++) {
    const TokTest *t = &p->tests[unwrap(alt->kids[i])->a];
    uint32_t h = trawl_hash(p->strings + t->lit, t->litlen), j;
    if (trawl_wordset_has(ws, p->strings, p->strings + t->lit, t->litlen, h))
      continue;
    ws->off[ws->n] = (uint32_t)t->lit;
    ws->len[ws->n] = t->litlen;
    ws->hash[ws->n] = h;
    for (j = h & (nslots - 1); ws->slots[j]; j = (j + 1) & (nslots - 1)) {}
    ws->slots[j] = ++ws->n;
  }
  if ((k = newtest(C)) < 0 || (tok = newnode(C, N_TOK)) == NULL) return NULL;
  p->tests[k].set = p->nsets - 1;
  tok->a = k;
  tok->b = 1;
  tok->src = alt->src;
  return tok;
}

static Node *alternation(Compiler *C) {
  Node *first = sequence(C), *alt;
  if (first == NULL) return NULL;
  if (peek(C) != '|') return first;
  if ((alt = newnode(C, N_ALT)) == NULL || !addkid(C, alt, first)) return NULL;
  alt->src = first->src;
  while (peek(C) == '|') {
    Node *next;
    C->pos++;
    if ((next = sequence(C)) == NULL || !addkid(C, alt, next)) return NULL;
  }
  return wordset(C, alt);
}

/* ------------------------------------------------------------------ */
/* code generation */

typedef struct Gen {
  Compiler *C;
  Program *prog;
  uint32_t cap;
  int backward;
  int main;      /* the main program: the only one that keeps captures */
} Gen;

static int32_t emit(Gen *g, Opcode op, int32_t a, int32_t b, uint32_t src) {
  Program *pr = g->prog;
  if (++g->C->ncode > TRAWL_PAT_MAXCODE) {
    fail(g->C, src, TRAWL_ESYNTAX, "pattern too large (over %d instructions)",
         TRAWL_PAT_MAXCODE);
    return -1;
  }
  if (!grow((void **)&pr->code, sizeof(Inst), pr->n, &g->cap)) {
    NOMEM(g->C);
    return -1;
  }
  pr->code[pr->n].op = (uint8_t)op;
  pr->code[pr->n].a = a;
  pr->code[pr->n].b = b;
  pr->code[pr->n].src = src;
  return (int32_t)pr->n++;
}

/* can n match without consuming a token? */
static int nullable(const Node *n) {
  uint32_t i;
  switch (n->kind) {
    case N_TOK: case N_ANY: case N_SPAN: return 0;
    case N_SENTSTART: case N_SENTEND: case N_LOOK: return 1;
    case N_REP: return n->min == 0 || nullable(n->kids[0]);
    case N_GROUP: return nullable(n->kids[0]);
    case N_SEQ:
      for (i = 0; i < n->nkids; i++)
        if (!nullable(n->kids[i])) return 0;
      return 1;
    case N_ALT:
      for (i = 0; i < n->nkids; i++)
        if (nullable(n->kids[i])) return 1;
      return 0;
  }
  return 1;
}

static int gen(Gen *g, const Node *n);
static int genlook(Compiler *C, const Node *n, int32_t *sub);

static int genrep(Gen *g, const Node *n) {
  const Node *body = n->kids[0];
  int32_t i, split, loop;
  for (i = 0; i < n->min; i++)
    if (!gen(g, body)) return 0;
  if (n->max == -1) {   /* loop: split body/out, [mark] body [progress], jmp */
    int guard = nullable(body);
    int32_t reg = 0;
    loop = emit(g, OP_SPLIT, 0, 0, n->src);
    if (loop < 0) return 0;
    if (guard) {   /* registers come after the capture slots */
      reg = 2 * (g->C->p->ngroups + 1) + g->C->nregs++;
      if (emit(g, OP_MARK, reg, 0, n->src) < 0) return 0;
    }
    if (!gen(g, body)) return 0;
    if (guard && emit(g, OP_PROGRESS, reg, 0, n->src) < 0) return 0;
    if (emit(g, OP_JMP, loop, 0, n->src) < 0) return 0;
    g->prog->code[loop].a = n->greedy ? loop + 1 : (int32_t)g->prog->n;
    g->prog->code[loop].b = n->greedy ? (int32_t)g->prog->n : loop + 1;
    return 1;
  }
  {   /* n->max - n->min optional copies, each skipping to the end */
    int32_t opt = n->max - n->min, *splits;
    if (opt == 0) return 1;
    splits = (int32_t *)malloc(sizeof(int32_t) * (size_t)opt);
    if (splits == NULL) return NOMEM(g->C);
    for (i = 0; i < opt; i++) {
      if ((split = emit(g, OP_SPLIT, 0, 0, n->src)) < 0 || !gen(g, body)) {
        free(splits);
        return 0;
      }
      splits[i] = split;
    }
    for (i = 0; i < opt; i++) {
      Inst *in = &g->prog->code[splits[i]];
      in->a = n->greedy ? splits[i] + 1 : (int32_t)g->prog->n;
      in->b = n->greedy ? (int32_t)g->prog->n : splits[i] + 1;
    }
    free(splits);
    return 1;
  }
}

static int genalt(Gen *g, const Node *n) {
  uint32_t i;
  int32_t *jumps = (int32_t *)malloc(sizeof(int32_t) * n->nkids);
  if (jumps == NULL) return NOMEM(g->C);
  for (i = 0; i < n->nkids; i++) {
    int32_t split = -1;
    if (i + 1 < n->nkids &&
        (split = emit(g, OP_SPLIT, 0, 0, n->kids[i]->src)) < 0)
      goto bad;
    if (!gen(g, n->kids[i])) goto bad;
    jumps[i] = -1;
    if (i + 1 < n->nkids) {
      if ((jumps[i] = emit(g, OP_JMP, 0, 0, n->src)) < 0) goto bad;
      g->prog->code[split].a = split + 1;
      g->prog->code[split].b = (int32_t)g->prog->n;
    }
  }
  for (i = 0; i + 1 < n->nkids; i++)
    g->prog->code[jumps[i]].a = (int32_t)g->prog->n;
  free(jumps);
  return 1;
bad:
  free(jumps);
  return 0;
}

static int gen(Gen *g, const Node *n) {
  uint32_t i;
  switch (n->kind) {
    case N_TOK: return emit(g, OP_TOK, n->a, n->b, n->src) >= 0;
    case N_ANY: return emit(g, OP_ANY, 0, 0, n->src) >= 0;
    case N_SPAN: return emit(g, OP_SPAN, n->a, 0, n->src) >= 0;
    case N_SENTSTART: return emit(g, OP_SENTSTART, 0, 0, n->src) >= 0;
    case N_SENTEND: return emit(g, OP_SENTEND, 0, 0, n->src) >= 0;
    case N_SEQ:
      for (i = 0; i < n->nkids; i++)
        if (!gen(g, n->kids[g->backward ? n->nkids - 1 - i : i])) return 0;
      return 1;
    case N_ALT: return genalt(g, n);
    case N_REP: return genrep(g, n);
    case N_GROUP:
      /* captures are kept only in the main program */
      if (n->a == 0 || !g->main) return gen(g, n->kids[0]);
      return emit(g, OP_SAVE, 2 * n->a, 0, n->src) >= 0 &&
             gen(g, n->kids[0]) &&
             emit(g, OP_SAVE, 2 * n->a + 1, 0, n->src) >= 0;
    case N_LOOK: {
      int32_t sub = 0;
      if (!genlook(g->C, n, &sub)) return 0;
      return emit(g, OP_LOOK, sub, n->neg, n->src) >= 0;
    }
  }
  return 0;
}

/* compile body into *out, ending in OP_MATCH */
static int genprogram(Compiler *C, const Node *body, int backward, int main,
                      Program *out) {
  Gen g;
  memset(out, 0, sizeof *out);
  out->backward = backward;
  g.C = C;
  g.prog = out;
  g.cap = 0;
  g.backward = backward;
  g.main = main;
  if (!gen(&g, body) || emit(&g, OP_MATCH, 0, 0, body->src) < 0) {
    free(out->code);
    out->code = NULL;
    return 0;
  }
  return 1;
}

/* a lookaround becomes a program of its own, run at the current position */
static int genlook(Compiler *C, const Node *n, int32_t *sub) {
  trawl_pattern *p = C->p;
  Program prog;
  if (!genprogram(C, n->kids[0], n->behind, 0, &prog)) return 0;
  if (!grow((void **)&p->progs, sizeof(Program), (uint32_t)p->nprogs,
            &C->capprog)) {
    free(prog.code);
    return NOMEM(C);
  }
  *sub = p->nprogs;
  p->progs[p->nprogs++] = prog;
  return 1;
}

/* ------------------------------------------------------------------ */
/* what can start a match, for the phase index */

static int addstart(Compiler *C, int32_t **arr, uint32_t *n, uint32_t *cap,
                    int32_t v) {
  uint32_t i;
  for (i = 0; i < *n; i++)
    if ((*arr)[i] == v) return 1;
  if (!grow((void **)arr, sizeof(int32_t), *n, cap)) return NOMEM(C);
  (*arr)[(*n)++] = v;
  return 1;
}

typedef struct Starts {
  uint32_t captests, capclasses;
} Starts;

static int first(Compiler *C, Starts *st, const Node *n);

/* A positive lookahead where a sequence starts ("(?= the | [digit]) ...")
** says what the start token must be as well as the atoms after it would:
** when its own first tokens are known (not any token at all), they are the
** sequence's, and usually far fewer than those of what follows (*guard set
** to 1). Otherwise nothing is added and the atoms after it decide. */
static int lookstart(Compiler *C, Starts *st, const Node *n, int *guard) {
  trawl_pattern *p = C->p;
  uint32_t ntests = p->nstart_tests, nclasses = p->nstart_classes;
  uint32_t kinds = p->start_kinds, flags = p->start_flags;
  *guard = 0;
  if (n->kind != N_LOOK || n->neg || n->behind || p->start_any ||
      nullable(n->kids[0]))
    return 1;
  if (!first(C, st, n->kids[0])) return 0;
  if (p->start_any) {   /* the guard can start anywhere: undo */
    p->start_any = 0;
    p->nstart_tests = ntests;
    p->nstart_classes = nclasses;
    p->start_kinds = kinds;
    p->start_flags = flags;
    return 1;
  }
  *guard = 1;
  return 1;
}

static int first(Compiler *C, Starts *st, const Node *n) {
  trawl_pattern *p = C->p;
  uint32_t i;
  switch (n->kind) {
    case N_TOK: {
      const TokTest *base = &p->tests[n->a];
      for (i = 0; i < (uint32_t)n->b; i++) {
        const TokTest *t = &p->tests[n->a + (int32_t)i];
        if (!t->negate && (t->lit >= 0 || t->set >= 0))
          return addstart(C, &p->start_tests, &p->nstart_tests, &st->captests,
                          n->a + (int32_t)i);
      }
      if (base->kinds && !base->negate) {
        p->start_kinds |= base->kinds;
        return 1;
      }
      /* a flag the token must have ([digit], [cap]): any one of them
      ** will do, the lowest */
      if (base->on && !base->negate) {
        p->start_flags |= base->on & (uint32_t)-(int32_t)base->on;
        return 1;
      }
      p->start_any = 1;
      return 1;
    }
    case N_ANY: p->start_any = 1; return 1;
    case N_SPAN:
      return addstart(C, &p->start_classes, &p->nstart_classes,
                      &st->capclasses, n->a);
    case N_SENTSTART: case N_SENTEND: case N_LOOK: return 1;
    case N_SEQ:
      for (i = 0; i < n->nkids; i++) {
        int guard = 0;
        if (!lookstart(C, st, n->kids[i], &guard)) return 0;
        if (guard) break;
        if (!first(C, st, n->kids[i])) return 0;
        if (!nullable(n->kids[i])) break;
      }
      return 1;
    case N_ALT:
      for (i = 0; i < n->nkids; i++)
        if (!first(C, st, n->kids[i])) return 0;
      return 1;
    case N_REP: case N_GROUP: return first(C, st, n->kids[0]);
  }
  return 1;
}

/* the one-token atom n stands for, or NULL: a token test, possibly in a
** group or a one-item sequence */
static const Node *onetoken_node(const Node *n) {
  while ((n->kind == N_GROUP || n->kind == N_SEQ) && n->nkids == 1)
    n = n->kids[0];
  return n->kind == N_TOK ? n : NULL;
}

/* For a pattern that starts with a token of some kind ("[number] troops"),
** the test of its second token when that is a word or word set: the phase
** index then looks at the next token before trying the pattern at all. */
static void second(trawl_pattern *p, const Node *root) {
  const Node *a, *b;
  int32_t i;
  p->second_test = -1;
  while (root->kind == N_GROUP && root->nkids == 1) root = root->kids[0];
  if (root->kind != N_SEQ || root->nkids < 2) return;
  a = onetoken_node(root->kids[0]);
  b = onetoken_node(root->kids[1]);
  if (a == NULL || b == NULL) return;
  for (i = 0; i < b->b; i++) {
    const TokTest *t = &p->tests[b->a + i];
    if (!t->negate && (t->lit >= 0 || t->set >= 0)) {
      p->second_test = b->a + i;
      return;
    }
  }
}

#define INF UINT32_MAX

/* the most tokens n can match (INF: no bound, or spans of any length) */
static uint32_t maxlen(const Node *n) {
  uint32_t i, total = 0, m;
  switch (n->kind) {
    case N_TOK: case N_ANY: return 1;
    case N_SPAN: return INF;
    case N_SENTSTART: case N_SENTEND: case N_LOOK: return 0;
    case N_GROUP: return maxlen(n->kids[0]);
    case N_SEQ:
      for (i = 0; i < n->nkids; i++) {
        m = maxlen(n->kids[i]);
        if (m == INF || total + m < total) return INF;
        total += m;
      }
      return total;
    case N_ALT:
      for (i = 0; i < n->nkids; i++) {
        m = maxlen(n->kids[i]);
        if (m > total) total = m;
      }
      return total;
    case N_REP:
      m = maxlen(n->kids[0]);
      if (m == 0) return 0;
      if (n->max < 0 || m == INF) return INF;
      return (uint64_t)m * (uint32_t)n->max >= INF ? INF : m * (uint32_t)n->max;
  }
  return INF;
}

static const Node *ungroup(const Node *n) {
  while ((n->kind == N_GROUP || n->kind == N_SEQ) && n->nkids == 1)
    n = n->kids[0];
  return n;
}

/* For a pattern that can start at many tokens ("NP said"), an atom every
** match must contain within a bounded distance of its start: a word test
** or a span class. The phase skips a start when no such token or span
** lies close enough ahead, which is most starts for such patterns. */
static void required(trawl_pattern *p, const Node *root) {
  uint32_t i, prefix = 0;
  p->req_test = p->req_class = -1;
  root = ungroup(root);
  if (root->kind != N_SEQ) return;
  for (i = 0; i < root->nkids; i++) {
    const Node *k = ungroup(root->kids[i]);
    uint32_t m;
    if (k->kind == N_TOK) {
      int32_t j;
      for (j = 0; j < k->b; j++) {
        const TokTest *t = &p->tests[k->a + j];
        if (!t->negate && (t->lit >= 0 || t->set >= 0)) {
          p->req_test = k->a + j;
          p->req_dist = prefix;
          return;
        }
      }
    } else if (k->kind == N_SPAN) {
      p->req_class = k->a;
      p->req_dist = prefix;
      return;
    }
    m = maxlen(root->kids[i]);
    if (m == INF || prefix + m < prefix) return;
    prefix += m;
  }
}

/* ------------------------------------------------------------------ */

static void freenodes(Compiler *C) {
  uint32_t i;
  for (i = 0; i < C->nnodes; i++) {
    free(C->nodes[i]->kids);
    free(C->nodes[i]);
  }
  free(C->nodes);
}

void trawl_pattern_free(trawl_pattern *p) {
  int i;
  if (p == NULL) return;
  for (i = 0; i < p->nprogs; i++) free(p->progs[i].code);
  free(p->progs);
  free(p->tests);
  for (i = 0; i < p->nsets; i++) {
    free(p->sets[i].slots);
    free(p->sets[i].off);
    free(p->sets[i].len);
    free(p->sets[i].hash);
  }
  free(p->sets);
  for (i = 0; i < p->nrx; i++) trawl_regex_free(p->rx[i]);
  free(p->rx);
  free(p->strings);
  free(p->start_tests);
  free(p->start_classes);
  for (i = 1; i <= p->ngroups; i++) free(p->names[i]);
  free(p->names);
  free(p);
}

trawl_pattern *trawl_pattern_new(const char *src, size_t len,
                                 const trawl_patenv *env, trawl_error *err) {
  Compiler C;
  trawl_error local;
  Node *root;
  memset(&C, 0, sizeof C);
  if (err == NULL) err = &local;
  err->code = TRAWL_OK;
  err->offset = 0;
  err->msg[0] = '\0';
  C.src = src ? src : "";
  C.len = src ? len : 0;
  C.env = env;
  C.err = err;
  C.p = (trawl_pattern *)calloc(1, sizeof(trawl_pattern));
  if (C.p == NULL) {
    fail(&C, 0, TRAWL_ENOMEM, "not enough memory");
    return NULL;
  }
  root = alternation(&C);
  if (root != NULL && peek(&C) == ')') {
    fail(&C, C.pos, TRAWL_ESYNTAX, "unmatched ')'");
    root = NULL;
  }
  if (root != NULL && root->kind == N_SEQ && root->nkids == 0) {
    fail(&C, 0, TRAWL_ESYNTAX, "empty pattern");
    root = NULL;
  }
  /* progs[0] is the main program; lookarounds are added after it */
  if (root != NULL) {
    Program mainprog;
    Starts st;
    memset(&st, 0, sizeof st);
    if (!grow((void **)&C.p->progs, sizeof(Program), 0, &C.capprog)) {
      NOMEM(&C);
      root = NULL;
    } else {
      C.p->nprogs = 1;
      memset(C.p->progs, 0, sizeof(Program));
      if (!genprogram(&C, root, 0, 1, &mainprog)) root = NULL;
      else C.p->progs[0] = mainprog;
    }
    if (root != NULL && nullable(root)) C.p->start_any = 1;
    if (root != NULL && !first(&C, &st, root)) root = NULL;
    if (root != NULL) {
      second(C.p, root);
      required(C.p, root);
    }
  }
  freenodes(&C);
  if (root == NULL) {
    trawl_pattern_free(C.p);
    return NULL;
  }
  C.p->nslots = 2 * (C.p->ngroups + 1) + C.nregs;
  return C.p;
}

int trawl_pattern_ngroups(const trawl_pattern *p) {
  return p ? p->ngroups : 0;
}

const char *trawl_pattern_group_name(const trawl_pattern *p, int i) {
  if (p == NULL || i < 1 || i > p->ngroups) return NULL;
  return p->names[i];
}

/* ------------------------------------------------------------------ */
/* a listing of the program, for debugging rules */

static const char *const opnames[] = {
  "tok", "any", "span", "sentstart", "sentend", "split", "jmp", "save",
  "mark", "progress", "look", "match"
};

typedef struct Out {
  char *s;
  size_t n, cap;
  int bad;
} Out;

static void put(Out *o, const char *fmt, ...) {
  va_list ap;
  int k;
  if (o->bad) return;
  for (;;) {
    size_t room = o->cap - o->n;
    va_start(ap, fmt);
    k = vsnprintf(o->s ? o->s + o->n : NULL, o->s ? room : 0, fmt, ap);
    va_end(ap);
    if (k < 0) { o->bad = 1; return; }
    if (o->s && (size_t)k < room) { o->n += (size_t)k; return; }
    {
      size_t ncap = (o->cap ? o->cap * 2 : 256) + (size_t)k;
      char *ns = (char *)realloc(o->s, ncap);
      if (ns == NULL) { o->bad = 1; return; }
      o->s = ns;
      o->cap = ncap;
    }
  }
}

static void puttest(Out *o, const trawl_pattern *p, const TokTest *t) {
  put(o, " [");
  if (t->negate) put(o, "!");
  if (t->kinds) put(o, "kinds=%x ", (unsigned)t->kinds);
  if (t->on) put(o, "on=%x ", (unsigned)t->on);
  if (t->off) put(o, "off=%x ", (unsigned)t->off);
  if (t->lit >= 0) put(o, "\"%s\" ", p->strings + t->lit);
  if (t->exact >= 0) put(o, "text=\"%s\" ", p->strings + t->exact);
  if (t->set >= 0) put(o, "set#%d(%u) ", (int)t->set, (unsigned)p->sets[t->set].n);
  if (t->rx >= 0) put(o, "regex#%d ", (int)t->rx);
  put(o, "]");
}

char *trawl_pattern_dump(const trawl_pattern *p) {
  Out o;
  int k;
  uint32_t i;
  memset(&o, 0, sizeof o);
  for (k = 0; p != NULL && k < p->nprogs; k++) {
    const Program *pr = &p->progs[k];
    put(&o, "program %d%s:\n", k, pr->backward ? " (backward)" : "");
    for (i = 0; i < pr->n; i++) {
      const Inst *in = &pr->code[i];
      int32_t j;
      put(&o, "%4u  %-9s", (unsigned)i, opnames[in->op]);
      switch (in->op) {
        case OP_TOK:
          for (j = 0; j < in->b; j++) puttest(&o, p, &p->tests[in->a + j]);
          break;
        case OP_SPLIT: put(&o, " %d, %d", (int)in->a, (int)in->b); break;
        case OP_LOOK: put(&o, " %d%s", (int)in->a, in->b ? " not" : ""); break;
        case OP_JMP: case OP_SAVE: case OP_MARK: case OP_PROGRESS:
        case OP_SPAN:
          put(&o, " %d", (int)in->a);
          break;
        default: break;
      }
      put(&o, "   @%u\n", (unsigned)in->src);
    }
  }
  if (o.bad || o.s == NULL) {
    free(o.s);
    return NULL;
  }
  return o.s;
}
