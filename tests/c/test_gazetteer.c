/* test_gazetteer.c - gazetteer tests: phrases, folding, lists, speed. */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "trawl.h"
#include "tlimits.h"
#include "test.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static trawl_gazetteer *gz(void) {
  trawl_error e = {0, 0, ""};
  trawl_gazetteer *g = trawl_gazetteer_new(&e);
  if (g == NULL) fprintf(stderr, "trawl_gazetteer_new: %s\n", e.msg);
  return g;
}

static int add(trawl_gazetteer *g, int list, int entry, const char *phrase,
               unsigned flags) {
  return trawl_gazetteer_add(g, list, entry, phrase, strlen(phrase), flags,
                             NULL);
}

/* add, which must succeed */
#define ADD(g, list, entry, phrase, flags)                                    \
  CHECK_INT(add((g), (list), (entry), (phrase), (flags)), TRAWL_OK)

/* the matches, written "list:entry@start-end" and separated by spaces */
typedef struct Out {
  char s[1024];
  size_t n;
  int calls, stop; /* stop: return 7 on this call (1-based), 0 never */
} Out;

static int collect(int list, int entry, uint32_t start, uint32_t end,
                   void *ud) {
  Out *o = ud;
  int w = snprintf(o->s + o->n, sizeof o->s - o->n, "%s%d:%d@%u-%u",
                   o->n ? " " : "", list, entry, start, end);
  if (w > 0 && (size_t)w < sizeof o->s - o->n) o->n += (size_t)w;
  o->calls++;
  return o->calls == o->stop ? 7 : 0;
}

/* match text (of length len) and return the matches; rc gets the result */
static const char *run(const trawl_gazetteer *g, const char *text, size_t len,
                       int *rc) {
  static Out o;
  trawl_tokens *t = trawl_tokenize(text, len, NULL);
  memset(&o, 0, sizeof o);
  if (t == NULL) return "(tokenize failed)";
  *rc = trawl_gazetteer_match(g, t, collect, &o);
  trawl_tokens_free(t);
  return o.s;
}

/* run on a string literal, embedded NULs included */
#define RUN(g, lit, rc) run((g), (lit), sizeof(lit) - 1, (rc))

static const char *found(const trawl_gazetteer *g, const char *text) {
  int rc = -100;
  const char *s = run(g, text, strlen(text), &rc);
  CHECK_INT(rc, TRAWL_OK);
  return s;
}

#define MATCHES(g, text, want)                                                \
  do {                                                                        \
    const char *got_ = found((g), (text));                                    \
    CHECK_STR(got_, strlen(got_), (want));                                    \
  } while (0)

/* ------------------------------------------------------------------ */

static void test_phrases(void) {
  trawl_gazetteer *g = gz();
  ADD(g, 1, 10, "Kremlin", 0);
  ADD(g, 1, 11, "Ministry of Defence", 0);
  ADD(g, 1, 12, "Kim Jong-Un", 0);
  ADD(g, 1, 13, "pieces of military equipment", 0);
  CHECK_INT(trawl_gazetteer_size(g), 4);
  /* 0 The 1 Kremlin 2 and 3 the 4 ministry 5 of 6 defence 7 . */
  MATCHES(g, "The Kremlin and the ministry of defence.", "1:10@1-2 1:11@4-7");
  /* 0 Kim 1 Jong-Un 2 lost 3 200 4 pieces 5 of 6 military 7 equipment */
  MATCHES(g, "Kim Jong-Un lost 200 pieces of military equipment",
          "1:12@0-2 1:13@4-8");
  MATCHES(g, "Kim Jong Un", ""); /* three tokens, not two */
  MATCHES(g, "ministry of", ""); /* a prefix is not a phrase */
  MATCHES(g, "Kremlins", "");    /* whole tokens only */
  MATCHES(g, "pieces of military", "");
  trawl_gazetteer_free(g);
}

