/* test_token.c - tokenizer tests: kinds, offsets, flags, folds, sentences. */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <utf8proc.h>

#include "trawl.h"
#include "tlimits.h"
#include "test.h"

enum {
  W = TRAWL_WORD,
  N = TRAWL_NUMBER,
  P = TRAWL_PUNCT,
  S = TRAWL_SYMBOL,
  O = TRAWL_OTHER
};

/* the flags every first token has */
#define FIRST (TRAWL_F_SPACE | TRAWL_F_NEWLINE | TRAWL_F_SENT | TRAWL_F_PARA)


/* Tokenise; a failure is counted and gives an empty result, so that the
** checks after it fail instead of crashing. */
static trawl_tokens empty;

static trawl_tokens *tok_(int line, const char *s, size_t len) {
  trawl_error e;
  trawl_tokens *t = trawl_tokenize(s, len, &e);
  char msg[256];
  if (t == NULL) {
    snprintf(msg, sizeof msg, "trawl_tokenize failed: %d %s", e.code, e.msg);
    check_(line, 0, msg);
    return &empty;
  }
  return t;
}

/* a string literal, embedded NULs included */
#define TOKS(lit) tok_(__LINE__, (lit), sizeof(lit) - 1)

static void done(trawl_tokens *t) {
  if (t != &empty) trawl_tokens_free(t);
}

/* token i is text, of kind, starting at byte start */
static void tok_is(int line, const trawl_tokens *t, size_t i, const char *text,
                   int kind, size_t start) {
  char msg[256];
  const trawl_token *tk;
  if (i >= t->n) {
    snprintf(msg, sizeof msg, "token %zu missing (n = %zu), want \"%s\"", i,
             t->n, text);
    check_(line, 0, msg);
    return;
  }
  tk = &t->tok[i];
  snprintf(msg, sizeof msg,
           "token %zu is \"%.*s\" %s at %u-%u, want \"%s\" %s "
           "at %zu-%zu",
           i, (int)(tk->end - tk->start), t->text + tk->start,
           trawl_kind_name(tk->kind), tk->start, tk->end, text,
           trawl_kind_name(kind), start, start + strlen(text));
  check_(line,
         tk->kind == kind && tk->start == start &&
             tk->end == start + strlen(text) &&
             memcmp(t->text + tk->start, text, strlen(text)) == 0,
         msg);
}
#define TOK(t, i, text, kind, start) tok_is(__LINE__, t, i, text, kind, start)

static unsigned flagsof(const trawl_tokens *t, size_t i) {
  return i < t->n ? t->tok[i].flags : 0xFFFFu;
}

/* token i has exactly the flags f */
static void flags_are(int line, const trawl_tokens *t, size_t i, unsigned f) {
  char msg[128];
  snprintf(msg, sizeof msg, "token %zu flags are 0x%04x, want 0x%04x", i,
           flagsof(t, i), f);
  check_(line, i < t->n && flagsof(t, i) == f, msg);
}
#define FLAGS(t, i, f) flags_are(__LINE__, t, i, f)

/* token i has all of the flags yes and none of the flags no */
static void flags_has(int line, const trawl_tokens *t, size_t i, unsigned yes,
                      unsigned no) {
  char msg[128];
  snprintf(msg, sizeof msg,
           "token %zu flags are 0x%04x, want 0x%04x set, "
           "0x%04x clear",
           i, flagsof(t, i), yes, no);
  check_(line,
         i < t->n && (flagsof(t, i) & yes) == yes && (flagsof(t, i) & no) == 0,
         msg);
}
#define HAS(t, i, f) flags_has(__LINE__, t, i, f, 0)
#define LACKS(t, i, f) flags_has(__LINE__, t, i, 0, f)

static void fold_is(int line, const trawl_tokens *t, size_t i,
                    const char *want) {
  char msg[256];
  size_t len;
  const char *f = trawl_token_fold(t, i, &len);
  if (f == NULL) {
    f = "";
    len = 0;
  }
  snprintf(msg, sizeof msg, "token %zu folds to \"%.*s\", want \"%s\"", i,
           (int)len, f, want);
  check_(line, i < t->n && len == strlen(want) && memcmp(f, want, len) == 0,
         msg);
}
#define FOLD(t, i, s) fold_is(__LINE__, t, i, s)

/* a sentence or paragraph range */
static void range_is(int line, const trawl_range *r, size_t nr, size_t k,
                     size_t first, size_t count, size_t start, size_t end) {
  char msg[200];
  if (k >= nr) {
    snprintf(msg, sizeof msg, "range %zu missing (%zu ranges)", k, nr);
    check_(line, 0, msg);
    return;
  }
  snprintf(msg, sizeof msg,
           "range %zu is {%u, %u, %u-%u}, want {%zu, %zu, "
           "%zu-%zu}",
           k, r[k].first, r[k].count, r[k].start, r[k].end, first, count,
           start, end);
  check_(line,
         r[k].first == first && r[k].count == count && r[k].start == start &&
             r[k].end == end,
         msg);
}
#define SENT(t, k, first, count, start, end)                                  \
  range_is(__LINE__, (t)->sent, (t)->nsent, k, first, count, start, end)
#define PARA(t, k, first, count, start, end)                                  \
  range_is(__LINE__, (t)->para, (t)->npara, k, first, count, start, end)

/* white space as the tokenizer defines it, for the invariant checks */
static int is_white(int32_t c) {
  if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF)
    return 1;
  switch (utf8proc_category(c)) {
  case UTF8PROC_CATEGORY_ZS:
  case UTF8PROC_CATEGORY_ZL:
  case UTF8PROC_CATEGORY_ZP:
  case UTF8PROC_CATEGORY_CC: return 1;
  default: return 0;
  }
}

/* s[p..end) is valid UTF-8 white space */
static int all_white(const char *s, size_t p, size_t end) {
  while (p < end) {
    utf8proc_int32_t c;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + p,
                                          (utf8proc_ssize_t)(end - p), &c);
    if (n <= 0 || !is_white(c)) return 0;
    p += (size_t)n;
  }
  return 1;
}

/* the ranges r cover the tokens in order, each starting at a token with
** flag, and token.sent names its sentence */
static int ranges_ok(const trawl_tokens *t, const trawl_range *r, size_t nr,
                     unsigned flag, int sent) {
  size_t k, i = 0;
  for (k = 0; k < nr; k++) {
    if (r[k].first != i || r[k].count == 0 || i + r[k].count > t->n) return 0;
    if (r[k].start != t->tok[i].start ||
        r[k].end != t->tok[i + r[k].count - 1].end)
      return 0;
    for (; i < r[k].first + r[k].count; i++) {
      if (!(t->tok[i].flags & flag) != (i != r[k].first)) return 0;
      if (sent && t->tok[i].sent != k) return 0;
    }
  }
  return i == t->n;
}