static void test_longest(void) {
  trawl_gazetteer *g = gz();
  ADD(g, 1, 1, "north korea", 0);
  ADD(g, 1, 2, "north korean", 0);
  ADD(g, 1, 3, "north korean troops", 0);
  ADD(g, 1, 4, "north", 0);
  ADD(g, 1, 5, "korean", 0);
  /* at 0 only the longest of list 1; "korean" at 1 is its own start */
  MATCHES(g, "North Korean troops arrived", "1:3@0-3 1:5@1-2");
  MATCHES(g, "North Korean soldiers", "1:2@0-2 1:5@1-2");
  MATCHES(g, "North Korea", "1:1@0-2");
  MATCHES(g, "the north", "1:4@1-2");
  trawl_gazetteer_free(g);
}

static void test_lists(void) {
  trawl_gazetteer *g = gz();
  /* added out of list order: reports are still by ascending list */
  ADD(g, 9, 1, "North Korean troops", 0);
  ADD(g, 2, 1, "North Korean", 0);
  ADD(g, 5, 1, "Korean troops", 0);
  ADD(g, 2, 2, "troops", 0);
  MATCHES(g, "North Korean troops", "2:1@0-2 9:1@0-3 5:1@1-3 2:2@2-3");
  trawl_gazetteer_free(g);
}

static void test_case_quotes(void) {
  trawl_gazetteer *g = gz();
  ADD(g, 1, 1, "KREMLIN", 0);
  ADD(g, 1, 2, "ISW's", 0);
  ADD(g, 1, 3, "Institute for the Study of War\xe2\x80\x99s", 0);
  ADD(g, 1, 4,
      "Stra\xc3\x9f"
      "e",
      0); /* Straße folds to strasse */
  MATCHES(g, "Kremlin kremlin KrEmLiN", "1:1@0-1 1:1@1-2 1:1@2-3");
  /* curly apostrophe in the text, straight in the phrase */
  MATCHES(g, "ISW\xe2\x80\x99s report", "1:2@0-2");
  MATCHES(g, "ISW's report", "1:2@0-2");
  MATCHES(g, "ISW report", "");
  /* and the other way round */
  MATCHES(g, "the Institute for the Study of War's map", "1:3@1-8");
  MATCHES(g, "STRASSE", "1:4@0-1");
  trawl_gazetteer_free(g);
}

static void test_accents(void) {
  trawl_gazetteer *g = gz();
  trawl_error e = {0, 0, ""};
  ADD(g, 1, 1, "Kyiv", 0);
  ADD(g, 2, 1, "Kyiv", TRAWL_GZ_NOACCENTS);
  ADD(g, 2, 2, "M\xc3\xbcller", TRAWL_GZ_NOACCENTS); /* Müller */
  ADD(g, 2, 3, "jose", TRAWL_GZ_NOACCENTS);
  ADD(g, 3, 1, "Jos\xc3\xa9", 0); /* José, exact */
  /* Kýiv: only the NOACCENTS list; Kyiv: both */
  MATCHES(g, "K\xc3\xbdiv and Kyiv", "2:1@0-1 1:1@2-3 2:1@2-3");
  MATCHES(g, "K\xc3\x9dIV", "2:1@0-1");  /* KÝIV */
  MATCHES(g, "Ky\xcc\x81iv", "2:1@0-1"); /* y + combining acute */
  MATCHES(g, "muller M\xc3\x9cLLER", "2:2@0-1 2:2@1-2");
  MATCHES(g, "Jos\xc3\xa9 and JOSE", "2:3@0-1 3:1@0-1 2:3@2-3");
  /* accents in the phrase are stripped too */
  ADD(g, 4, 1, "Z\xc3\xa9l\xc3\xa9nsky", TRAWL_GZ_NOACCENTS);
  MATCHES(g, "ZELENSKY", "4:1@0-1");
  /* the first add to a list decides its flags */
  CHECK_INT(trawl_gazetteer_add(g, 1, 5, "Kiev", 4, TRAWL_GZ_NOACCENTS, &e),
            TRAWL_EARG);
  CHECK_INT(e.code, TRAWL_EARG);
  CHECK(strstr(e.msg, "flags") != NULL);
  CHECK_INT(trawl_gazetteer_add(g, 2, 5, "Kiev", 4, 0, NULL), TRAWL_EARG);
  MATCHES(g, "Kiev", "");
  CHECK_INT(trawl_gazetteer_size(g), 6);
  trawl_gazetteer_free(g);
}