/* Tokens are in order, non-empty, non-overlapping and inside the text;
** what lies between them is white space, so every other byte is in
** exactly one token; folds are in bounds; ranges are consistent. */
static void invariants(int line, const trawl_tokens *t, const char *s,
                       size_t len) {
  size_t i, prev = 0;
  int order = 1, gaps = 1, folds = 1;
  for (i = 0; i < t->n; i++) {
    const trawl_token *tk = &t->tok[i];
    if (tk->start < prev || tk->end <= tk->start || tk->end > len ||
        tk->kind >= TRAWL_NKINDS)
      order = 0;
    else if (!all_white(s, prev, tk->start))
      gaps = 0;
    if (tk->foldlen == 0 || (size_t)tk->fold + tk->foldlen > t->foldsize)
      folds = 0;
    if (tk->end > prev) prev = tk->end;
  }
  if (!all_white(s, prev, len)) gaps = 0;
  check_(line, order, "tokens out of order, empty or out of bounds");
  check_(line, gaps, "a byte outside every token is not white space");
  check_(line, folds, "a fold is empty or out of bounds");
  check_(line, ranges_ok(t, t->sent, t->nsent, TRAWL_F_SENT, 1),
         "sentences inconsistent");
  check_(line, ranges_ok(t, t->para, t->npara, TRAWL_F_PARA, 0),
         "paragraphs inconsistent");
  check_(line, t->n == 0 || (t->tok[0].flags & FIRST) == FIRST,
         "first token lacks SPACE|NEWLINE|SENT|PARA");
}

/* ------------------------------------------------------------------ */

static void test_numbers(void) {
  trawl_tokens *t;
  t = TOKS("50,000");
  CHECK_INT(t->n, 1);
  TOK(t, 0, "50,000", N, 0);
  FLAGS(t, 0, TRAWL_F_DIGIT | FIRST);
  FOLD(t, 0, "50,000");
  done(t);
  t = TOKS("1.5 1,234.56 50.000");
  CHECK_INT(t->n, 3);
  TOK(t, 0, "1.5", N, 0);
  TOK(t, 1, "1,234.56", N, 4);
  TOK(t, 2, "50.000", N, 13);
  done(t);
  t = TOKS("$1.2bn");
  CHECK_INT(t->n, 3);
  TOK(t, 0, "$", S, 0);
  TOK(t, 1, "1.2", N, 1);
  TOK(t, 2, "bn", W, 4);
  FLAGS(t, 1, TRAWL_F_DIGIT);
  FLAGS(t, 2, TRAWL_F_ALPHA | TRAWL_F_LOWER);
  done(t);
  t = TOKS("155mm 3rd");
  CHECK_INT(t->n, 4);
  TOK(t, 0, "155", N, 0);
  TOK(t, 1, "mm", W, 3);
  TOK(t, 2, "3", N, 6);
  TOK(t, 3, "rd", W, 7);
  done(t);
  t = TOKS("10,000-12,000");
  CHECK_INT(t->n, 3);
  TOK(t, 0, "10,000", N, 0);
  TOK(t, 1, "-", P, 6);
  TOK(t, 2, "12,000", N, 7);
  FLAGS(t, 1, TRAWL_F_DASH);
  done(t);
  t = TOKS("2022-23 155-mm");
  CHECK_INT(t->n, 6);
  TOK(t, 0, "2022", N, 0);
  TOK(t, 1, "-", P, 4);
  TOK(t, 2, "23", N, 5);
  TOK(t, 3, "155", N, 8);
  TOK(t, 4, "-", P, 11);
  TOK(t, 5, "mm", W, 12);
  done(t);
  t = TOKS("by 2022. 1,000, 1..5");
  CHECK_INT(t->n, 9);
  TOK(t, 0, "by", W, 0);
  TOK(t, 1, "2022", N, 3);
  TOK(t, 2, ".", P, 7);
  TOK(t, 3, "1,000", N, 9);
  TOK(t, 4, ",", P, 14);
  TOK(t, 5, "1", N, 16);
  TOK(t, 6, ".", P, 17);
  TOK(t, 7, ".", P, 18);
  TOK(t, 8, "5", N, 19);
  done(t);
  t = TOKS("\xd9\xa1\xd9\xa2,\xd9\xa3"); /* Arabic-Indic digits 12,3 */
  CHECK_INT(t->n, 1);
  TOK(t, 0, "\xd9\xa1\xd9\xa2,\xd9\xa3", N, 0);
  done(t);
}

static void test_hyphens(void) {
  trawl_tokens *t;
  t = TOKS("Hwasong-17");
  CHECK_INT(t->n, 1);
  TOK(t, 0, "Hwasong-17", W, 0);
  FLAGS(t, 0,
        TRAWL_F_ALPHA | TRAWL_F_DIGIT | TRAWL_F_CAP | TRAWL_F_HYPHEN | FIRST);
  FOLD(t, 0, "hwasong-17");
  done(t);
  t = TOKS("Jong-Un F-16 S-400 seventy-five Kh-101");
  CHECK_INT(t->n, 5);
  TOK(t, 0, "Jong-Un", W, 0);
  TOK(t, 1, "F-16", W, 8);
  TOK(t, 2, "S-400", W, 13);
  TOK(t, 3, "seventy-five", W, 19);
  TOK(t, 4, "Kh-101", W, 32);
  FLAGS(t, 1,
        TRAWL_F_ALPHA | TRAWL_F_DIGIT | TRAWL_F_CAP | TRAWL_F_ALLCAPS |
            TRAWL_F_HYPHEN | TRAWL_F_SPACE);
  FLAGS(t, 3, TRAWL_F_ALPHA | TRAWL_F_LOWER | TRAWL_F_HYPHEN | TRAWL_F_SPACE);
  done(t);
  t = TOKS("Jong\xe2\x80\x91Un Jong\xe2\x80\x90Un"); /* U+2011, U+2010 */
  CHECK_INT(t->n, 2);
  TOK(t, 0, "Jong\xe2\x80\x91Un", W, 0);
  TOK(t, 1, "Jong\xe2\x80\x90Un", W, 10);
  HAS(t, 0, TRAWL_F_HYPHEN);
  FOLD(t, 0, "jong-un");
  FOLD(t, 1, "jong-un");
  done(t);
  t = TOKS("Jong\xe2\x80\x93Un"); /* an en dash does not join */
  CHECK_INT(t->n, 3);
  TOK(t, 0, "Jong", W, 0);
  TOK(t, 1, "\xe2\x80\x93", P, 4);
  TOK(t, 2, "Un", W, 7);
  FLAGS(t, 1, TRAWL_F_DASH);
  FOLD(t, 1, "-");
  done(t);
  t = TOKS("pro- and anti-war -5 a--b");
  CHECK_INT(t->n, 10);
  TOK(t, 0, "pro", W, 0);
  TOK(t, 1, "-", P, 3);
  TOK(t, 2, "and", W, 5);
  TOK(t, 3, "anti-war", W, 9);
  TOK(t, 4, "-", P, 18);
  TOK(t, 5, "5", N, 19);
  TOK(t, 6, "a", W, 21);
  TOK(t, 7, "-", P, 22);
  TOK(t, 8, "-", P, 23); /* "--b": no letter before the second hyphen */
  TOK(t, 9, "b", W, 24);
  HAS(t, 1, TRAWL_F_DASH);
  HAS(t, 3, TRAWL_F_HYPHEN);
  LACKS(t, 6, TRAWL_F_HYPHEN);
  done(t);
}

static void test_abbrev(void) {
  trawl_tokens *t;
  t = TOKS("U.S.");
  CHECK_INT(t->n, 1);
  TOK(t, 0, "U.S.", W, 0);
  FLAGS(t, 0,
        TRAWL_F_ABBREV | TRAWL_F_ALLCAPS | TRAWL_F_CAP | TRAWL_F_ALPHA |
            FIRST);
  FOLD(t, 0, "u.s.");
  done(t);
  t = TOKS("U.K. and U.N. U.S.-led U.S.A");
  CHECK_INT(t->n, 8);
  TOK(t, 0, "U.K.", W, 0);
  TOK(t, 1, "and", W, 5);
  TOK(t, 2, "U.N.", W, 9);
  TOK(t, 3, "U.S.", W, 14);
  TOK(t, 4, "-", P, 18);
  TOK(t, 5, "led", W, 19);
  TOK(t, 6, "U.S.", W, 23); /* the last letter has no period */
  TOK(t, 7, "A", W, 27);
  HAS(t, 2, TRAWL_F_ABBREV | TRAWL_F_ALLCAPS);
  LACKS(t, 7, TRAWL_F_ABBREV);
  done(t);
  t = TOKS("Gen.");
  CHECK_INT(t->n, 1);
  TOK(t, 0, "Gen.", W, 0);
  FLAGS(t, 0, TRAWL_F_ABBREV | TRAWL_F_CAP | TRAWL_F_ALPHA | FIRST);
  FOLD(t, 0, "gen.");
  done(t);
  t = TOKS("Lt. Col. Smith met Sgt. Jones.");
  CHECK_INT(t->n, 7);
  TOK(t, 0, "Lt.", W, 0);
  TOK(t, 1, "Col.", W, 4);
  TOK(t, 2, "Smith", W, 9);
  TOK(t, 4, "Sgt.", W, 19);
  TOK(t, 5, "Jones", W, 24);
  TOK(t, 6, ".", P, 29);
  CHECK_INT(t->nsent, 1);
  done(t);
  /* the first letter must match as written, the rest in any case */
  t = TOKS("gen. GEN. Vs. vs. etc. Gov");
  CHECK_INT(t->n, 8);
  TOK(t, 0, "gen", W, 0);
  TOK(t, 1, ".", P, 3);
  TOK(t, 2, "GEN.", W, 5);
  TOK(t, 3, "Vs", W, 10);
  TOK(t, 4, ".", P, 12);
  TOK(t, 5, "vs.", W, 14);
  TOK(t, 6, "etc.", W, 18);
  TOK(t, 7, "Gov", W, 23);
  HAS(t, 2, TRAWL_F_ABBREV);
  LACKS(t, 7, TRAWL_F_ABBREV);
  done(t);
  t = TOKS("Gen... W..."); /* an ellipsis stays whole */
  CHECK_INT(t->n, 4);
  TOK(t, 0, "Gen", W, 0);
  TOK(t, 1, "...", P, 3);
  TOK(t, 2, "W", W, 7);
  TOK(t, 3, "...", P, 8);
  done(t);
  t = TOKS("Frederick W. Kagan said.");
  CHECK_INT(t->n, 5);
  TOK(t, 0, "Frederick", W, 0);
  TOK(t, 1, "W.", W, 10);
  TOK(t, 2, "Kagan", W, 13);
  TOK(t, 3, "said", W, 19);
  TOK(t, 4, ".", P, 23);
  FLAGS(t, 1,
        TRAWL_F_ABBREV | TRAWL_F_CAP | TRAWL_F_ALLCAPS | TRAWL_F_ALPHA |
            TRAWL_F_SPACE);
  CHECK_INT(t->nsent, 1);
  SENT(t, 0, 0, 5, 0, 24);
  done(t);
  t = TOKS("e.g. the a. b"); /* a lower-case letter is no initial */
  CHECK_INT(t->n, 5);
  TOK(t, 0, "e.g.", W, 0);
  TOK(t, 1, "the", W, 5);
  TOK(t, 2, "a", W, 9);
  TOK(t, 3, ".", P, 10);
  TOK(t, 4, "b", W, 12);
  FLAGS(t, 0, TRAWL_F_ABBREV | TRAWL_F_LOWER | TRAWL_F_ALPHA | FIRST);
  CHECK_INT(t->nsent, 1);
  done(t);
}