static void test_punct(void) {
  trawl_gazetteer *g = gz();
  ADD(g, 1, 1, "U.S. Army", 0);
  ADD(g, 1, 2, "U.S.", 0);
  ADD(g, 1, 3, "(ISW)", 0);
  ADD(g, 1, 4, "Hwasong-17", 0);
  ADD(g, 1, 5, "F-16s", 0);
  ADD(g, 1, 6, "$40bn", 0);
  /* 0 The 1 U.S. 2 Army 3 and 4 U.S. 5 Navy */
  MATCHES(g, "The U.S. Army and U.S. Navy", "1:1@1-3 1:2@4-5");
  MATCHES(g, "the US Army", ""); /* US is not U.S. */
  MATCHES(g, "war (ISW) said", "1:3@1-4");
  MATCHES(g,
          "a Hwasong-17 and F\xe2\x80\x91"
          "16s", /* non-breaking hyphen */
          "1:4@1-2 1:5@3-4");
  MATCHES(g, "Hwasong - 17", "");
  MATCHES(g, "worth $40bn.", "1:6@1-4"); /* $ 40 bn */
  trawl_gazetteer_free(g);
}

static void test_overlap(void) {
  trawl_gazetteer *g = gz();
  ADD(g, 1, 1, "new york times", 0);
  ADD(g, 1, 2, "york", 0);
  ADD(g, 1, 3, "times square", 0);
  MATCHES(g, "The New York Times Square office", "1:1@1-4 1:2@2-3 1:3@3-5");
  MATCHES(g, "york york", "1:2@0-1 1:2@1-2"); /* adjacent */
  trawl_gazetteer_free(g);
}

static void test_stop(void) {
  trawl_gazetteer *g = gz();
  const char *text = "one two three";
  trawl_tokens *t = trawl_tokenize(text, strlen(text), NULL);
  Out o;
  ADD(g, 1, 1, "one", 0);
  ADD(g, 2, 1, "one two", 0);
  ADD(g, 1, 3, "three", 0);
  memset(&o, 0, sizeof o);
  o.stop = 1;
  CHECK_INT(trawl_gazetteer_match(g, t, collect, &o), 7);
  CHECK_STR(o.s, o.n, "1:1@0-1");
  memset(&o, 0, sizeof o);
  o.stop = 2; /* the second list at the same start */
  CHECK_INT(trawl_gazetteer_match(g, t, collect, &o), 7);
  CHECK_STR(o.s, o.n, "1:1@0-1 2:1@0-2");
  memset(&o, 0, sizeof o);
  CHECK_INT(trawl_gazetteer_match(g, t, collect, &o), TRAWL_OK);
  CHECK_STR(o.s, o.n, "1:1@0-1 2:1@0-2 1:3@2-3");
  /* a match after a stop starts afresh */
  memset(&o, 0, sizeof o);
  o.stop = 2;
  CHECK_INT(trawl_gazetteer_match(g, t, collect, &o), 7);
  CHECK_STR(o.s, o.n, "1:1@0-1 2:1@0-2");
  trawl_tokens_free(t);
  trawl_gazetteer_free(g);
}