static void test_apostrophes(void) {
  trawl_tokens *t;
  t = TOKS("ISW's");
  CHECK_INT(t->n, 2);
  TOK(t, 0, "ISW", W, 0);
  TOK(t, 1, "'s", W, 3);
  FLAGS(t, 0, TRAWL_F_ALPHA | TRAWL_F_CAP | TRAWL_F_ALLCAPS | FIRST);
  FLAGS(t, 1, TRAWL_F_CLITIC | TRAWL_F_ALPHA | TRAWL_F_LOWER);
  FOLD(t, 1, "'s");
  done(t);
  t = TOKS("Russia\xe2\x80\x99s");
  CHECK_INT(t->n, 2);
  TOK(t, 0, "Russia", W, 0);
  TOK(t, 1, "\xe2\x80\x99s", W, 6);
  HAS(t, 1, TRAWL_F_CLITIC);
  FOLD(t, 1, "'s");
  done(t);
  t = TOKS("O'Brien don't O\xe2\x80\x99"
           "Brien Ma'sud");
  CHECK_INT(t->n, 4);
  TOK(t, 0, "O'Brien", W, 0);
  TOK(t, 1, "don't", W, 8);
  TOK(t, 2,
      "O\xe2\x80\x99"
      "Brien",
      W, 14);
  TOK(t, 3, "Ma'sud", W, 24);
  FLAGS(t, 1, TRAWL_F_ALPHA | TRAWL_F_LOWER | TRAWL_F_SPACE);
  FOLD(t, 2, "o'brien");
  done(t);
  t = TOKS("soldiers' pay, Jones's, ISW'S");
  CHECK_INT(t->n, 9);
  TOK(t, 0, "soldiers", W, 0);
  TOK(t, 1, "'", P, 8);
  TOK(t, 2, "pay", W, 10);
  TOK(t, 3, ",", P, 13);
  TOK(t, 4, "Jones", W, 15);
  TOK(t, 5, "'s", W, 20);
  TOK(t, 6, ",", P, 22);
  TOK(t, 7, "ISW", W, 24);
  TOK(t, 8, "'S", W, 27);
  FLAGS(t, 1, TRAWL_F_QUOTE);
  HAS(t, 8, TRAWL_F_CLITIC | TRAWL_F_ALLCAPS);
  done(t);
  /* no word before, or a number before: not a clitic */
  t = TOKS("'s 1950's rock 'n' roll");
  CHECK_INT(t->n, 10);
  TOK(t, 0, "'", P, 0);
  TOK(t, 1, "s", W, 1);
  TOK(t, 2, "1950", N, 3);
  TOK(t, 3, "'", P, 7);
  TOK(t, 4, "s", W, 8);
  TOK(t, 5, "rock", W, 10);
  TOK(t, 6, "'", P, 15);
  TOK(t, 7, "n", W, 16);
  TOK(t, 8, "'", P, 17);
  TOK(t, 9, "roll", W, 19);
  done(t);
}

static void test_quotes(void) {
  trawl_tokens *t;
  /* “Yes,” he said. */
  t = TOKS("\xe2\x80\x9cYes,\xe2\x80\x9d he said.");
  CHECK_INT(t->n, 7);
  TOK(t, 0, "\xe2\x80\x9c", P, 0);
  TOK(t, 1, "Yes", W, 3);
  TOK(t, 2, ",", P, 6);
  TOK(t, 3, "\xe2\x80\x9d", P, 7);
  TOK(t, 4, "he", W, 11);
  TOK(t, 5, "said", W, 14);
  TOK(t, 6, ".", P, 18);
  FLAGS(t, 0, TRAWL_F_QUOTE | FIRST);
  FLAGS(t, 3, TRAWL_F_QUOTE);
  FOLD(t, 0, "\"");
  FOLD(t, 3, "\"");
  LACKS(t, 2, TRAWL_F_QUOTE);
  done(t);
  /* «Да» „Ja“ ‘so’ "no" */
  t = TOKS("\xc2\xab\xd0\x94\xd0\xb0\xc2\xbb \xe2\x80\x9eJa\xe2\x80\x9c "
           "\xe2\x80\x98so\xe2\x80\x99 \"no\"");
  CHECK_INT(t->n, 12);
  TOK(t, 0, "\xc2\xab", P, 0);
  TOK(t, 1, "\xd0\x94\xd0\xb0", W, 2);
  TOK(t, 2, "\xc2\xbb", P, 6);
  TOK(t, 3, "\xe2\x80\x9e", P, 9);
  TOK(t, 4, "Ja", W, 12);
  TOK(t, 5, "\xe2\x80\x9c", P, 14);
  TOK(t, 6, "\xe2\x80\x98", P, 18);
  TOK(t, 7, "so", W, 21);
  TOK(t, 8, "\xe2\x80\x99", P, 23);
  TOK(t, 9, "\"", P, 27);
  TOK(t, 10, "no", W, 28);
  TOK(t, 11, "\"", P, 30);
  HAS(t, 0, TRAWL_F_QUOTE);
  HAS(t, 2, TRAWL_F_QUOTE);
  HAS(t, 3, TRAWL_F_QUOTE);
  HAS(t, 6, TRAWL_F_QUOTE);
  HAS(t, 8, TRAWL_F_QUOTE);
  HAS(t, 9, TRAWL_F_QUOTE);
  FOLD(t, 0, "\"");
  FOLD(t, 1, "\xd0\xb4\xd0\xb0");
  FOLD(t, 2, "\"");
  FOLD(t, 3, "\"");
  FOLD(t, 6, "'");
  FOLD(t, 8, "'");
  done(t);
}

static void test_dashes(void) {
  trawl_tokens *t;
  t = TOKS("attack\xe2\x80\x94the"); /* em dash */
  CHECK_INT(t->n, 3);
  TOK(t, 0, "attack", W, 0);
  TOK(t, 1, "\xe2\x80\x94", P, 6);
  TOK(t, 2, "the", W, 9);
  FLAGS(t, 1, TRAWL_F_DASH);
  FOLD(t, 1, "\xe2\x80\x94"); /* stays an em dash */
  done(t);
  t = TOKS("10,000\xe2\x80\x93"
           "12,000"); /* en dash */
  CHECK_INT(t->n, 3);
  TOK(t, 0, "10,000", N, 0);
  TOK(t, 1, "\xe2\x80\x93", P, 6);
  TOK(t, 2, "12,000", N, 9);
  FLAGS(t, 1, TRAWL_F_DASH);
  FOLD(t, 1, "-");
  done(t);
  /* minus sign, figure dash, horizontal bar */
  t = TOKS("\xe2\x88\x92 \xe2\x80\x92 \xe2\x80\x95");
  CHECK_INT(t->n, 3);
  TOK(t, 0, "\xe2\x88\x92", P, 0);
  TOK(t, 1, "\xe2\x80\x92", P, 4);
  TOK(t, 2, "\xe2\x80\x95", P, 8);
  FLAGS(t, 0, TRAWL_F_DASH | FIRST);
  HAS(t, 1, TRAWL_F_DASH);
  HAS(t, 2, TRAWL_F_DASH);
  FOLD(t, 0, "-");
  FOLD(t, 1, "-");
  FOLD(t, 2, "\xe2\x80\x95");
  done(t);
}

static void test_unicode(void) {
  trawl_tokens *t;
  /* José Müller Москва */
  t = TOKS("Jos\xc3\xa9 M\xc3\xbcller "
           "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0");
  CHECK_INT(t->n, 3);
  TOK(t, 0, "Jos\xc3\xa9", W, 0);
  TOK(t, 1, "M\xc3\xbcller", W, 6);
  TOK(t, 2, "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0", W, 14);
  FLAGS(t, 0, TRAWL_F_ALPHA | TRAWL_F_CAP | FIRST);
  FLAGS(t, 2, TRAWL_F_ALPHA | TRAWL_F_CAP | TRAWL_F_SPACE);
  FOLD(t, 0, "jos\xc3\xa9");
  FOLD(t, 1, "m\xc3\xbcller");
  FOLD(t, 2, "\xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0");
  done(t);
  /* МОСКВА; full case folding: Straße and STRASSE fold alike */
  t = TOKS("\xd0\x9c\xd0\x9e\xd0\xa1\xd0\x9a\xd0\x92\xd0\x90 "
           "Stra\xc3\x9f"
           "e STRASSE");
  CHECK_INT(t->n, 3);
  HAS(t, 0, TRAWL_F_ALLCAPS | TRAWL_F_CAP);
  FOLD(t, 0, "\xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0");
  FOLD(t, 1, "strasse");
  FOLD(t, 2, "strasse");
  done(t);
  /* e + combining acute continues the word; a mark alone is OTHER */
  t = TOKS("e\xcc\x81t\xc3\xa9 \xcc\x81");
  CHECK_INT(t->n, 2);
  TOK(t, 0, "e\xcc\x81t\xc3\xa9", W, 0);
  TOK(t, 1, "\xcc\x81", O, 7);
  FLAGS(t, 0, TRAWL_F_ALPHA | TRAWL_F_LOWER | FIRST);
  FLAGS(t, 1, TRAWL_F_SPACE);
  done(t);
  /* letters without case: ALLCAPS (no Ll), not LOWER, not CAP */
  t = TOKS("\xe5\x8c\x97\xe4\xba\xac");
  CHECK_INT(t->n, 1);
  TOK(t, 0, "\xe5\x8c\x97\xe4\xba\xac", W, 0);
  FLAGS(t, 0, TRAWL_F_ALPHA | TRAWL_F_ALLCAPS | FIRST);
  done(t);
  /* titlecase letter (U+01C5) counts as capital; iPhone has neither */
  t = TOKS("\xc7\x85 iPhone I A320");
  CHECK_INT(t->n, 4);
  FLAGS(t, 0, TRAWL_F_ALPHA | TRAWL_F_CAP | TRAWL_F_ALLCAPS | FIRST);
  FOLD(t, 0, "\xc7\x86");
  FLAGS(t, 1, TRAWL_F_ALPHA | TRAWL_F_SPACE);
  FLAGS(t, 2, TRAWL_F_ALPHA | TRAWL_F_CAP | TRAWL_F_ALLCAPS | TRAWL_F_SPACE);
  FLAGS(t, 3,
        TRAWL_F_ALPHA | TRAWL_F_DIGIT | TRAWL_F_CAP | TRAWL_F_ALLCAPS |
            TRAWL_F_SPACE);
  done(t);
  /* symbols, one per code point */
  t = TOKS("\xe2\x82\xac"
           "5 \xc2\xa3"
           "3 50% \xc2\xb0"
           "C a+b=c "
           "\xf0\x9f\x98\x80");
  CHECK_INT(t->n, 14);
  TOK(t, 0, "\xe2\x82\xac", S, 0);
  TOK(t, 1, "5", N, 3);
  TOK(t, 2, "\xc2\xa3", S, 5);
  TOK(t, 3, "3", N, 7);
  TOK(t, 4, "50", N, 9);
  TOK(t, 5, "%", S, 11);
  TOK(t, 6, "\xc2\xb0", S, 13);
  TOK(t, 7, "C", W, 15);
  TOK(t, 8, "a", W, 17);
  TOK(t, 9, "+", S, 18);
  TOK(t, 10, "b", W, 19);
  TOK(t, 11, "=", S, 20);
  TOK(t, 12, "c", W, 21);
  TOK(t, 13, "\xf0\x9f\x98\x80", S, 23);
  done(t);
  t = TOKS("5\xe2\x80\xb0 #1 @x"); /* per mille is a symbol; # @ are not */
  CHECK_INT(t->n, 6);
  TOK(t, 1, "\xe2\x80\xb0", S, 1);
  TOK(t, 2, "#", P, 5);
  TOK(t, 4, "@", P, 8);
  done(t);
  /* private use, superscript two (No), soft hyphen (Cf): OTHER */
  t = TOKS("\xee\x80\x80 x\xc2\xb2 \xc2\xad");
  CHECK_INT(t->n, 4);
  TOK(t, 0, "\xee\x80\x80", O, 0);
  TOK(t, 1, "x", W, 4);
  TOK(t, 2, "\xc2\xb2", O, 5);
  TOK(t, 3, "\xc2\xad", O, 8);
  FLAGS(t, 0, FIRST);
  FOLD(t, 0, "\xee\x80\x80");
  done(t);
}

static void test_invalid(void) {
  trawl_tokens *t;
  t = TOKS("ab\xff\xfe"
           "cd");
  CHECK_INT(t->n, 3);
  TOK(t, 0, "ab", W, 0);
  TOK(t, 1, "\xff\xfe", O, 2);
  TOK(t, 2, "cd", W, 4);
  FLAGS(t, 1, TRAWL_F_INVALID);
  FLAGS(t, 2, TRAWL_F_ALPHA | TRAWL_F_LOWER);
  FOLD(t, 1, "\xef\xbf\xbd");
  done(t);
  t = TOKS("abc\xe2\x82"); /* a 3-byte sequence cut short at the end */
  CHECK_INT(t->n, 2);
  TOK(t, 0, "abc", W, 0);
  TOK(t, 1, "\xe2\x82", O, 3);
  HAS(t, 1, TRAWL_F_INVALID);
  FOLD(t, 1, "\xef\xbf\xbd");
  done(t);
  t = TOKS("\xe2\x82 x \x80"
           "a");
  CHECK_INT(t->n, 4);
  TOK(t, 0, "\xe2\x82", O, 0);
  TOK(t, 1, "x", W, 3);
  TOK(t, 2, "\x80", O, 5);
  TOK(t, 3, "a", W, 6);
  FLAGS(t, 0, TRAWL_F_INVALID | FIRST);
  done(t);
  /* overlong, surrogate, above U+10FFFF */
  t = TOKS("\xc0\xaf \xed\xa0\x80 \xf4\x90\x80\x80");
  CHECK_INT(t->n, 3);
  TOK(t, 0, "\xc0\xaf", O, 0);
  TOK(t, 1, "\xed\xa0\x80", O, 3);
  TOK(t, 2, "\xf4\x90\x80\x80", O, 7);
  HAS(t, 2, TRAWL_F_INVALID);
  done(t);
  t = TOKS("\xc3\xa9\xff\xc3\xa9"); /* é, a bad byte, é */
  CHECK_INT(t->n, 3);
  TOK(t, 0, "\xc3\xa9", W, 0);
  TOK(t, 1, "\xff", O, 2);
  TOK(t, 2, "\xc3\xa9", W, 3);
  done(t);
}