static void test_empty(void) {
  trawl_gazetteer *g = gz();
  trawl_error e = {0, 0, ""};
  int rc = -100;
  const char *s;
  /* no lists yet */
  MATCHES(g, "Kremlin", "");
  ADD(g, 1, 1, "Kremlin", 0);
  s = run(g, "", 0, &rc);
  CHECK_INT(rc, TRAWL_OK);
  CHECK_STR(s, strlen(s), "");
  MATCHES(g, "   \n\n  ", "");
  /* phrases without tokens */
  CHECK_INT(trawl_gazetteer_add(g, 1, 2, "", 0, 0, &e), TRAWL_EARG);
  CHECK(e.msg[0] != '\0');
  CHECK_INT(trawl_gazetteer_add(g, 1, 2, NULL, 0, 0, NULL), TRAWL_EARG);
  CHECK_INT(add(g, 1, 2, " \t\n ", 0), TRAWL_EARG);
  CHECK_INT(trawl_gazetteer_size(g), 1);
  trawl_gazetteer_free(g);
}

static void test_invalid(void) {
  trawl_gazetteer *g = gz();
  int rc = -100;
  const char *s;
  /* a phrase of invalid bytes is one OTHER token, matched on its fold */
  ADD(g, 1, 1, "\xff\xfe", 0);
  ADD(g, 1, 2, "Kyiv \xc3", 0); /* truncated sequence after a word */
  ADD(g, 2, 1, "\x80 Kyiv", TRAWL_GZ_NOACCENTS);
  s = RUN(g, "a \xff\xfe b", &rc);
  CHECK_INT(rc, TRAWL_OK);
  CHECK_STR(s, strlen(s), "1:1@1-2");
  /* invalid bytes in the text, and an invalid run glued to a word */
  s = RUN(g, "K\xc3\xbdiv\xff Kyiv \xc3 \xe2\x80", &rc);
  CHECK_INT(rc, TRAWL_OK);
  /* 0 Kýiv 1 \xff 2 Kyiv 3 \xc3 4 \xe2\x80 */
  CHECK_STR(s, strlen(s), "1:1@1-2 2:1@1-3 1:2@2-4 1:1@3-4 1:1@4-5");
  s = RUN(g, "\xc0\xc1\xf5\xff", &rc);
  CHECK_INT(rc, TRAWL_OK);
  CHECK_STR(s, strlen(s), "1:1@0-1");
  trawl_gazetteer_free(g);
}

/* a lone combining mark is an OTHER token whose stripped key is empty */
static void test_marks(void) {
  trawl_gazetteer *g = gz();
  ADD(g, 1, 1, "\xcc\x81", TRAWL_GZ_NOACCENTS); /* first key: empty */
  ADD(g, 1, 2, "a \xcc\x81 b", TRAWL_GZ_NOACCENTS);
  ADD(g, 2, 1, "a \xcc\x81 b", 0);
  /* 0 a 1 U+0301 2 b, and 0 a 1 U+0308 2 b */
  MATCHES(g, "a \xcc\x81 b", "1:2@0-3 2:1@0-3 1:1@1-2");
  MATCHES(g, "A \xcc\x88 B", "1:2@0-3 1:1@1-2");
  MATCHES(g, "a b", "");
  trawl_gazetteer_free(g);
}

static void test_duplicates(void) {
  trawl_gazetteer *g = gz();
  ADD(g, 1, 5, "Kremlin", 0);
  ADD(g, 1, 6, "kremlin", 0);
  ADD(g, 1, 4, "KREMLIN", 0);
  ADD(g, 2, 9, "Kremlin", 0);
  ADD(g, 3, 1, "kremlin", TRAWL_GZ_NOACCENTS);
  ADD(g, 3, 2, "Kr\xc3\xa9mlin", TRAWL_GZ_NOACCENTS);
  /* every add counts, the shadowed ones too */
  CHECK_INT(trawl_gazetteer_size(g), 6);
  MATCHES(g, "The Kremlin", "1:5@1-2 2:9@1-2 3:1@1-2");
  trawl_gazetteer_free(g);
}

static void test_args(void) {
  trawl_gazetteer *g = gz();
  trawl_tokens *t = trawl_tokenize("x", 1, NULL);
  trawl_error e = {0, 0, ""};
  Out o;
  memset(&o, 0, sizeof o);
  CHECK_INT(trawl_gazetteer_add(g, -1, 0, "x", 1, 0, &e), TRAWL_EARG);
  CHECK_INT(e.code, TRAWL_EARG);
  CHECK_INT(trawl_gazetteer_add(g, 0, -1, "x", 1, 0, NULL), TRAWL_EARG);
  CHECK_INT(trawl_gazetteer_add(g, 0, 0, "x", 1, 0x80, NULL), TRAWL_EARG);
  CHECK_INT(trawl_gazetteer_add(NULL, 0, 0, "x", 1, 0, NULL), TRAWL_EARG);
  CHECK_INT(trawl_gazetteer_add(g, 0, 0, NULL, 3, 0, NULL), TRAWL_EARG);
  /* refused before the phrase is read */
  CHECK_INT(
      trawl_gazetteer_add(g, 0, 0, "x", (size_t)TRAWL_MAX_DOC + 1, 0, &e),
      TRAWL_EARG);
  CHECK(strstr(e.msg, "long") != NULL);
  CHECK_INT(trawl_gazetteer_size(g), 0);
  CHECK_INT(trawl_gazetteer_size(NULL), 0);
  /* list 0, entry 0 and INT_MAX-sized numbers are fine */
  ADD(g, 0, 0, "x", 0);
  ADD(g, 2147483647, 2147483647, "x", 0);
  CHECK_INT(trawl_gazetteer_match(NULL, t, collect, &o), TRAWL_EARG);
  CHECK_INT(trawl_gazetteer_match(g, NULL, collect, &o), TRAWL_EARG);
  CHECK_INT(trawl_gazetteer_match(g, t, NULL, &o), TRAWL_EARG);
  CHECK_INT(trawl_gazetteer_match(g, t, collect, &o), TRAWL_OK);
  CHECK_STR(o.s, o.n, "0:0@0-1 2147483647:2147483647@0-1");
  trawl_gazetteer_free(NULL);
  trawl_tokens_free(t);
  trawl_gazetteer_free(g);
}

/* many lists: the per-start bookkeeping scales with the lists hit */
static void test_many_lists(void) {
  trawl_gazetteer *g = gz();
  char want[1024] = "";
  size_t n = 0;
  int l;
  for (l = 99; l >= 0; l -= 3)
    ADD(g, l * 1000, l, "alpha bravo", 0);
  for (l = 0; l < 100; l++)
    if (l % 3 == 0)
      n += (size_t)snprintf(want + n, sizeof want - n, "%s%d:%d@0-2",
                            n ? " " : "", l * 1000, l);
  MATCHES(g, "Alpha Bravo", want);
  trawl_gazetteer_free(g);
}

/* ------------------------------------------------------------------ */
/* 100,000 generated phrases */

#define NPHRASE 100000
#define NLIST 3
#define NBARE 20000 /* phrases also put in the NOACCENTS list NLIST */

static const char *const nato[] = {
    "alpha",  "bravo",   "charlie", "delta",  "echo",   "foxtrot", "golf",
    "hotel",  "india",   "juliett", "kilo",   "lima",   "mike",    "november",
    "oscar",  "papa",    "quebec",  "romeo",  "sierra", "tango",   "uniform",
    "victor", "whiskey", "xray",    "yankee", "zulu"};

static uint32_t lcg_state;

static uint32_t lcg(void) {
  lcg_state = lcg_state * 1664525u + 1013904223u;
  return lcg_state >> 8;
}

/* a word like "bravo17" or "charlie" */
static size_t genword(char *out) {
  uint32_t r = lcg();
  int k = sprintf(out, "%s", nato[r % 26]);
  r /= 26;
  if (r % 4 != 0) k += sprintf(out + k, "%u", (unsigned)(r / 4 % 40));
  return (size_t)k;
}