static void test_space(void) {
  trawl_tokens *t;
  t = TOKS("a\0b");
  CHECK_INT(t->n, 2);
  TOK(t, 0, "a", W, 0);
  TOK(t, 1, "b", W, 2);
  FLAGS(t, 1, TRAWL_F_ALPHA | TRAWL_F_LOWER | TRAWL_F_SPACE);
  done(t);
  t = TOKS("One.\r\nTwo.");
  CHECK_INT(t->n, 4);
  TOK(t, 0, "One", W, 0);
  TOK(t, 1, ".", P, 3);
  TOK(t, 2, "Two", W, 6);
  TOK(t, 3, ".", P, 9);
  FLAGS(t, 2,
        TRAWL_F_ALPHA | TRAWL_F_CAP | TRAWL_F_SPACE | TRAWL_F_NEWLINE |
            TRAWL_F_SENT);
  CHECK_INT(t->nsent, 2);
  SENT(t, 0, 0, 2, 0, 4);
  SENT(t, 1, 2, 2, 6, 10);
  CHECK_INT(t->npara, 1);
  PARA(t, 0, 0, 4, 0, 10);
  done(t);
  t = TOKS("a\tb\vc\fd e\xc2\xa0"
           "f\xe2\x80\x8bg");
  CHECK_INT(t->n, 7);
  TOK(t, 1, "b", W, 2);
  TOK(t, 2, "c", W, 4);
  TOK(t, 3, "d", W, 6);
  TOK(t, 5, "f", W, 11); /* after a no-break space */
  TOK(t, 6, "g", W, 15); /* after a zero-width space */
  LACKS(t, 2, TRAWL_F_NEWLINE);
  LACKS(t, 3, TRAWL_F_NEWLINE);
  HAS(t, 6, TRAWL_F_SPACE);
  done(t);
  /* NEL, line separator, paragraph separator: line breaks */
  t = TOKS("a\xc2\x85"
           "b\xe2\x80\xa8"
           "c\xe2\x80\xa9"
           "d");
  CHECK_INT(t->n, 4);
  TOK(t, 1, "b", W, 3);
  TOK(t, 2, "c", W, 7);
  TOK(t, 3, "d", W, 11);
  HAS(t, 1, TRAWL_F_NEWLINE);
  HAS(t, 2, TRAWL_F_NEWLINE);
  flags_has(__LINE__, t, 3, TRAWL_F_NEWLINE, TRAWL_F_PARA);
  done(t);
  /* blank lines: \r\r, \n \t\n, \r\n\r\n */
  t = TOKS("a\r\rb\n \t\nc\r\n\r\nd\n\ne");
  CHECK_INT(t->n, 5);
  HAS(t, 1, TRAWL_F_PARA | TRAWL_F_SENT);
  HAS(t, 2, TRAWL_F_PARA);
  HAS(t, 3, TRAWL_F_PARA);
  HAS(t, 4, TRAWL_F_PARA);
  CHECK_INT(t->npara, 5);
  done(t);
  /* BOM at the start; leading white space */
  t = TOKS("\xef\xbb\xbfHello  x");
  CHECK_INT(t->n, 2);
  TOK(t, 0, "Hello", W, 3);
  FLAGS(t, 0, TRAWL_F_ALPHA | TRAWL_F_CAP | FIRST);
  done(t);
}

/* a text without sentence punctuation is cut into sentences of
** TRAWL_MAX_SENT_TOKENS tokens: 600 words "w " give 250, 250 and 100 */
static void test_long_sentence(void) {
  char text[1200];
  trawl_tokens *t;
  size_t i;
  for (i = 0; i < 600; i++) memcpy(text + 2 * i, "w ", 2);
  t = tok_(__LINE__, text, sizeof text);
  CHECK_INT(t->n, 600);
  CHECK_INT(TRAWL_MAX_SENT_TOKENS, 250);
  CHECK_INT(t->nsent, 3);
  SENT(t, 0, 0, 250, 0, 499);
  SENT(t, 1, 250, 250, 500, 999);
  SENT(t, 2, 500, 100, 1000, 1199);
  HAS(t, 250, TRAWL_F_SENT);
  LACKS(t, 249, TRAWL_F_SENT);
  CHECK_INT(t->tok[599].sent, 2);
  CHECK_INT(t->npara, 1);
  done(t);
}