static char *genphrase(void) {
  char buf[128];
  size_t n = 0;
  int w, nw = (int)(lcg() % 4) + 1;
  for (w = 0; w < nw; w++) {
    if (w > 0) buf[n++] = ' ';
    n += genword(buf + n);
  }
  buf[n] = '\0';
  return strcpy(malloc(n + 1), buf);
}

static char **phrases;

/* phrase indices sorted by text, then by index: the first of a run of
** equal texts in a list is the entry that must win */
static int byphrase(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  int c = strcmp(phrases[x], phrases[y]);
  return c ? c : (x > y) - (x < y);
}

/* entry of list for s[0..n) by a plain binary search, or -1 */
static int lookup(const int *sorted, int list, const char *s, size_t n) {
  int lo = 0, hi = NPHRASE;
  while (lo < hi) { /* first with phrase >= s */
    int mid = lo + (hi - lo) / 2;
    const char *p = phrases[sorted[mid]];
    if (strncmp(p, s, n) < 0) /* a longer p with s as prefix is after s */
      lo = mid + 1;
    else
      hi = mid;
  }
  for (; lo < NPHRASE; lo++) {
    const char *p = phrases[sorted[lo]];
    if (strncmp(p, s, n) != 0) break;
    if (p[n] != '\0') break; /* s itself sorts before s + more */
    if (list == NLIST ? sorted[lo] < NBARE : sorted[lo] % NLIST == list)
      return sorted[lo];
  }
  return -1;
}

typedef struct Hits {
  uint32_t (*h)[4]; /* start, list, entry, end */
  size_t n, cap;
} Hits;

static int gather(int list, int entry, uint32_t start, uint32_t end,
                  void *ud) {
  Hits *hs = ud;
  if (hs->n == hs->cap) {
    hs->cap = hs->cap ? hs->cap * 2 : 1024;
    hs->h = realloc(hs->h, hs->cap * sizeof *hs->h);
  }
  hs->h[hs->n][0] = start;
  hs->h[hs->n][1] = (uint32_t)list;
  hs->h[hs->n][2] = (uint32_t)entry;
  hs->h[hs->n][3] = end;
  hs->n++;
  return 0;
}

/* the same matches the slow way: every start, every list, longest first,
** on the lower-case text whose words are separated by single spaces */
static size_t reference(const trawl_tokens *t, const char *low,
                        const int *sorted, int nlist, const Hits *hs) {
  size_t i, k = 0, bad = 0;
  for (i = 0; i < t->n; i++) {
    int list;
    for (list = 0; list < nlist; list++) {
      size_t len;
      for (len = 4; len >= 1; len--) {
        const trawl_token *a = &t->tok[i], *z;
        int entry;
        if (i + len > t->n) continue;
        z = &t->tok[i + len - 1];
        entry = lookup(sorted, list, low + a->start, z->end - a->start);
        if (entry < 0) continue;
        if (k >= hs->n || hs->h[k][0] != i || hs->h[k][1] != (uint32_t)list ||
            hs->h[k][2] != (uint32_t)entry || hs->h[k][3] != i + len)
          bad++;
        k++;
        break;
      }
    }
  }
  return bad + (k != hs->n);
}

/* a document of generated words, some sentences, some upper case; low is
** its lower-case copy */
static char *gendoc(size_t size, char **low) {
  char *d = malloc(size + 64), *l;
  size_t n = 0, i;
  while (n < size) {
    n += genword(d + n);
    d[n++] = lcg() % 10 == 0 ? '.' : ' ';
    if (d[n - 1] == '.') d[n++] = ' ';
  }
  d[n] = '\0';
  l = strcpy(malloc(n + 1), d);
  for (i = 0; i < n; i += 1 + lcg() % 50) /* upper-case a few words */
    for (; i < n && d[i] != ' '; i++)
      if (d[i] >= 'a' && d[i] <= 'z') d[i] = (char)(d[i] - 32);
  *low = l;
  return d;
}