static void test_sentences(void) {
  trawl_tokens *t;
  t = TOKS("Kim Tests New Missile\nThe launch was seen by Japan.");
  CHECK_INT(t->n, 11);
  TOK(t, 3, "Missile", W, 14);
  TOK(t, 4, "The", W, 22);
  TOK(t, 10, ".", P, 50);
  CHECK_INT(t->nsent, 2);
  SENT(t, 0, 0, 4, 0, 21);
  SENT(t, 1, 4, 7, 22, 51);
  CHECK_INT(t->tok[3].sent, 0);
  CHECK_INT(t->tok[4].sent, 1);
  HAS(t, 4, TRAWL_F_SENT | TRAWL_F_NEWLINE);
  CHECK_INT(t->npara, 1);
  done(t);
  t = TOKS("He said. The end. He said. the end.");
  CHECK_INT(t->nsent, 3);
  SENT(t, 1, 3, 3, 9, 17);
  SENT(t, 2, 6, 6, 18, 35);
  done(t);
  t = TOKS("Really?! Yes. He said \"Stop.\" Then (See below.) Next");
  CHECK_INT(t->n, 18);
  TOK(t, 3, "Yes", W, 9);
  TOK(t, 9, ".", P, 27);
  TOK(t, 10, "\"", P, 28);
  TOK(t, 11, "Then", W, 30);
  TOK(t, 12, "(", P, 35);
  TOK(t, 16, ")", P, 46);
  TOK(t, 17, "Next", W, 48);
  CHECK_INT(t->nsent, 5);
  SENT(t, 0, 0, 3, 0, 8);
  SENT(t, 1, 3, 2, 9, 13);
  SENT(t, 2, 5, 6, 14, 29);
  SENT(t, 3, 11, 6, 30, 47);
  SENT(t, 4, 17, 1, 48, 52);
  LACKS(t, 8, TRAWL_F_SENT); /* "Stop" inside the quote, after no space */
  done(t);
  t = TOKS("Wait... What. Wait... what. End.Next");
  CHECK_INT(t->n, 11);
  TOK(t, 1, "...", P, 4);
  TOK(t, 5, "...", P, 18);
  CHECK_INT(t->nsent, 4);
  SENT(t, 0, 0, 2, 0, 7);
  SENT(t, 1, 2, 2, 8, 13);
  SENT(t, 2, 4, 4, 14, 27); /* "... what" goes on */
  SENT(t, 3, 8, 3, 28, 36); /* no space after "End." */
  done(t);
  t = TOKS("...."); /* "..." then "." */
  CHECK_INT(t->n, 2);
  TOK(t, 0, "...", P, 0);
  TOK(t, 1, ".", P, 3);
  done(t);
  /* an abbreviation at a line end does not end the sentence; a blank line
  ** does */
  t = TOKS("Talks with the U.S.\nNext line\n\nNew para");
  CHECK_INT(t->n, 8);
  CHECK_INT(t->nsent, 2);
  CHECK_INT(t->npara, 2);
  SENT(t, 0, 0, 6, 0, 29);
  PARA(t, 1, 6, 2, 31, 39);
  done(t);
  /* hard-wrapped lower case goes on; a bullet line starts anew */
  t = TOKS("hard wrapped\ncontinuation here\n- bullet");
  CHECK_INT(t->nsent, 2);
  SENT(t, 0, 0, 4, 0, 30);
  SENT(t, 1, 4, 2, 31, 39);
  done(t);
  t = TOKS("Pay $5. Then by 2022. Done");
  CHECK_INT(t->nsent, 3);
  HAS(t, 4, TRAWL_F_SENT);
  HAS(t, 8, TRAWL_F_SENT);
  done(t);
  t = TOKS("P1 s1. P1 s2.\n\nP2 s1.\n\n\nP3.");
  CHECK_INT(t->n, 11);
  CHECK_INT(t->nsent, 4);
  SENT(t, 0, 0, 3, 0, 6);
  SENT(t, 1, 3, 3, 7, 13);
  SENT(t, 2, 6, 3, 15, 21);
  SENT(t, 3, 9, 2, 24, 27);
  CHECK_INT(t->npara, 3);
  PARA(t, 0, 0, 6, 0, 13);
  PARA(t, 1, 6, 3, 15, 21);
  PARA(t, 2, 9, 2, 24, 27);
  FLAGS(t, 6,
        TRAWL_F_ALPHA | TRAWL_F_DIGIT | TRAWL_F_CAP | TRAWL_F_ALLCAPS | FIRST);
  CHECK_INT(t->tok[10].sent, 3);
  done(t);
}

static void test_caption(void) {
  trawl_tokens *t = TOKS("PHOTO/ AP - Test firing");
  CHECK_INT(t->n, 6);
  TOK(t, 0, "PHOTO", W, 0);
  TOK(t, 1, "/", P, 5);
  TOK(t, 2, "AP", W, 7);
  TOK(t, 3, "-", P, 10);
  TOK(t, 4, "Test", W, 12);
  TOK(t, 5, "firing", W, 17);
  FLAGS(t, 0, TRAWL_F_ALPHA | TRAWL_F_CAP | TRAWL_F_ALLCAPS | FIRST);
  FLAGS(t, 1, 0);
  FLAGS(t, 3, TRAWL_F_DASH | TRAWL_F_SPACE);
  CHECK_INT(t->nsent, 1);
  done(t);
}

static void test_empty(void) {
  trawl_tokens *t = TOKS("");
  CHECK(t != &empty);
  CHECK_INT(t->n, 0);
  CHECK_INT(t->nsent, 0);
  CHECK_INT(t->npara, 0);
  CHECK_INT(trawl_token_at(t, 0), 0);
  done(t);
  t = tok_(__LINE__, NULL, 0);
  CHECK(t != &empty);
  CHECK_INT(t->n, 0);
  done(t);
  t = TOKS("  \r\n\t \0 ");
  CHECK_INT(t->n, 0);
  CHECK_INT(t->nsent, 0);
  CHECK_INT(t->npara, 0);
  done(t);
}

static void test_api(void) {
  trawl_tokens *t;
  trawl_error e;
  size_t len = 99;
  CHECK_STR(trawl_kind_name(TRAWL_WORD), 4, "word");
  CHECK(strcmp(trawl_kind_name(TRAWL_NUMBER), "number") == 0);
  CHECK(strcmp(trawl_kind_name(TRAWL_PUNCT), "punct") == 0);
  CHECK(strcmp(trawl_kind_name(TRAWL_SYMBOL), "symbol") == 0);
  CHECK(strcmp(trawl_kind_name(TRAWL_OTHER), "other") == 0);
  CHECK(strcmp(trawl_kind_name(TRAWL_NKINDS), "?") == 0);
  CHECK(strcmp(trawl_kind_name(-1), "?") == 0);
  t = TOKS("ab cd");
  CHECK_INT(trawl_token_at(t, 0), 0);
  CHECK_INT(trawl_token_at(t, 1), 0);
  CHECK_INT(trawl_token_at(t, 2), 1); /* the space: the token after */
  CHECK_INT(trawl_token_at(t, 4), 1);
  CHECK_INT(trawl_token_at(t, 5), 2);
  CHECK_INT(trawl_token_at(t, 1000), 2);
  CHECK(trawl_token_fold(t, 2, &len) == NULL);
  CHECK_INT(len, 0);
  CHECK(trawl_token_fold(t, 1, NULL) != NULL);
  CHECK_INT(trawl_token_at(NULL, 0), 0);
  CHECK(trawl_token_fold(NULL, 0, &len) == NULL);
  done(t);
  trawl_tokens_free(NULL);
  e.code = 0;
  CHECK(trawl_tokenize("x", (size_t)TRAWL_MAX_DOC + 1, &e) == NULL);
  CHECK_INT(e.code, TRAWL_ETOOBIG);
  CHECK(trawl_tokenize("x", (size_t)TRAWL_MAX_DOC + 1, NULL) == NULL);
  e.code = 0;
  CHECK(trawl_tokenize(NULL, 5, &e) == NULL);
  CHECK_INT(e.code, TRAWL_EARG);
  t = trawl_tokenize("ok", 2, NULL);
  CHECK(t != NULL && t->n == 1);
  trawl_tokens_free(t);
}

/* each ASCII character alone gets the kind its Unicode category says,
** except '%' */
static void test_ascii(void) {
  int c, bad = 0;
  for (c = 0; c < 128; c++) {
    char s[1];
    trawl_tokens *t;
    int want;
    s[0] = (char)c;
    switch (utf8proc_category_string(c)[0]) {
    case 'L': want = W; break;
    case 'N': want = N; break;
    case 'P': want = P; break;
    case 'S': want = S; break;
    default: want = -1; break; /* Cc, Zs */
    }
    if (c == '%') want = S; /* Po, but a symbol by design */
    t = trawl_tokenize(s, 1, NULL);
    if (t == NULL)
      bad++;
    else {
      if (want < 0 ? t->n != 0 : (t->n != 1 || t->tok[0].kind != want)) {
        fprintf(stderr, "ASCII 0x%02x: wrong kind\n", c);
        bad++;
      }
      trawl_tokens_free(t);
    }
  }
  CHECK_INT(bad, 0);
}

static double seconds(clock_t c0) {
  return (double)(clock() - c0) / CLOCKS_PER_SEC;
}

static void test_big(void) {
  static const char unit[] = "word 50,000 ";
  size_t reps = 10u * 1000u * 1000u / (sizeof unit - 1), len, i;
  char *s;
  trawl_tokens *t;
  clock_t c0;
  len = reps * (sizeof unit - 1);
  s = malloc(len);
  CHECK(s != NULL);
  if (s == NULL) return;
  for (i = 0; i < reps; i++)
    memcpy(s + i * (sizeof unit - 1), unit, sizeof unit - 1);
  c0 = clock();
  t = tok_(__LINE__, s, len);
  printf("# 10 MB line: %zu tokens in %.3f s\n", t->n, seconds(c0));
  CHECK_INT(t->n, 2 * reps);
  TOK(t, t->n - 1, "50,000", N, len - 7);
  TOK(t, t->n - 2, "word", W, len - 12);
  /* no sentence punctuation: cut every TRAWL_MAX_SENT_TOKENS tokens */
  CHECK_INT(t->nsent, (2 * reps + TRAWL_MAX_SENT_TOKENS - 1) / TRAWL_MAX_SENT_TOKENS);
  CHECK_INT(t->npara, 1);
  CHECK_INT(trawl_token_at(t, len - 3), t->n - 1);
  done(t);
  free(s);
}

static uint64_t lcg(uint64_t *x) {
  *x = *x * 6364136223846793005u + 1442695040888963407u;
  return *x >> 33;
}

static void test_random(void) {
  size_t len = 1u << 20, i;
  uint64_t x = 12345;
  char *s = malloc(len);
  trawl_tokens *t;
  clock_t c0;
  CHECK(s != NULL);
  if (s == NULL) return;
  for (i = 0; i < len; i++)
    s[i] = (char)(lcg(&x) & 0xFF);
  c0 = clock();
  t = tok_(__LINE__, s, len);
  printf("# 1 MB random bytes: %zu tokens in %.3f s\n", t->n, seconds(c0));
  CHECK(t->n > 0);
  invariants(__LINE__, t, s, len);
  done(t);
  free(s);
}

/* random text from pieces that exercise every rule at once */
static void test_pieces(void) {
  static const char *const piece[] = {"a",
                                      "Z",
                                      "word",
                                      "1",
                                      "0",
                                      ",",
                                      ".",
                                      "...",
                                      "-",
                                      "'",
                                      "s",
                                      "S",
                                      " ",
                                      "\n",
                                      "\r",
                                      "\r\n",
                                      "\t",
                                      "\0",
                                      "U.",
                                      "Gen",
                                      "\xc3\xa9",
                                      "\xd0\x9c",
                                      "\xe2\x80\x99",
                                      "\xe2\x80\x9c",
                                      "\xe2\x80\x94",
                                      "\xe2\x80\x91",
                                      "$",
                                      "%",
                                      "\xff",
                                      "\xe2\x82",
                                      "\x80",
                                      "\xcc\x81",
                                      "\xc2\xa0",
                                      "\xe2\x80\x8b",
                                      "\xe2\x88\x92",
                                      "\xee\x80\x80",
                                      "?",
                                      "\"",
                                      ")",
                                      "\xc2\x85",
                                      "\xf0\x9f\x98\x80"};
  size_t np = sizeof piece / sizeof piece[0], cap = 1u << 20, len = 0;
  uint64_t x = 777;
  char *s = malloc(cap + 8);
  trawl_tokens *t;
  CHECK(s != NULL);
  if (s == NULL) return;
  while (len < cap) {
    size_t k = (size_t)(lcg(&x) % np);
    size_t n = piece[k][0] ? strlen(piece[k]) : 1; /* "\0" is one NUL */
    memcpy(s + len, piece[k], n);
    len += n;
  }
  t = tok_(__LINE__, s, len);
  CHECK(t->n > 0);
  CHECK(t->nsent > 1);
  CHECK(t->npara > 1);
  invariants(__LINE__, t, s, len);
  done(t);
  free(s);
}

/* the invariants also hold on the hand-written cases' kind of text */
static void test_invariants_small(void) {
  static const char s[] =
      "\xe2\x80\x9cRussia\xe2\x80\x99s forces,\xe2\x80\x9d "
      "said Gen. Valery Gerasimov \xe2\x80\x94 U.S. officials put it at 10,000"
      "\xe2\x80\x93"
      "12,000.\r\n\r\nISW's Frederick W. Kagan... \xff\xfe";
  trawl_tokens *t = TOKS(s);
  invariants(__LINE__, t, s, sizeof s - 1);
  CHECK_INT(t->npara, 2);
  done(t);
}

int main(void) {
  test_numbers();
  test_hyphens();
  test_abbrev();
  test_apostrophes();
  test_quotes();
  test_dashes();
  test_unicode();
  test_invalid();
  test_space();
  test_sentences();
  test_long_sentence();
  test_caption();
  test_empty();
  test_api();
  test_ascii();
  test_invariants_small();
  test_random();
  test_pieces();
  test_big();
  return test_report();
}