static void test_big(void) {
  trawl_gazetteer *g = gz();
  int *sorted = malloc(NPHRASE * sizeof(int)), i, ok = 0;
  char *doc, *low;
  trawl_tokens *t;
  Hits hs = {NULL, 0, 0};
  double t0;
  int picks[] = {0, 1, 777, 12345, 54321, NPHRASE - 1};
  phrases = malloc(NPHRASE * sizeof(char *));
  lcg_state = 12345;
  for (i = 0; i < NPHRASE; i++)
    phrases[i] = genphrase();
  t0 = now();
  for (i = 0; i < NPHRASE; i++)
    ok += add(g, i % NLIST, i, phrases[i], 0) == TRAWL_OK;
  t0 = now() - t0;
  printf("# added %d phrases in %.3f s\n", NPHRASE, t0);
  CHECK_INT(ok, NPHRASE);
  CHECK_INT(trawl_gazetteer_size(g), NPHRASE);
  CHECK(t0 < 10.0);
  for (i = 0; i < NPHRASE; i++)
    sorted[i] = i;
  qsort(sorted, NPHRASE, sizeof(int), byphrase);

  /* a few phrases looked up alone: the first entry with that text */
  for (i = 0; i < (int)(sizeof picks / sizeof picks[0]); i++) {
    const char *p = phrases[picks[i]];
    int list = picks[i] % NLIST, rc = -100;
    int want = lookup(sorted, list, p, strlen(p));
    char buf[160], exp[64], all[1100];
    const char *got;
    size_t k, nw = 1;
    for (k = 0; p[k]; k++)
      nw += p[k] == ' ';
    snprintf(buf, sizeof buf, "%s.", p);
    got = run(g, buf, strlen(buf), &rc);
    snprintf(exp, sizeof exp, " %d:%d@0-%zu ", list, want, nw);
    snprintf(all, sizeof all, " %s ", got);
    CHECK(want >= 0 && want <= picks[i]);
    CHECK(strstr(all, exp) != NULL);
  }

  /* a 1 MB document, against the slow way */
  doc = gendoc(1 << 20, &low);
  t0 = now();
  t = trawl_tokenize(doc, strlen(doc), NULL);
  printf("# tokenised 1 MB: %zu tokens in %.3f s\n", t->n, now() - t0);
  t0 = now();
  CHECK_INT(trawl_gazetteer_match(g, t, gather, &hs), TRAWL_OK);
  t0 = now() - t0;
  printf("# matched 1 MB: %zu hits in %.3f s\n", hs.n, t0);
  CHECK(hs.n > 10000);
  CHECK(t0 < 5.0);
  CHECK_INT(reference(t, low, sorted, NLIST, &hs), 0);

  /* again with a NOACCENTS list: the document's stripped keys are made */
  for (i = 0; i < NBARE; i++)
    ok += add(g, NLIST, i, phrases[i], TRAWL_GZ_NOACCENTS) == TRAWL_OK;
  CHECK_INT(ok, NPHRASE + NBARE);
  hs.n = 0;
  t0 = now();
  CHECK_INT(trawl_gazetteer_match(g, t, gather, &hs), TRAWL_OK);
  t0 = now() - t0;
  printf("# matched 1 MB with a NOACCENTS list: %zu hits in %.3f s\n", hs.n,
         t0);
  CHECK(t0 < 5.0);
  CHECK_INT(reference(t, low, sorted, NLIST + 1, &hs), 0);

  trawl_tokens_free(t);
  free(hs.h);
  free(doc);
  free(low);
  for (i = 0; i < NPHRASE; i++)
    free(phrases[i]);
  free(phrases);
  free(sorted);
  trawl_gazetteer_free(g);
}

int main(void) {
  test_phrases();
  test_longest();
  test_lists();
  test_case_quotes();
  test_accents();
  test_punct();
  test_overlap();
  test_stop();
  test_empty();
  test_invalid();
  test_marks();
  test_duplicates();
  test_args();
  test_many_lists();
  test_big();
  return test_report();
}
