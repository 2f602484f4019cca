/* test_pattern.c - tests of token patterns: the compiler (pattern.c), the
** matching machine (vm.c), the annotation store (store.c) and the phase
** driver (phase.c). */

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include "patcode.h"
#include "test.h"
#include "tlimits.h"
#include "trawl.h"

/* a string check that shows the expression that failed */
#define CHECK_S(expr, want) \
  do { \
    const char *g1_ = (expr), *w1_ = (want); \
    if (g1_ != NULL && strcmp(g1_, w1_) == 0) test_passed++; \
    else { test_failed++; \
      fprintf(stderr, "%s:%d: %s is \"%s\", want \"%s\"\n", __FILE__, \
              __LINE__, #expr, g1_ ? g1_ : "(null)", w1_); } \
  } while (0)

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ------------------------------------------------------------------ */
/* a resolver for @list and <type tests>:
**   @force -> 1, @units -> 2, <a> -> 10, <b> -> 11, <org ...> -> 12,
**   <size ...> -> 13;
**   @nope fails with "no list 'nope'"; <org bad> fails with an offset */

static int resolver_calls;
static char resolver_last[64];   /* "<sigil><name>|<tests>" of the last call */

static int resolve(void *ud, char sigil, const char *name, size_t nlen,
                   const char *tests, size_t tlen, char **splice,
                   size_t *splicelen, trawl_error *err) {
  (void)ud;
  resolver_calls++;
  snprintf(resolver_last, sizeof resolver_last, "%c%.*s|%.*s", sigil,
           (int)nlen, name, (int)tlen, tests ? tests : "");
  if (sigil == '@') {
    if (nlen == 5 && memcmp(name, "force", 5) == 0) return 1;
    if (nlen == 5 && memcmp(name, "units", 5) == 0) return 2;
    if (nlen == 5 && memcmp(name, "conns", 5) == 0) {   /* spliced words */
      const char *text = "( 'and' | \"or\" | but )";
      *splicelen = strlen(text);
      *splice = (char *)malloc(*splicelen + 1);
      if (*splice != NULL) memcpy(*splice, text, *splicelen + 1);
      return 0;
    }
    if (nlen == 6 && memcmp(name, "broken", 6) == 0) {   /* bad splice */
      const char *text = "( and |";
      *splicelen = strlen(text);
      *splice = (char *)malloc(*splicelen + 1);
      if (*splice != NULL) memcpy(*splice, text, *splicelen + 1);
      return 0;
    }
    snprintf(err->msg, sizeof err->msg, "no list '%.*s'", (int)nlen, name);
    return TRAWL_ESYNTAX;
  }
  if (sigil == '<') {
    if (tlen == 0 && nlen == 1 && name[0] == 'a') return 10;
    if (tlen == 0 && nlen == 1 && name[0] == 'b') return 11;
    if (nlen == 4 && memcmp(name, "size", 4) == 0) return 13;
    if (nlen == 3 && memcmp(name, "org", 3) == 0) {
      const char *bad = NULL;
      size_t i;
      for (i = 0; i + 3 <= tlen; i++)
        if (memcmp(tests + i, "bad", 3) == 0) { bad = tests + i; break; }
      if (bad == NULL) return 12;
      err->offset = (size_t)(bad - tests);
      snprintf(err->msg, sizeof err->msg, "unknown field 'bad'");
      return TRAWL_ESYNTAX;
    }
  }
  snprintf(err->msg, sizeof err->msg, "unknown type '%.*s'", (int)nlen, name);
  return TRAWL_ESYNTAX;
}

static const trawl_patenv env = {resolve, NULL};

static trawl_pattern *pat(const char *src) {
  trawl_error err = {0, 0, ""};
  trawl_pattern *p = trawl_pattern_new(src, strlen(src), &env, &err);
  if (p == NULL)
    fprintf(stderr, "cannot compile <%s>: @%zu %s\n", src, err.offset, err.msg);
  return p;
}

/* ------------------------------------------------------------------ */
/* the match helper */

#define OUTSIZE 4096
static char outbufs[4][OUTSIZE];
static int outnext;

typedef struct Out {
  char *s;
  size_t n;
} Out;

static void put(Out *o, const char *fmt, ...) {
  va_list ap;
  int k;
  if (o->n >= OUTSIZE - 1) return;
  va_start(ap, fmt);
  k = vsnprintf(o->s + o->n, OUTSIZE - o->n, fmt, ap);
  va_end(ap);
  if (k > 0) o->n += (size_t)k;
  if (o->n > OUTSIZE - 1) o->n = OUTSIZE - 1;
}

/* the text of tokens [s, e) */
static void puttext(Out *o, const trawl_tokens *t, uint32_t s, uint32_t e) {
  if (s == TRAWL_NOTOK) put(o, "-");
  else if (s >= e) put(o, "<empty>");
  else
    put(o, "%.*s", (int)(t->tok[e - 1].end - t->tok[s].start),
        t->text + t->tok[s].start);
}

static void putspan(Out *o, uint32_t s, uint32_t e) {
  if (s == TRAWL_NOTOK) put(o, "-");
  else put(o, "%u-%u", (unsigned)s, (unsigned)e);
}

enum { M_SPANS = 0, M_TEXT = 1, M_USED = 2 };

/*
** Compile pat, tokenise text and match at every start (start < 0) or at
** one start. Returns the matches separated by "; ", each as "0-4 n=2-3"
** (M_SPANS) or "more than 50,000 troops n=50,000" (M_TEXT); unset groups
** are "-"; M_USED adds " used=id/cls:s-e,..." for consumed stored spans.
** "" when nothing matches, "E<code>" for an error from exec, and
** "!<offset>: <msg>" when the pattern does not compile.
*/
static const char *matchx(const char *src, const char *text, trawl_store *st,
                          long start, int mode) {
  Out o;
  trawl_error err = {0, 0, ""};
  trawl_pattern *p;
  trawl_tokens *t;
  trawl_vm *vm;
  size_t i, from, to;
  int any = 0;
  o.s = outbufs[outnext++ & 3];
  o.n = 0;
  o.s[0] = '\0';
  p = trawl_pattern_new(src, strlen(src), &env, &err);
  if (p == NULL) {
    put(&o, "!%zu: %s", err.offset, err.msg);
    return o.s;
  }
  t = trawl_tokenize(text, strlen(text), NULL);
  vm = trawl_vm_new(NULL, NULL);
  if (t == NULL || vm == NULL) {
    put(&o, "setup failed");
    trawl_pattern_free(p);
    trawl_tokens_free(t);
    trawl_vm_free(vm);
    return o.s;
  }
  from = start < 0 ? 0 : (size_t)start;
  to = start < 0 ? t->n : (size_t)start;
  for (i = from; i <= to; i++) {
    trawl_match m;
    int r = trawl_pattern_exec(p, vm, t, st, i, &m, &err), g;
    if (r == 0) continue;
    if (any++) put(&o, "; ");
    if (r < 0) {
      put(&o, "E%d", r);
      continue;
    }
    if (mode == M_TEXT) puttext(&o, t, m.groups[0].start, m.groups[0].end);
    else putspan(&o, m.groups[0].start, m.groups[0].end);
    for (g = 1; g <= m.ngroups; g++) {
      put(&o, " %s=", trawl_pattern_group_name(p, g));
      if (mode == M_TEXT) puttext(&o, t, m.groups[g].start, m.groups[g].end);
      else putspan(&o, m.groups[g].start, m.groups[g].end);
    }
    if (mode == M_USED) {
      size_t u;
      put(&o, " used=");
      for (u = 0; u < m.nused; u++)
        put(&o, "%s%d/%d:%u-%u", u ? "," : "", (int)m.used[u].id,
            m.used[u].cls, (unsigned)m.used[u].start, (unsigned)m.used[u].end);
    }
  }
  trawl_vm_free(vm);
  trawl_tokens_free(t);
  trawl_pattern_free(p);
  return o.s;
}

/* all matches as token spans / as texts / at one start */
static const char *spans(const char *src, const char *text) {
  return matchx(src, text, NULL, -1, M_SPANS);
}
static const char *texts(const char *src, const char *text) {
  return matchx(src, text, NULL, -1, M_TEXT);
}
static const char *at(const char *src, const char *text, long start) {
  return matchx(src, text, NULL, start, M_SPANS);
}
static const char *text_at(const char *src, const char *text, long start) {
  return matchx(src, text, NULL, start, M_TEXT);
}

/* the compile error of src, "@offset code: msg", or "compiled" */
static const char *cerr(const char *src) {
  trawl_error err = {0, 0, ""};
  trawl_pattern *p = trawl_pattern_new(src, strlen(src), &env, &err);
  char *s = outbufs[outnext++ & 3];
  if (p != NULL) {
    trawl_pattern_free(p);
    return "compiled";
  }
  snprintf(s, OUTSIZE, "@%zu %d: %s", err.offset, err.code, err.msg);
  return s;
}

/* ------------------------------------------------------------------ */
/* literals */

static void test_literals(void) {
  const char *doc = "The U.S. Army said ISW\u2019s Gen. Smith saw a "
                    "Hwasong-17. More than 50,000 troops, AFP reported.";
  /* tokens: 0 The 1 U.S. 2 Army 3 said 4 ISW 5 's 6 Gen. 7 Smith 8 saw
  ** 9 a 10 Hwasong-17 11 . 12 More 13 than 14 50,000 15 troops 16 ,
  ** 17 AFP 18 reported 19 . */
  CHECK_S(spans("said", doc), "3-4");
  CHECK_S(spans("SAID", doc), "3-4");             /* case-insensitive */
  CHECK_S(spans("\"the\"", doc), "0-1");
  CHECK_S(spans("'Said'", doc), "3-4");
  CHECK_S(texts("\"U.S. Army\"", doc), "U.S. Army");
  CHECK_S(spans("\"U.S. Army\"", doc), "1-3");
  CHECK_S(spans("\"u.s. army said\"", doc), "1-4");
  CHECK_S(spans("\"U.S. Navy\"", doc), "");
  /* straight apostrophe in the pattern, curly in the text */
  CHECK_S(texts("\"ISW's\"", doc), "ISW\u2019s");
  CHECK_S(spans("\"ISW's\"", doc), "4-6");
  CHECK_S(spans("\"ISW\u2019s\"", doc), "4-6");
  CHECK_S(spans("ISW [clitic] \"Gen.\"", doc), "4-7");
  /* a literal is tokenised alone: "'s" is a quote and a word, not the
  ** clitic of "ISW's" (use [clitic] or the whole "ISW's") */
  CHECK_S(spans("ISW \"'s\"", doc), "");
  CHECK_S(spans("\"'s\"", "a ' s"), "1-3");
  CHECK_S(spans("Hwasong-17", doc), "10-11");      /* bare, with a hyphen */
  CHECK_S(texts("more than 50,000 troops", doc), "!12: unexpected ','");
  CHECK_S(texts("more than \"50,000\" troops", doc), "More than 50,000 troops");
  CHECK_S(texts("more than (?<n>[number]) troops", doc),
          "More than 50,000 troops n=50,000");
  CHECK_S(spans("more than (?<n>[number]) troops", doc), "12-16 n=14-15");
  /* a non-ASCII bare word */
  CHECK_S(texts("\u041c\u043e\u0441\u043a\u0432\u0430",
                "\u0412 \u041c\u041e\u0421\u041a\u0412\u0415 "
                "\u043c\u043e\u0441\u043a\u0432\u0430"),
          "\u043c\u043e\u0441\u043a\u0432\u0430");

  /* word sets: an alternation of one-token literals */
  CHECK_S(texts("said|reported|saw", doc), "said; saw; reported");
  CHECK_S(texts("(?:said|REPORTED) ", doc), "said; reported");
  CHECK_S(texts("(?<v>said|saw) [cap]", doc), "said ISW v=said");
  CHECK_S(texts("[cap] (?<v>said|reported)", doc),
          "Army said v=said; AFP reported v=reported");
  CHECK_S(texts("(?:said|said|SAID) ISW", doc), "said ISW");   /* dups */
  /* mixed alternation: a multi-token branch keeps the plain alternation */
  CHECK_S(texts("\"U.S. Army\"|AFP|ISW", doc), "U.S. Army; ISW; AFP");

  /* text="exact": case-sensitive, on the original text */
  CHECK_S(texts("[text=\"ISW\"]", doc), "ISW");
  CHECK_S(texts("[text=\"isw\"]", doc), "");
  CHECK_S(texts("[text='Gen.']", doc), "Gen.");
  CHECK_S(texts("[text=\"\u2019s\"]", doc), "\u2019s");
  CHECK_S(texts("[text=\"'s\"]", doc), "");         /* not folded */
  CHECK_S(texts("[!text=\"said\" lower word] [cap]", doc),
          "\u2019s Gen.; a Hwasong-17");
  CHECK_S(texts("[lower !text=\"a\"] [cap]", doc),
          "said ISW; \u2019s Gen.");
  CHECK_S(texts("[text=\"The\"] [text=\"U.S.\"]", doc), "The U.S.");
}

/* ------------------------------------------------------------------ */
/* predicates and token regexes */

static void test_predicates(void) {
  const char *doc = "The U.S. Army said ISW\u2019s Gen. Smith saw a "
                    "Hwasong-17. More than 50,000 troops, AFP reported.";
  CHECK_S(texts("[cap] [cap]", doc), "The U.S.; U.S. Army; Gen. Smith");
  CHECK_S(texts("[!cap word]", doc),
          "said; \u2019s; saw; a; than; troops; reported");
  CHECK_S(texts("[number]", doc), "50,000");
  CHECK_S(texts("[punct]", doc), ".; ,; .");
  CHECK_S(texts("[allcaps]", doc), "U.S.; ISW; AFP");
  CHECK_S(texts("[allcaps !abbrev]", doc), "ISW; AFP");
  CHECK_S(texts("[hyphen]", doc), "Hwasong-17");
  CHECK_S(texts("[abbrev]", doc), "U.S.; Gen.");
  CHECK_S(texts("[abbrev !allcaps] [cap]", doc), "Gen. Smith");
  CHECK_S(texts("[word digit]", doc), "Hwasong-17");
  CHECK_S(texts("[digit !word]", doc), "50,000");
  CHECK_S(texts("[clitic]", doc), "\u2019s");
  CHECK_S(texts("[!word !punct]", doc), "50,000");
  CHECK_S(texts("[word number]", doc), "");        /* two kinds: never */
  CHECK_S(texts("[!number number]", doc), "");
  CHECK_S(texts("[cap !allcaps !abbrev] said", doc), "Army said");
  CHECK_S(texts("[cap \"smith\"]", doc), "Smith");
  CHECK_S(texts("[lower !\"a\" !\"than\" !\"saw\" !'said' !clitic !\"troops\"]",
                doc), "reported");
  CHECK_S(texts("[ cap  allcaps ]  # a comment\n [cap]", doc),
          "U.S. Army");
  CHECK_S(texts("# leading comment\n[hyphen] .", doc), "Hwasong-17.");
  CHECK_S(texts("\"U.S.\" .", doc), "U.S. Army");    /* . is any token */
  CHECK_S(texts("[space !cap] [punct]", doc), "troops,; reported.");
  CHECK_S(texts("[lower] [punct]", doc), "troops,; reported.");

  {
    const char *two = "Kyiv said.\nHeadline here\n\"We left,\" she said \u2014 "
                      "quietly - now";
    /* 0 Kyiv 1 said 2 . 3 Headline 4 here 5 " 6 We 7 left 8 , 9 " 10 she
    ** 11 said 12 (em dash) 13 quietly 14 - 15 now */
    CHECK_S(spans("[newline]", two), "0-1; 3-4; 5-6");   /* text start too */
    CHECK_S(spans("[quote]", two), "5-6; 9-10");
    CHECK_S(spans("[dash]", two), "12-13; 14-15");
    CHECK_S(spans("[punct !dash !quote]", two), "2-3; 8-9");
    CHECK_S(spans("[!space]", two), "2-3; 6-7; 8-9; 9-10");
    CHECK_S(texts("said [dash] .", two), "said \u2014 quietly");
  }

  /* token regexes on the whole token text */
  CHECK_S(texts("/[A-Z]+/", doc), "ISW; AFP");
  CHECK_S(texts("/[a-z]+/", doc), "said; saw; a; than; troops; reported");
  CHECK_S(texts("/t.*/i", doc), "The; than; troops");
  CHECK_S(texts("/S.*/", doc), "Smith");                 /* anchored */
  CHECK_S(texts("/mit/", doc), "");
  CHECK_S(texts("/\\d+,\\d+/ troops", doc), "50,000 troops");
  CHECK_S(texts("/\\w+-\\d+/", doc), "Hwasong-17");
  CHECK_S(texts("/\\// [word]", "a / b"), "/ b");     /* an escaped slash */
  CHECK_S(texts("[cap !/[A-Z]+/ !abbrev]", doc), "The; Army; Smith; Hwasong-17; More");
  CHECK_S(texts("[/said|saw/ lower] /a/i", doc), "saw a");
  CHECK_S(texts("/smith|afp/i|/\\d.*/", doc), "Smith; 50,000; AFP");
  /* a regex cannot escape its anchoring: a)|(?:x is not a valid regex */
  CHECK_S(cerr("/a)|(?:x/"), "@2 -2: regex: unmatched closing parenthesis");
  CHECK_S(texts("/s)|(?:h/", doc), "!2: regex: unmatched closing parenthesis");
  CHECK_S(cerr("/*a/"),
          "@1 -2: regex: quantifier does not follow a repeatable item");
  CHECK_S(cerr("said [word /(x/]"),
          "@14 -2: regex: missing closing parenthesis");
  CHECK_S(cerr("/abc"), "@0 -2: unterminated regex");
  /* a regex that hits PCRE2's match limit on a token is an error, not a
  ** failure to match */
  CHECK_S(spans("/(?:a|a)+(?!)/",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
          "E-3");
}

/* ------------------------------------------------------------------ */
/* quantifiers */

static void test_quantifiers(void) {
  const char *aaab = "a a a b";
  CHECK_S(at("a?", aaab, 0), "0-1");
  CHECK_S(at("a?", aaab, 3), "3-3");
  CHECK_S(at("a*", aaab, 0), "0-3");
  CHECK_S(at("a+", aaab, 0), "0-3");
  CHECK_S(spans("a+", aaab), "0-3; 1-3; 2-3");
  CHECK_S(spans("a+ b", aaab), "0-4; 1-4; 2-4");
  CHECK_S(at("a{2}", aaab, 0), "0-2");
  CHECK_S(at("a{3}", aaab, 0), "0-3");
  CHECK_S(at("a{4}", aaab, 0), "");
  CHECK_S(at("a{2,}", aaab, 0), "0-3");
  CHECK_S(at("a{4,}", aaab, 0), "");
  CHECK_S(at("a{1,2}", aaab, 0), "0-2");
  CHECK_S(at("a{0,2} b", aaab, 1), "1-4");
  CHECK_S(at("a{0}", aaab, 0), "0-0");
  CHECK_S(at("a{0} b", aaab, 3), "3-4");
  CHECK_S(at("a{2,2} a", aaab, 0), "0-3");
  /* lazy: the shortest first, longer when what follows needs it */
  CHECK_S(at("a*?", aaab, 0), "0-0");
  CHECK_S(at("a+?", aaab, 0), "0-1");
  CHECK_S(at("a??", aaab, 0), "0-0");
  CHECK_S(at("a{1,2}?", aaab, 0), "0-1");
  CHECK_S(at("a{2,}?", aaab, 0), "0-2");
  CHECK_S(at("a*? b", aaab, 0), "0-4");
  CHECK_S(at("a+? b", aaab, 0), "0-4");
  CHECK_S(at("a?? a a b", aaab, 0), "0-4");
  CHECK_S(at("a{1,3}? b", aaab, 0), "0-4");
  CHECK_S(at("(?<x>a*?) (?<y>a*)", aaab, 0), "0-3 x=0-0 y=0-3");
  CHECK_S(at("(?<x>a*) (?<y>a*)", aaab, 0), "0-3 x=0-3 y=3-3");
  CHECK_S(at("(?<x>a+?) (?<y>a+)", aaab, 0), "0-3 x=0-1 y=1-3");
  CHECK_S(at("(?<x>a{1,2}?) (?<y>.*)", aaab, 0), "0-4 x=0-1 y=1-4");
  CHECK_S(at("(?<x>.*?) b", aaab, 0), "0-4 x=0-3");
  CHECK_S(at("(?<x>.*) a", aaab, 0), "0-3 x=0-2");
  /* white space before a quantifier is free, as between atoms */
  CHECK_S(at(". *", aaab, 0), "0-4");
  CHECK_S(at("( a b ) {2}", "a b a b c", 0), "0-4");
  CHECK_S(cerr("* a"), "@0 -2: unexpected '*'");

  /* nested quantifiers */
  CHECK_S(at("(?:a b?)+", "a b a a b c", 0), "0-5");
  CHECK_S(at("(?:a+ b)+", "a a b a b c", 0), "0-5");
  CHECK_S(at("(?:(?:a){1,2}){2}", aaab, 0), "0-3");
  CHECK_S(at("(?:a{2})+", "a a a a a b", 0), "0-4");
  CHECK_S(at("(?:a{2})+?", "a a a a a b", 0), "0-2");
  CHECK_S(at("(?:a? b?){2,3} c", "a b b a c", 0), "0-5");
  CHECK_S(at("(?:a? b?){2,3} c", "a b b a b a c", 0), "");   /* 4 needed */
  CHECK_S(at("(?:a? b?){2,3} c", "a b b c", 0), "0-4");
  CHECK_S(at("(?:(?<p>a+) b)* c", "a a b a b c", 0), "0-6 p=3-4");
  CHECK_S(at("a**", aaab, 0), "0-3");
  CHECK_S(at("a+?+", aaab, 0), "0-3");

  /* alternation with captures in each branch: the other one is unset */
  {
    const char *s1 = "Smith said", *s2 = "said Smith";
    const char *p2 = "(?<who>[cap]) (?<v>said|told) | (?<v2>said|told) "
                     "(?<who2>[cap])";
    CHECK_S(at(p2, s1, 0), "0-2 who=0-1 v=1-2 v2=- who2=-");
    CHECK_S(at(p2, s2, 0), "0-2 who=- v=- v2=0-1 who2=1-2");
    CHECK_S(spans(p2, "said Smith said"),
            "0-2 who=- v=- v2=0-1 who2=1-2; 1-3 who=1-2 v=2-3 v2=- who2=-");
    /* a branch that set a group and then failed leaves it unset */
    CHECK_S(at("(?<a>x) y | (?<b>x) z", "x z", 0), "0-2 a=- b=0-1");
    CHECK_S(at("(?:(?<a>x) | (?<b>y))+", "x y q", 0), "0-2 a=0-1 b=1-2");
    CHECK_S(at("(?<a>x)? y", "y", 0), "0-1 a=-");
  }
  /* repeated captures keep the last iteration */
  CHECK_S(at("(?:(?<n>[number]) \",\"?)+", "1 , 2 , 3 .", 0), "0-5 n=4-5");
  CHECK_S(text_at("(?:(?<n>[number]) \",\"?)+", "1 , 2 , 3 .", 0), "1 , 2 , 3 n=3");
  CHECK_S(at("(?:(?<n>a))* a b", aaab, 0), "0-4 n=1-2");  /* backtracked */
  CHECK_S(at("(?:(?<n>a))+? b", aaab, 0), "0-4 n=2-3");
  CHECK_S(at("(?<all>(?<one>a)+)", aaab, 0), "0-3 all=0-3 one=2-3");
  CHECK_S(at("(?<n>a){2}", aaab, 0), "0-2 n=1-2");
  /* several loops over nullable bodies after a capture: the loops'
  ** registers must not share slots with the capture */
  CHECK_S(at("(?<n>x) (?:a?)* (?:b?)* (?:c?)*", "x a b c", 0), "0-4 n=0-1");
  CHECK_S(at("(?<n>x) (?:a?)* (?:b?)* (?:c?)* (?:d?)*", "x a b c d", 0),
          "0-5 n=0-1");
  CHECK_S(at("(?<n>x) (?:a?)* (?:b?)*", "x a b", 0), "0-3 n=0-1");
  /* ... nor lose matches: the SAVE of n must not stand in for the loop's
  ** position mark */
  CHECK_S(at("(?:a?)* (?:b?)* (?:d? (?<n>e?))* f", "d f", 0), "0-2 n=1-1");
  CHECK_S(at("(?:a?)* (?:d? (?<n>e?))* f", "d f", 0), "0-2 n=1-1");

  /* empty-matching patterns terminate */
  CHECK_S(at("(x?)*", "y", 0), "0-0");
  CHECK_S(at("(x?)*", "x x y", 0), "0-2");
  CHECK_S(at("(x?)* y", "x x y", 0), "0-3");
  CHECK_S(at("(?:x?)+", "y", 0), "0-0");
  CHECK_S(at("(?:x? y?)+ z", "x y y x z", 0), "0-5");
  CHECK_S(at("(?:x*)*", "x x", 0), "0-2");
  CHECK_S(at("(?:x*)+?", "x x", 0), "0-2");
  CHECK_S(at("(?:x*?)+?", "x x", 0), "0-0");
  CHECK_S(at("(?:x*|y)* z", "x y x z", 0), "0-4");
  CHECK_S(at("(?:(?:x?)*)* z", "x x z", 0), "0-3");
  CHECK_S(at("(?:^)* said", "said", 0), "0-1");
  CHECK_S(at("(?:(?=x))+ x", "x", 0), "0-1");
  CHECK_S(at("(?:x? y?){0,5} z", "x y x z", 0), "0-4");
  CHECK_S(spans("()", "a b"), "0-0; 1-1; 2-2");
  CHECK_S(spans("x?", "x y"), "0-1; 1-1; 2-2");
  /* an empty text */
  CHECK_S(spans("()", ""), "0-0");
  CHECK_S(spans("x", ""), "");
  CHECK_S(spans("^", ""), "");
  CHECK_S(spans("$", ""), "");
  CHECK_S(spans("(?<!x)", ""), "0-0");
}

/* ------------------------------------------------------------------ */
/* anchors */

static void test_anchors(void) {
  const char *doc = "Russian forces attack Kharkiv\n"
                    "Ukraine said troops held. Officials said more.";
  /* sentences: [0,4) headline, [4,9), [9,13)
  ** 0 Russian 1 forces 2 attack 3 Kharkiv 4 Ukraine 5 said 6 troops
  ** 7 held 8 . 9 Officials 10 said 11 more 12 . */
  CHECK_S(spans("^ [cap]", doc), "0-1; 4-5; 9-10");
  CHECK_S(texts("^ [cap]", doc), "Russian; Ukraine; Officials");
  CHECK_S(texts("[word] $", doc), "Kharkiv");
  CHECK_S(spans("[punct] $", doc), "8-9; 12-13");
  CHECK_S(texts("^ . said", doc), "Ukraine said; Officials said");
  CHECK_S(spans("Kharkiv $ ^ Ukraine", doc), "3-5");
  CHECK_S(spans("Kharkiv ^", doc), "3-4");
  CHECK_S(spans("held $", doc), "");
  CHECK_S(spans("$ ^", doc), "4-4; 9-9");
  CHECK_S(spans("^", doc), "0-0; 4-4; 9-9");
  CHECK_S(spans("$", doc), "4-4; 9-9; 13-13");
  /* . crosses sentences; $ holds between two of them */
  CHECK_S(spans("^ .* $", doc), "0-13; 4-13; 9-13");
  CHECK_S(spans("^ .*? $", doc), "0-4; 4-4; 9-9");
  CHECK_S(spans("^ .+? $", doc), "0-4; 4-9; 9-13");
  CHECK_S(spans("^ [^ccap]", doc), "!3: unexpected '^' in [ ]");
  CHECK_S(spans("said (?:[!punct])* $", doc), "");
  CHECK_S(spans("said [word]* [punct] $", doc), "5-9; 10-13");
  CHECK_S(texts("[cap] [!punct]+ $", doc), "Russian forces attack Kharkiv");
  CHECK_S(cerr("^*"), "@1 -2: nothing to repeat");
  CHECK_S(cerr("a $+"), "@3 -2: nothing to repeat");
  CHECK_S(cerr("a (?=b){2}"), "@7 -2: nothing to repeat");
}

/* ------------------------------------------------------------------ */
/* lookarounds */

static void test_lookarounds(void) {
  const char *doc = "According to ISW, Russia lost tanks. Kyiv said Russia "
                    "lost jets.";
  /* 0 According 1 to 2 ISW 3 , 4 Russia 5 lost 6 tanks 7 . 8 Kyiv 9 said
  ** 10 Russia 11 lost 12 jets 13 . */
  CHECK_S(spans("(?<=according to|said) [cap]", doc), "2-3; 10-11");
  CHECK_S(texts("(?<=\"according to\"|said) [cap]", doc), "ISW; Russia");
  CHECK_S(spans("(?<!said) Russia", doc), "4-5");
  CHECK_S(spans("(?<=said) [cap]", doc), "10-11");
  CHECK_S(spans("(?<=said) .", "said x"), "1-2");   /* at the text start */
  CHECK_S(at("(?<=said) .", "said x", 0), "");
  CHECK_S(at("(?<![word]) [cap]", doc, 0), "0-1");
  CHECK_S(spans("(?<![word]) [cap]", doc), "0-1; 4-5; 8-9");
  CHECK_S(spans("(?<!.) .", doc), "0-1");
  CHECK_S(spans("(?<=. .) according", doc), "");
  CHECK_S(spans("(?<=^ according) to", doc), "1-2");
  CHECK_S(spans("(?<=$) [cap]", doc), "8-9");
  CHECK_S(spans("[cap] (?=lost)", doc), "4-5; 10-11");
  CHECK_S(spans("[cap] (?!lost)", doc), "0-1; 2-3; 8-9");
  CHECK_S(spans("[cap] (?=lost tanks)", doc), "4-5");
  CHECK_S(spans("lost (?=[word] $)", doc), "");
  CHECK_S(spans("lost (?=[word] [punct] $)", doc), "5-6; 11-12");
  CHECK_S(spans("jets (?![word])", doc), "12-13");
  CHECK_S(spans("\\. (?!.)", doc), "!0: unexpected '\\'");
  CHECK_S(spans("\".\" (?!.)", doc), "13-14");       /* at the text end */
  CHECK_S(spans("(?<=(?:lost|said) (?:[cap])?) .", doc), "6-7; 10-11; 11-12; 12-13");
  CHECK_S(spans("(?<=to .+ \",\") Russia", doc), "4-5");  /* a repeat, backward */
  CHECK_S(spans("(?<=(?<!according) to) [cap]", doc), "");
  CHECK_S(spans("(?<=(?<=according) to) [cap]", doc), "2-3");
  CHECK_S(spans("Russia (?=lost (?!tanks))", doc), "10-11");
  CHECK_S(spans("(?=[cap]) (?!Kyiv) [word] said", doc), "");
  CHECK_S(spans("(?=[cap]) (?!ISW) [word] (?:said|lost)", doc),
          "4-6; 8-10; 10-12");
  /* groups inside lookarounds are not captured */
  CHECK_S(spans("(?=(?<n>Russia)) .", doc), "4-5 n=-; 10-11 n=-");
  /* the examples of docs/rules.md */
  CHECK_S(texts("(?<= according to ) (?: the )? [cap]+",
                "The plan, according to the Pentagon, failed."),
          "the Pentagon");
  CHECK_S(text_at("(?<= according to ) (?: the )? [cap]+",
                  "According to Kremlin sources, it did.", 2), "Kremlin");
  CHECK_S(texts("^ [cap]+ (?= said )", "Putin said no. Biden said yes."),
          "Putin; Biden");
  CHECK_S(texts("^ [cap]+ (?= said )", "and Putin said no."), "");
  CHECK_S(texts("from (?<what> .+? ) to", "from Kyiv to Lviv to Odesa"),
          "from Kyiv to what=Kyiv");
  CHECK_S(texts("(troops | soldiers | marines)", "troops and Marines"),
          "troops; Marines");
  /* zero width: the match does not include the lookaround */
  CHECK_S(texts("(?<=said) Russia (?=lost)", doc), "Russia");
}

/* ------------------------------------------------------------------ */
/* span atoms */

static void test_spans(void) {
  trawl_store *st = trawl_store_new(NULL);
  /* p q x r s: <a> spans [0,3) id 1, [0,2) id 2, [0,1) id 3 */
  const char *doc = "p q x r s";
  CHECK(st != NULL);
  CHECK_INT(trawl_store_add(st, 10, 0, 3, 1), TRAWL_OK);
  CHECK_INT(trawl_store_add(st, 10, 0, 1, 3), TRAWL_OK);
  CHECK_INT(trawl_store_add(st, 10, 0, 2, 2), TRAWL_OK);
  CHECK_INT(trawl_store_add(st, 11, 3, 5, 7), TRAWL_OK);
  CHECK_INT(trawl_store_add(st, 1, 2, 3, 20), TRAWL_OK);
  CHECK_INT(trawl_store_add(st, 1, 3, 4, 21), TRAWL_OK);
  CHECK_INT(trawl_store_add(st, -1, 3, 4, 21), TRAWL_EARG);
  CHECK_INT(trawl_store_add(st, 1, 4, 3, 21), TRAWL_EARG);
  CHECK_INT(trawl_store_size(st), 6);

  /* longest first */
  CHECK_S(matchx("<a>", doc, st, -1, M_USED), "0-3 used=1/10:0-3");
  CHECK_S(matchx("<a> r", doc, st, -1, M_USED), "0-4 used=1/10:0-3");
  /* the shorter ones on backtracking */
  CHECK_S(matchx("<a> x", doc, st, -1, M_USED), "0-3 used=2/10:0-2");
  CHECK_S(matchx("<a> q", doc, st, -1, M_USED), "0-2 used=3/10:0-1");
  CHECK_S(matchx("<a> p", doc, st, -1, M_USED), "");
  CHECK_S(matchx("<a> . x", doc, st, -1, M_USED), "0-3 used=3/10:0-1");
  CHECK_S(matchx("<a>+? r", doc, st, -1, M_USED), "0-4 used=1/10:0-3");
  CHECK_S(matchx("(?<org><a>) (?<rest>.*) $", doc, st, -1, M_USED),
          "0-5 org=0-3 rest=3-5 used=1/10:0-3");
  CHECK_S(matchx("(?<org><a>) (?<rest>.*?) x", doc, st, -1, M_USED),
          "0-3 org=0-2 rest=2-2 used=2/10:0-2");
  /* trail: in match order, for several atoms, with ids and classes */
  CHECK_S(matchx("<a> <b>", doc, st, -1, M_USED),
          "0-5 used=1/10:0-3,7/11:3-5");
  CHECK_S(matchx("<a> @force", doc, st, -1, M_USED),
          "0-4 used=1/10:0-3,21/1:3-4");
  CHECK_S(matchx("<a> @force <b>", doc, st, -1, M_USED),
          "0-5 used=2/10:0-2,20/1:2-3,7/11:3-5");
  CHECK_S(matchx("<a> @force @force", doc, st, -1, M_USED),
          "0-4 used=2/10:0-2,20/1:2-3,21/1:3-4");
  CHECK_S(matchx("<a> @force [word]", doc, st, -1, M_USED),
          "0-5 used=1/10:0-3,21/1:3-4");
  CHECK_S(matchx("<a> @force s", doc, st, -1, M_USED),
          "0-5 used=1/10:0-3,21/1:3-4");
  CHECK_S(matchx("@force+", doc, st, -1, M_USED),
          "2-4 used=20/1:2-3,21/1:3-4; 3-4 used=21/1:3-4");
  /* backtracked spans leave the trail */
  CHECK_S(matchx("(?:<a> r | <a> x) .", doc, st, 0, M_USED),
          "0-5 used=1/10:0-3");
  CHECK_S(matchx("(?:<a> s | <a> @force)", doc, st, 0, M_USED),
          "0-4 used=1/10:0-3,21/1:3-4");
  CHECK_S(matchx("@units", doc, st, -1, M_USED), "");
  CHECK_S(matchx("<b>", doc, NULL, -1, M_USED), "");   /* no store */
  /* in lookbehinds: spans ending at the position, longest first */
  CHECK_S(matchx("(?<=<a>) r", doc, st, -1, M_USED), "3-4 used=");
  CHECK_S(matchx("(?<=<a>) x", doc, st, -1, M_USED), "2-3 used=");
  CHECK_S(matchx("(?<=<a>) q", doc, st, -1, M_USED), "1-2 used=");
  CHECK_S(matchx("(?<=p <a>) r", doc, st, -1, M_USED), "");
  CHECK_S(matchx("(?<!<a>) [word]", doc, st, -1, M_USED),
          "0-1 used=; 4-5 used=");
  CHECK_S(matchx("(?<=@force) <b>", doc, st, -1, M_USED), "3-5 used=7/11:3-5");
  CHECK_S(matchx("(?=<b>) r", doc, st, -1, M_USED), "3-4 used=");
  CHECK_S(matchx("(?<=^ <a>) .", doc, st, -1, M_USED),
          "1-2 used=; 2-3 used=; 3-4 used=");
  {
    /* spans ending at one token, of different lengths: the lookbehind
    ** tries [0,3) first, then [1,3) which has p before it */
    trawl_store *s2 = trawl_store_new(NULL);
    CHECK_INT(trawl_store_add(s2, 10, 0, 3, 1), TRAWL_OK);
    CHECK_INT(trawl_store_add(s2, 10, 1, 3, 2), TRAWL_OK);
    CHECK_INT(trawl_store_add(s2, 10, 2, 3, 3), TRAWL_OK);
    CHECK_S(matchx("(?<=p <a>) r", doc, s2, -1, M_USED), "3-4 used=");
    CHECK_S(matchx("(?<=q <a>) r", doc, s2, -1, M_USED), "3-4 used=");
    CHECK_S(matchx("(?<=^ <a>) r", doc, s2, -1, M_USED), "3-4 used=");
    CHECK_S(matchx("(?<=s <a>) r", doc, s2, -1, M_USED), "");
    /* spans added after a match are indexed by the next one */
    CHECK_INT(trawl_store_add(s2, 11, 4, 5, 9), TRAWL_OK);
    CHECK_S(matchx("<a> r <b>", doc, s2, 0, M_USED),
            "0-5 used=1/10:0-3,9/11:4-5");
    CHECK_S(matchx("<a> r <b>", doc, s2, 2, M_USED),
            "2-5 used=3/10:2-3,9/11:4-5");
    trawl_store_reset(s2);
    CHECK_INT(trawl_store_size(s2), 0);
    CHECK_S(matchx("<a>", doc, s2, -1, M_USED), "");
    CHECK_INT(trawl_store_add(s2, 10, 1, 2, 5), TRAWL_OK);
    CHECK_S(matchx("<a>", doc, s2, -1, M_USED), "1-2 used=5/10:1-2");
    trawl_store_free(s2);
  }
  /* spans of one length: in the order added */
  {
    trawl_store *s4 = trawl_store_new(NULL);
    CHECK_INT(trawl_store_add(s4, 10, 0, 2, 6), TRAWL_OK);
    CHECK_INT(trawl_store_add(s4, 11, 0, 2, 9), TRAWL_OK);
    CHECK_INT(trawl_store_add(s4, 10, 0, 2, 5), TRAWL_OK);
    CHECK_S(matchx("<a>", doc, s4, -1, M_USED), "0-2 used=6/10:0-2");
    CHECK_S(matchx("(?:<a> (?=p))? <a>", doc, s4, -1, M_USED),
            "0-2 used=6/10:0-2");
    CHECK_S(matchx("<b> x", doc, s4, -1, M_USED), "0-3 used=9/11:0-2");
    trawl_store_free(s4);
  }
  /* empty spans are refused: a loop over one could not end */
  {
    trawl_store *s3 = trawl_store_new(NULL);
    CHECK_INT(trawl_store_add(s3, 10, 1, 1, 4), TRAWL_EARG);
    CHECK_INT(trawl_store_add(s3, 10, 2, 1, 4), TRAWL_EARG);
    CHECK_INT(trawl_store_size(s3), 0);
    CHECK_S(matchx("p <a>* q", doc, s3, -1, M_USED), "0-2 used=");
    CHECK_S(matchx("p <a>+ q", doc, s3, -1, M_USED), "");
    trawl_store_free(s3);
  }

  /* the resolver sees names and tests */
  resolver_calls = 0;
  CHECK_S(matchx("<org kind=\"a > b\" n>=5> x", doc, st, -1, M_USED), "");
  CHECK_INT(resolver_calls, 1);
  CHECK_S(resolver_last, "<org| kind=\"a > b\" n>=5");
  /* the example of docs/rules.md: '>' before '=' is a comparison */
  CHECK_S(cerr("(?<n><size value>=10000>) (troops | soldiers)"), "compiled");
  CHECK_S(resolver_last, "<size| value>=10000");
  CHECK_S(cerr("@force.sub"), "@0 -2: no list 'force.sub'");
  CHECK_S(cerr("<org x=1 bad>"), "@9 -2: unknown field 'bad'");
  CHECK_S(cerr("<org x=\"bad\""), "@0 -2: missing '>'");
  CHECK_S(cerr("@nope x"), "@0 -2: no list 'nope'");
  CHECK_S(cerr("said @nope"), "@5 -2: no list 'nope'");
  CHECK_S(cerr("said @"), "@5 -2: name expected after '@'");
  CHECK_S(cerr("<zz>"), "@0 -2: unknown type 'zz'");
  /* a name the resolver turns into pattern text: a word set here */
  CHECK_S(texts("x @conns y", "x or y , x AND y , x nor y"), "x or y; x AND y");
  CHECK_S(cerr("said @broken"), "@5 -2: missing ')'");
  {
    trawl_error err = {0, 0, ""};
    CHECK(trawl_pattern_new("@force", 6, NULL, &err) == NULL);
    CHECK_INT(err.code, TRAWL_ESYNTAX);
    CHECK_INT(err.offset, 0);
    CHECK(strcmp(err.msg, "'@force' cannot be resolved here") == 0);
  }
  trawl_store_free(st);
}

/* the store's index is built once per batch of additions, the new spans
** merged into the old order: after any batches, every lookup must see the
** order one index of all the spans gives (by position, longest first,
** then in the order added) */
static void store_order(trawl_store *s, int cls, uint32_t tok, int back,
                        char *out, size_t cap) {
  size_t first, count, k, len = 0;
  out[0] = '\0';
  trawl_store_at(s, cls, tok, back, &first, &count);
  for (k = first; k < first + count && len + 16 < cap; k++) {
    const StoredSpan *sp = trawl_store_get(s, back, k);
    len += (size_t)snprintf(out + len, cap - len, "%d:%u-%u ", (int)sp->id,
                            (unsigned)sp->start, (unsigned)sp->end);
  }
}

/* add n spans of classes 10-12, 1-4 tokens long, starting at tokens
** 0-11, from a fixed-seed generator; ids go on from *id */
static void add_spans(trawl_store *s, uint32_t *seed, int *id, int n) {
  int i;
  for (i = 0; i < n; i++) {
    uint32_t start, len;
    int cls;
    *seed = *seed * 1103515245u + 12345u;
    start = (*seed >> 8) % 12;
    len = 1 + (*seed >> 20) % 4;
    cls = 10 + (int)((*seed >> 4) % 3);
    CHECK_INT(trawl_store_add(s, cls, start, start + len, ++*id), TRAWL_OK);
  }
}

static void test_store_batches(void) {
  trawl_store *inc = trawl_store_new(NULL), *all = trawl_store_new(NULL);
  uint32_t seed = 7, i;
  int cls, back, id = 0, batch;
  char a[512], b[512];
  CHECK(inc != NULL && all != NULL);
  for (batch = 0; batch < 4; batch++) {
    add_spans(inc, &seed, &id, 40);
    /* a lookup indexes this batch before the next one is added */
    store_order(inc, 10, 0, 0, a, sizeof a);
  }
  seed = 7;
  id = 0;
  add_spans(all, &seed, &id, 160);
  for (cls = 9; cls <= 13; cls++)
    for (i = 0; i < 18; i++)
      for (back = 0; back <= 1; back++) {
        store_order(inc, cls, i, back, a, sizeof a);
        store_order(all, cls, i, back, b, sizeof b);
        CHECK_S(a, b);
      }
  trawl_store_free(inc);
  trawl_store_free(all);
  /* one exact order across two batches: longest first, then as added */
  inc = trawl_store_new(NULL);
  trawl_store_add(inc, 10, 0, 1, 1);
  trawl_store_add(inc, 10, 0, 3, 2);
  store_order(inc, 10, 0, 0, a, sizeof a);
  CHECK_S(a, "2:0-3 1:0-1 ");
  trawl_store_add(inc, 10, 0, 2, 3);
  trawl_store_add(inc, 10, 0, 3, 4);
  trawl_store_add(inc, 10, 0, 1, 5);
  trawl_store_add(inc, 10, 2, 3, 6);
  store_order(inc, 10, 0, 0, a, sizeof a);
  CHECK_S(a, "2:0-3 4:0-3 3:0-2 1:0-1 5:0-1 ");
  store_order(inc, 10, 3, 1, a, sizeof a);
  CHECK_S(a, "2:0-3 4:0-3 6:2-3 ");
  trawl_store_free(inc);
}

/* ------------------------------------------------------------------ */
/* compile errors */

static void test_errors(void) {
  trawl_error err = {0, 0, ""};
  CHECK_S(cerr("said \"U.S. Army"), "@5 -2: unterminated string");
  CHECK_S(cerr("said 'x"), "@5 -2: unterminated string");
  CHECK_S(cerr("a (b c"), "@2 -2: missing ')'");
  CHECK_S(cerr("a (?<n>b (c)"), "@2 -2: missing ')'");
  CHECK_S(cerr("a b) c"), "@3 -2: unmatched ')'");
  CHECK_S(cerr("a [cap"), "@2 -2: missing ']'");
  CHECK_S(cerr("[cap word !"), "@0 -2: missing ']'");
  CHECK_S(cerr("a [cap foo]"), "@7 -2: unknown token predicate 'foo'");
  CHECK_S(cerr("[!Cap]"), "@2 -2: unknown token predicate 'Cap'");
  CHECK_S(cerr("a (?x b)"), "@2 -2: unknown group type '(?x'");
  CHECK_S(cerr("(?"), "@0 -2: unknown group type '(? '");
  CHECK_S(cerr("(?<>b)"), "@0 -2: bad group name");
  CHECK_S(cerr("(?<a b>c)"), "@0 -2: bad group name");
  CHECK_S(cerr("(?<a"), "@0 -2: bad group name");
  CHECK_S(cerr("(?<n>a) (?<n>b)"), "@8 -2: group 'n' defined twice");
  CHECK_S(cerr("a{3,2}"), "@1 -2: {3,2}: max below min");
  CHECK_S(cerr("a{101}"), "@1 -2: repeat count over 100");
  CHECK_S(cerr("a{1,101}"), "@1 -2: repeat count over 100");
  CHECK_S(cerr("a{0,100}"), "compiled");
  CHECK_S(cerr("a{100,}"), "compiled");
  CHECK_S(cerr("a{,3}"), "@2 -2: number expected");
  CHECK_S(cerr("a{3"), "@1 -2: missing '}'");
  CHECK_S(cerr("a{1000000}"), "@1 -2: repeat count over 100");
  CHECK_S(cerr("a{1000000000}"), "@1 -2: repeat count over 100");
  CHECK_S(cerr("^*"), "@1 -2: nothing to repeat");
  CHECK_S(cerr(""), "@0 -2: empty pattern");
  CHECK_S(cerr("   # only a comment"), "@0 -2: empty pattern");
  CHECK_S(cerr("*"), "@0 -2: unexpected '*'");
  CHECK_S(cerr("a | *"), "@4 -2: unexpected '*'");
  CHECK_S(cerr("\"\""), "@0 -2: empty literal");
  CHECK_S(cerr("\"  \""), "@0 -2: literal has no token");
  CHECK_S(cerr("[\"U.S. Army\"]"), "@1 -2: 'U.S. Army' is more than one token");
  CHECK_S(cerr("[cap \"said it\"]"), "@5 -2: 'said it' is more than one token");
  CHECK_S(cerr("[text=ISW]"), "@6 -2: text= expects a quoted string");
  CHECK_S(cerr("[cap ,]"), "@5 -2: unexpected ',' in [ ]");
  CHECK_S(cerr("@nope"), "@0 -2: no list 'nope'");
  {
    char deep[512];
    int k, d;
    for (d = 200; d <= 201; d++) {
      for (k = 0; k < d; k++) deep[k] = '(';
      deep[d] = 'x';
      for (k = 0; k < d; k++) deep[d + 1 + k] = ')';
      deep[2 * d + 1] = '\0';
      CHECK_S(cerr(deep), d == 200 ? "compiled"
                                   : "@200 -2: groups nested too deeply");
    }
  }
  CHECK(trawl_pattern_new(NULL, 0, NULL, &err) == NULL);
  CHECK_INT(err.offset, 0);
  CHECK(strcmp(err.msg, "empty pattern") == 0);
  CHECK_S(cerr("a{100}{100}{100}"),
          "@0 -2: pattern too large (over 65536 instructions)");
  /* code and offset through the API, and a NULL err */
  CHECK(trawl_pattern_new("(a", 2, NULL, &err) == NULL);
  CHECK_INT(err.code, TRAWL_ESYNTAX);
  CHECK_INT(err.offset, 0);
  CHECK(strcmp(err.msg, "missing ')'") == 0);
  CHECK(trawl_pattern_new("(a", 2, NULL, NULL) == NULL);
  /* only len bytes are read */
  {
    trawl_pattern *p = trawl_pattern_new("said)", 4, NULL, &err);
    CHECK(p != NULL);
    trawl_pattern_free(p);
  }
  /* group names */
  {
    trawl_pattern *p = pat("(?<who>[cap]) (?:x) (?<what>y) (z)");
    CHECK(p != NULL);
    CHECK_INT(trawl_pattern_ngroups(p), 2);
    CHECK(strcmp(trawl_pattern_group_name(p, 1), "who") == 0);
    CHECK(strcmp(trawl_pattern_group_name(p, 2), "what") == 0);
    CHECK(trawl_pattern_group_name(p, 0) == NULL);
    CHECK(trawl_pattern_group_name(p, 3) == NULL);
    trawl_pattern_free(p);
  }
}

/* ------------------------------------------------------------------ */
/* the step limit and progress */

/* run src at token `from`, which must fail, and set where it got to: the
** furthest token and the pattern offset of the atom that failed there */
static void progress_at(const char *src, trawl_vm *vm, const trawl_tokens *t,
                        size_t from, size_t *tok, size_t *off) {
  trawl_pattern *p = pat(src);
  trawl_match m;
  trawl_error err;
  *tok = *off = 99;   /* (so that a value left unset shows) */
  CHECK_INT(trawl_pattern_exec(p, vm, t, NULL, from, &m, &err), 0);
  trawl_vm_progress(vm, tok, off);
  trawl_pattern_free(p);
}

static void test_limit(void) {
  char text[128];
  trawl_error err = {0, 0, ""};
  trawl_tokens *t;
  trawl_vm *vm = trawl_vm_new(NULL, NULL);
  trawl_pattern *p = pat("((a|a)+)+ b");
  trawl_match m;
  size_t tok = 99, src = 99;
  int i, r;
  text[0] = '\0';
  for (i = 0; i < 30; i++) strcat(text, "a ");
  t = trawl_tokenize(text, strlen(text), NULL);
  CHECK_INT(t->n, 30);
  r = trawl_pattern_exec(p, vm, t, NULL, 0, &m, &err);
  CHECK_INT(r, TRAWL_ELIMIT);
  CHECK_INT(err.code, TRAWL_ELIMIT);
  CHECK(strcmp(err.msg, "token pattern step limit exceeded") == 0);
  /* the vm is usable afterwards */
  {
    trawl_pattern *q = pat("a a");
    CHECK_INT(trawl_pattern_exec(q, vm, t, NULL, 28, &m, &err), 1);
    CHECK_INT(m.groups[0].start, 28);
    CHECK_INT(m.groups[0].end, 30);
    CHECK_INT(trawl_pattern_exec(q, vm, t, NULL, 29, &m, &err), 0);
    err.code = TRAWL_OK;
    CHECK_INT(trawl_pattern_exec(q, vm, t, NULL, 31, &m, &err), TRAWL_EARG);
    CHECK_INT(err.code, TRAWL_EARG);      /* err is filled, as for others */
    CHECK_INT(trawl_pattern_exec(q, vm, t, NULL, 30, &m, &err), 0);
    trawl_pattern_free(q);
  }
  /* a short input stays under the limit */
  r = trawl_pattern_exec(p, vm, t, NULL, 25, &m, &err);
  CHECK_INT(r, 0);
  trawl_pattern_free(p);
  p = pat("(?:a+)+ b");
  CHECK_INT(trawl_pattern_exec(p, vm, t, NULL, 0, &m, &err), TRAWL_ELIMIT);
  trawl_pattern_free(p);
  p = pat("(?:a*)* b");
  CHECK_INT(trawl_pattern_exec(p, vm, t, NULL, 0, &m, &err), TRAWL_ELIMIT);
  trawl_pattern_free(p);
  /* inside a lookahead too */
  p = pat("(?=(?:a+)+ b) a");
  CHECK_INT(trawl_pattern_exec(p, vm, t, NULL, 0, &m, &err), TRAWL_ELIMIT);
  trawl_pattern_free(p);
  trawl_tokens_free(t);

  /* progress after a failed match: the furthest token, and the pattern
  ** offset of the atom that failed there */
  {
    const char *s = "more than 50,000 ships";
    t = trawl_tokenize(s, strlen(s), NULL);
    progress_at("more than [number] troops", vm, t, 0, &tok, &src);
    CHECK_INT(tok, 3);
    CHECK_INT(src, 19);
    CHECK(strncmp("more than [number] troops" + src, "troops", 6) == 0);
    /* the furthest over all alternatives */
    progress_at("more (?:than [word] | than [number] troops | about)", vm, t, 0,
                &tok, &src);
    CHECK_INT(tok, 3);
    CHECK_INT(src, 36);
    /* a lookahead that fails is the atom that failed there */
    progress_at("more than [number] (?=troops) ships", vm, t, 0, &tok, &src);
    CHECK_INT(tok, 3);
    CHECK_INT(src, 19);
    /* reset by each exec */
    progress_at("more than [number] troops", vm, t, 2, &tok, &src);
    CHECK_INT(tok, 2);
    CHECK_INT(src, 0);
    /* running off the end */
    progress_at("ships [punct]", vm, t, 3, &tok, &src);
    CHECK_INT(tok, 4);
    CHECK_INT(src, 6);
    trawl_tokens_free(t);
  }
  trawl_vm_free(vm);
}

/* ------------------------------------------------------------------ */
/* the phase driver */

typedef struct Rec {
  char log[8192];
  size_t n;
  int matches, errors, errrule, errcode;
  size_t errtok;
  uint32_t first_s, first_e, last_s, last_e;
  int stop_after;        /* stop the run after this many matches (0 never) */
  int quiet;             /* do not log */
} Rec;

static int on_match(void *ud, int rule, const trawl_match *m) {
  Rec *r = (Rec *)ud;
  if (r->matches == 0) {
    r->first_s = m->groups[0].start;
    r->first_e = m->groups[0].end;
  }
  r->last_s = m->groups[0].start;
  r->last_e = m->groups[0].end;
  r->matches++;
  if (!r->quiet && r->n < sizeof r->log - 64) {
    int k = snprintf(r->log + r->n, sizeof r->log - r->n, "%s%d:%u-%u",
                     r->n ? " " : "", rule, (unsigned)m->groups[0].start,
                     (unsigned)m->groups[0].end);
    if (k > 0) r->n += (size_t)k;
  }
  if (r->stop_after && r->matches >= r->stop_after) return 42;
  return 0;
}

static void on_error(void *ud, int rule, size_t tok, const trawl_error *err) {
  Rec *r = (Rec *)ud;
  if (r->errors == 0) {
    r->errrule = rule;
    r->errtok = tok;
    r->errcode = err->code;
  }
  r->errors++;
}

static void rec_init(Rec *r) {
  memset(r, 0, sizeof *r);
}

/* run the phase over text; returns the log */
static const char *runphase(trawl_phase *ph, const char *text,
                            trawl_store *st, unsigned flags, Rec *r) {
  trawl_tokens *t = trawl_tokenize(text, strlen(text), NULL);
  trawl_vm *vm = trawl_vm_new(NULL, NULL);
  trawl_phase_cbs cbs;
  int rc;
  cbs.match = on_match;
  cbs.error = on_error;
  cbs.ud = r;
  rc = trawl_phase_run(ph, vm, t, st, flags, &cbs);
  if (rc != TRAWL_OK && rc != 42) fprintf(stderr, "phase run: %d\n", rc);
  r->errcode = r->errors ? r->errcode : rc;
  trawl_vm_free(vm);
  trawl_tokens_free(t);
  return r->log;
}

/* what the index takes from a pattern's start: a flag the first token
** must have, or a lookahead that guards the start ("(?= said | told)") */
static void test_phase_starts(void) {
  const char *doc = "Mason Clark said 5,000 troops left . ISW said Gen. Smith "
                    "told 300 troops to stay ; AFP reported it .";
  /* (token numbers as in test_phase) */
  const char *src[4] = {
    "[digit] [word]",                   /* tokens with a digit */
    "(?= said | told ) [word] [cap]",   /* said, said, told */
    "(?= [digit] | AFP ) . [word]",     /* 5,000, 300, AFP */
    "(?= . said ) [cap]",               /* the guard starts anywhere: by [cap] */
  };
  const int tries[4] = {2, 3, 3, 16};
  trawl_pattern *ps[4];
  trawl_phase *ph = trawl_phase_new(NULL);
  Rec r;
  int i;
  for (i = 0; i < 4; i++) {
    ps[i] = pat(src[i]);
    CHECK(ps[i] != NULL);
    CHECK_INT(trawl_phase_add(ph, ps[i], 40 + i, NULL), TRAWL_OK);
  }
  rec_init(&r);
  CHECK_S(runphase(ph, doc, NULL, 0, &r),
          "43:1-2 40:3-5 42:3-5 43:7-8 41:8-10 40:12-14 42:12-14 42:17-19");
  for (i = 0; i < 4; i++) CHECK_INT(trawl_phase_stats(ph, (size_t)i)->tries, tries[i]);
  trawl_phase_free(ph);
  for (i = 0; i < 4; i++) trawl_pattern_free(ps[i]);
}

static void test_phase(void) {
  const char *doc = "Mason Clark said 5,000 troops left . ISW said Gen. Smith "
                    "told 300 troops to stay ; AFP reported it .";
  /* 0 Mason 1 Clark 2 said 3 5,000 4 troops 5 left 6 . 7 ISW 8 said 9 Gen.
  ** 10 Smith 11 told 12 300 13 troops 14 to 15 stay 16 ; 17 AFP
  ** 18 reported 19 it 20 . */
  trawl_pattern *ps[8];
  trawl_phase *ph = trawl_phase_new(NULL);
  trawl_store *st = trawl_store_new(NULL);
  trawl_error err = {0, 0, ""};
  Rec r;
  int i;
  ps[0] = pat("said|told");                         /* words */
  ps[1] = pat("[number] troops");                   /* kind */
  ps[2] = pat("<a> said");                          /* class */
  ps[3] = pat("[cap] [cap]");                       /* kind: words */
  ps[4] = pat("(?:said|told) [cap]? [cap]");        /* words */
  ps[5] = pat("\"AFP\" reported");                  /* word */
  ps[6] = pat("(?<=said) [allcaps]? . (?:said)?");  /* any, lookbehind */
  ps[7] = pat("@force? (?:said|reported) it");      /* class and words */
  for (i = 0; i < 8; i++) CHECK(ps[i] != NULL);
  CHECK_INT(trawl_store_add(st, 10, 7, 8, 1), TRAWL_OK);  /* ISW */
  CHECK_INT(trawl_store_add(st, 10, 0, 2, 2), TRAWL_OK);  /* Mason Clark */
  CHECK_INT(trawl_store_add(st, 1, 17, 18, 3), TRAWL_OK); /* AFP */
  /* added in the order 30 31 ... 37, i.e. rule = 30 + k */
  for (i = 0; i < 8; i++) CHECK_INT(trawl_phase_add(ph, ps[i], 30 + i, &err), 0);
  CHECK_INT(trawl_phase_add(ph, NULL, 99, &err), TRAWL_EARG);
  CHECK_INT(trawl_phase_count(ph), 8);
  rec_init(&r);
  CHECK_S(runphase(ph, doc, st, 0, &r),
          "32:0-3 33:0-2 30:2-3 31:3-5 36:3-4 32:7-9 30:8-9 34:8-11 "
          "33:9-11 36:9-10 30:11-12 31:12-14 35:17-19 37:17-20");
  CHECK_INT(r.errors, 0);
  {
    const trawl_rule_stats *s;
    s = trawl_phase_stats(ph, 0);
    CHECK_INT(s->rule, 30);
    CHECK_INT(s->tries, 3);       /* said, said, told */
    CHECK_INT(s->matches, 3);
    s = trawl_phase_stats(ph, 1);
    CHECK_INT(s->tries, 2);       /* the two numbers */
    CHECK_INT(s->matches, 2);
    s = trawl_phase_stats(ph, 2);
    CHECK_INT(s->tries, 2);       /* the two <a> starts */
    CHECK_INT(s->matches, 2);
    s = trawl_phase_stats(ph, 3);
    /* [cap] implies a word: the 16 words, less 1 and 10, inside its
    ** matches 0-2 and 9-11 */
    CHECK_INT(s->tries, 14);
    CHECK_INT(s->matches, 2);
    s = trawl_phase_stats(ph, 4);
    CHECK_INT(s->tries, 3);
    CHECK_INT(s->matches, 1);     /* said 5,000 and told 300 fail */
    s = trawl_phase_stats(ph, 5);
    CHECK_INT(s->tries, 1);
    CHECK_INT(s->matches, 1);
    s = trawl_phase_stats(ph, 7);
    CHECK_INT(s->tries, 3);       /* said, said, AFP's span; not reported
                                     (inside the match 17-20) */
    CHECK_INT(s->matches, 1);
    CHECK(s->steps > 0);
    CHECK(trawl_phase_stats(ph, 8) == NULL);
  }
  /* counters add up over runs */
  rec_init(&r);
  runphase(ph, doc, st, 0, &r);
  CHECK_INT(trawl_phase_stats(ph, 0)->tries, 6);
  CHECK_INT(trawl_phase_stats(ph, 0)->matches, 6);
  /* a nonzero return from the match callback stops the run */
  rec_init(&r);
  r.stop_after = 3;
  {
    trawl_tokens *t = trawl_tokenize(doc, strlen(doc), NULL);
    trawl_vm *vm = trawl_vm_new(NULL, NULL);
    trawl_phase_cbs cbs = {on_match, on_error, NULL};
    cbs.ud = &r;
    CHECK_INT(trawl_phase_run(ph, vm, t, st, 0, &cbs), 42);
    CHECK_INT(r.matches, 3);
    /* without callbacks at all */
    cbs.match = NULL;
    cbs.error = NULL;
    CHECK_INT(trawl_phase_run(ph, vm, t, st, 0, &cbs), TRAWL_OK);
    /* without a store: the class patterns never fire */
    cbs.match = on_match;
    rec_init(&r);
    CHECK_INT(trawl_phase_run(ph, vm, t, NULL, 0, &cbs), TRAWL_OK);
    CHECK_S(r.log, "33:0-2 30:2-3 31:3-5 36:3-4 30:8-9 34:8-11 33:9-11 "
                   "36:9-10 30:11-12 31:12-14 35:17-19 37:18-20");
    trawl_vm_free(vm);
    trawl_tokens_free(t);
  }
  trawl_phase_free(ph);
  for (i = 0; i < 8; i++) trawl_pattern_free(ps[i]);

  /* callback order at one position follows the order patterns were added,
  ** whatever index found them */
  {
    const char *s = "Smith said it";
    trawl_pattern *a = pat("said it"), *b = pat("[word] it"),
                  *c = pat(". ."), *d = pat("(?:said|told)"), *e = pat("<b> it");
    trawl_store *s2 = trawl_store_new(NULL);
    trawl_store_add(s2, 11, 1, 2, 0);
    ph = trawl_phase_new(NULL);
    trawl_phase_add(ph, e, 5, NULL);
    trawl_phase_add(ph, c, 3, NULL);
    trawl_phase_add(ph, a, 1, NULL);
    trawl_phase_add(ph, d, 4, NULL);
    trawl_phase_add(ph, b, 2, NULL);
    rec_init(&r);
    CHECK_S(runphase(ph, s, s2, TRAWL_PH_ALLSTARTS, &r),
            "3:0-2 5:1-3 3:1-3 1:1-3 4:1-2 2:1-3");
    /* a pattern added after a run joins the index */
    {
      trawl_pattern *f = pat("Smith");
      trawl_phase_add(ph, f, 6, NULL);
      rec_init(&r);
      CHECK_S(runphase(ph, s, s2, TRAWL_PH_ALLSTARTS, &r),
              "3:0-2 6:0-1 5:1-3 3:1-3 1:1-3 4:1-2 2:1-3");
      trawl_phase_free(ph);
      trawl_pattern_free(f);
    }
    trawl_pattern_free(a);
    trawl_pattern_free(b);
    trawl_pattern_free(c);
    trawl_pattern_free(d);
    trawl_pattern_free(e);
    trawl_store_free(s2);
  }

  /* a required word close enough ahead, or no try at all */
  {
    trawl_pattern *a = pat("[cap]{1,3} said"), *b = pat("[cap]* said");
    ph = trawl_phase_new(NULL);
    trawl_phase_add(ph, a, 1, NULL);
    trawl_phase_add(ph, b, 2, NULL);
    rec_init(&r);
    CHECK_S(runphase(ph, "Mason Clark said it . A B C D E F G H I", NULL,
                     TRAWL_PH_ALLSTARTS, &r),
            "1:0-3 2:0-3");
    /* "said" is token 2: only starts 0, 1, 2 are within 3 tokens of it */
    CHECK_INT(trawl_phase_stats(ph, 0)->tries, 3);
    /* with no bound on the distance every word is tried */
    CHECK_INT(trawl_phase_stats(ph, 1)->tries, 13);
    trawl_phase_free(ph);
    trawl_pattern_free(a);
    trawl_pattern_free(b);
  }

  /* ALLSTARTS vs leftmost non-overlapping matches per pattern */
  {
    trawl_pattern *a = pat("[cap]+ said"), *b = pat("[cap]");
    ph = trawl_phase_new(NULL);
    trawl_phase_add(ph, a, 1, NULL);
    trawl_phase_add(ph, b, 2, NULL);
    rec_init(&r);
    CHECK_S(runphase(ph, "Mason Clark said", NULL, 0, &r),
            "1:0-3 2:0-1 2:1-2");
    rec_init(&r);
    /* every start is tried, but "Clark said" (1-3) ends where "Mason
    ** Clark said" ends: it lies inside it and is dropped */
    CHECK_S(runphase(ph, "Mason Clark said", NULL, TRAWL_PH_ALLSTARTS, &r),
            "1:0-3 2:0-1 2:1-2");
    CHECK_INT(trawl_phase_stats(ph, 0)->tries, 4);   /* 1, then 3 */
    CHECK_INT(trawl_phase_stats(ph, 0)->matches, 2);
    rec_init(&r);
    /* a later match with another end is kept: "Clark" alone is not */
    CHECK_S(runphase(ph, "Mason said Clark said", NULL, TRAWL_PH_ALLSTARTS, &r),
            "1:0-2 2:0-1 1:2-4 2:2-3");
    trawl_phase_free(ph);
    trawl_pattern_free(a);
    trawl_pattern_free(b);
  }

  /* empty matches are dropped; the run goes on past them */
  {
    trawl_pattern *a = pat("x?"), *b = pat("(?:y)*"), *c = pat("(?=x)"),
                  *d = pat("^");
    ph = trawl_phase_new(NULL);
    trawl_phase_add(ph, a, 1, NULL);
    trawl_phase_add(ph, b, 2, NULL);
    trawl_phase_add(ph, c, 3, NULL);
    trawl_phase_add(ph, d, 4, NULL);
    rec_init(&r);
    CHECK_S(runphase(ph, "x y y x", NULL, 0, &r), "1:0-1 2:1-3 1:3-4");
    CHECK_INT(trawl_phase_stats(ph, 0)->tries, 4);
    CHECK_INT(trawl_phase_stats(ph, 0)->matches, 2);
    CHECK_INT(trawl_phase_stats(ph, 2)->tries, 4);
    CHECK_INT(trawl_phase_stats(ph, 2)->matches, 0);
    CHECK_INT(trawl_phase_stats(ph, 3)->matches, 0);
    rec_init(&r);
    CHECK_S(runphase(ph, "", NULL, 0, &r), "");
    trawl_phase_free(ph);
    trawl_pattern_free(a);
    trawl_pattern_free(b);
    trawl_pattern_free(c);
    trawl_pattern_free(d);
  }

  /* a step-limit failure calls the error callback; the run goes on */
  {
    char text[256];
    trawl_pattern *bad = pat("((a|a)+)+ b"), *good = pat("a"),
                  *tail = pat("c");
    trawl_tokens *t;
    trawl_vm *vm = trawl_vm_new(NULL, NULL);
    trawl_match m;
    int limited = 0;
    size_t k, firstlim = 0;
    text[0] = '\0';
    for (i = 0; i < 30; i++) strcat(text, "a ");
    strcat(text, "c");
    t = trawl_tokenize(text, strlen(text), NULL);
    for (k = 0; k < t->n; k++)
      if (trawl_pattern_exec(bad, vm, t, NULL, k, &m, &err) == TRAWL_ELIMIT) {
        if (limited++ == 0) firstlim = k;
      }
    printf("# step limit hit at %d of 30 starts\n", limited);
    CHECK(limited > 0);
    CHECK_INT(firstlim, 0);
    ph = trawl_phase_new(NULL);
    trawl_phase_add(ph, bad, 7, NULL);
    trawl_phase_add(ph, good, 8, NULL);
    trawl_phase_add(ph, tail, 9, NULL);
    rec_init(&r);
    r.quiet = 1;
    runphase(ph, text, NULL, 0, &r);
    CHECK_INT(r.errors, limited);
    CHECK_INT(r.errrule, 7);
    CHECK_INT(r.errtok, 0);
    CHECK_INT(r.errcode, TRAWL_ELIMIT);
    CHECK_INT(r.matches, 31);            /* 30 a, 1 c */
    CHECK_INT(r.last_s, 30);
    CHECK_INT(trawl_phase_stats(ph, 0)->tries, 30);
    CHECK_INT(trawl_phase_stats(ph, 0)->matches, 0);
    CHECK(trawl_phase_stats(ph, 0)->steps >= (uint64_t)limited * TRAWL_VM_STEPS);
    CHECK_INT(trawl_phase_stats(ph, 1)->matches, 30);
    CHECK_INT(trawl_phase_stats(ph, 2)->matches, 1);
    /* timing with TRAWL_PH_PROFILE */
    CHECK_INT(trawl_phase_stats(ph, 1)->nanos, 0);
    rec_init(&r);
    r.quiet = 1;
    runphase(ph, text, NULL, TRAWL_PH_PROFILE, &r);
    CHECK(trawl_phase_stats(ph, 1)->nanos > 0);
    CHECK(trawl_phase_stats(ph, 0)->nanos > trawl_phase_stats(ph, 1)->nanos);
    CHECK_INT(trawl_phase_stats(ph, 1)->matches, 60);
    trawl_phase_free(ph);
    trawl_tokens_free(t);
    trawl_vm_free(vm);
    trawl_pattern_free(bad);
    trawl_pattern_free(good);
    trawl_pattern_free(tail);
  }
  /* optional first atoms: each possible first atom indexes the pattern */
  {
    trawl_pattern *a = pat("(?:the|a)? (?:<a> | [number]) troops");
    trawl_store *s5 = trawl_store_new(NULL);
    trawl_store_add(s5, 10, 7, 8, 0);    /* "many" */
    trawl_store_add(s5, 10, 11, 12, 1);
    ph = trawl_phase_new(NULL);
    trawl_phase_add(ph, a, 1, NULL);
    rec_init(&r);
    CHECK_S(runphase(ph, "the 5 troops and 6 troops , many troops , a many "
                     "troops", s5, 0, &r), "1:0-3 1:4-6 1:7-9 1:10-13");
    /* tried at the, 6, many, a; not at 5 or the second many (inside
    ** matches), nor anywhere else */
    CHECK_INT(trawl_phase_stats(ph, 0)->tries, 4);
    trawl_phase_free(ph);
    trawl_pattern_free(a);
    trawl_store_free(s5);
  }
  /* an error from a token regex is reported the same way */
  {
    trawl_pattern *bad = pat("x /(?:a|a)+(?!)/"), *good = pat("x");
    ph = trawl_phase_new(NULL);
    trawl_phase_add(ph, bad, 1, NULL);
    trawl_phase_add(ph, good, 2, NULL);
    rec_init(&r);
    CHECK_S(runphase(ph, "x aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa x "
                         "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                     NULL, 0, &r), "2:0-1 2:2-3");
    CHECK_INT(r.errors, 2);
    CHECK_INT(r.errrule, 1);
    CHECK_INT(r.errtok, 0);
    CHECK_INT(r.errcode, TRAWL_ELIMIT);
    trawl_phase_free(ph);
    trawl_pattern_free(bad);
    trawl_pattern_free(good);
  }
  trawl_store_free(st);
}

/* ------------------------------------------------------------------ */
/* a long document */

/* cached lookaround results must not outlive a change of the store */
static int count_match(void *ud, int rule, const trawl_match *m) {
  (void)rule;
  (void)m;
  (*(int *)ud)++;
  return 0;
}

static void test_memo(void) {
  const char *text = "x y x y";
  trawl_tokens *t = trawl_tokenize(text, strlen(text), NULL);
  trawl_vm *vm = trawl_vm_new(NULL, NULL);
  trawl_store *st = trawl_store_new(NULL);
  trawl_pattern *p = pat("x (?! <a> )");
  trawl_phase *ph = trawl_phase_new(NULL);
  trawl_phase_cbs cbs;
  int n = 0;
  cbs.match = count_match;
  cbs.error = NULL;
  cbs.ud = &n;
  trawl_phase_add(ph, p, 1, NULL);
  CHECK_INT(trawl_phase_run(ph, vm, t, st, 0, &cbs), TRAWL_OK);
  CHECK_INT(n, 2);                                    /* no <a> yet */
  CHECK_INT(trawl_store_add(st, 10, 1, 2, 1), TRAWL_OK);  /* <a> on 1st y */
  n = 0;
  CHECK_INT(trawl_phase_run(ph, vm, t, st, 0, &cbs), TRAWL_OK);
  CHECK_INT(n, 1);                                    /* the 2nd x only */
  n = 0;   /* the same through single execs on the same vm */
  {
    trawl_match m;
    CHECK_INT(trawl_pattern_exec(p, vm, t, st, 0, &m, NULL), 0);
    trawl_store_reset(st);
    CHECK_INT(trawl_pattern_exec(p, vm, t, st, 0, &m, NULL), 1);
  }
  trawl_phase_free(ph);
  trawl_pattern_free(p);
  trawl_store_free(st);
  trawl_vm_free(vm);
  trawl_tokens_free(t);
}

static void test_long(void) {
  /* 2,000 blocks of 100 tokens: "more than 5 troops" then 95 words, "." */
  static const char *const words[] = {"alpha", "Bravo", "charlie", "delta",
                                      "Echo"};
  size_t cap = 2000 * 700, n = 0;
  char *text = (char *)malloc(cap);
  int b, w;
  trawl_tokens *t;
  trawl_vm *vm = trawl_vm_new(NULL, NULL);
  trawl_phase *ph = trawl_phase_new(NULL);
  trawl_pattern *p = pat("more than (?<n>[number]) troops");
  trawl_pattern *q = pat("said [cap]");
  trawl_pattern *r2 = pat("(?:troops|soldiers) [!cap] (?=Bravo)");
  trawl_pattern *r4 = pat("[number] troops");
  trawl_phase_cbs cbs;
  Rec r;
  double t0, t1;
  int rc;
  for (b = 0; b < 2000; b++) {
    n += (size_t)snprintf(text + n, cap - n, "More than %d troops", b + 1);
    for (w = 0; w < 95; w++)
      n += (size_t)snprintf(text + n, cap - n, " %s", words[w % 5]);
    n += (size_t)snprintf(text + n, cap - n, ".\n");
  }
  t = trawl_tokenize(text, n, NULL);
  CHECK_INT(t->n, 200000);
  CHECK_INT(t->nsent, 2000);
  trawl_phase_add(ph, p, 1, NULL);
  trawl_phase_add(ph, q, 2, NULL);
  trawl_phase_add(ph, r2, 3, NULL);
  trawl_phase_add(ph, r4, 4, NULL);
  rec_init(&r);
  r.quiet = 1;
  cbs.match = on_match;
  cbs.error = on_error;
  cbs.ud = &r;
  t0 = now();
  rc = trawl_phase_run(ph, vm, t, NULL, 0, &cbs);
  t1 = now();
  CHECK_INT(rc, TRAWL_OK);
  /* rule 1 matches at 0, 100, ...; rule 4 at 2, 102, ...; rule 3 at 3,
  ** 103, ...; each is tried only where its first word or kind is */
  CHECK_INT(r.matches, 6000);
  CHECK_INT(r.errors, 0);
  CHECK_INT(trawl_phase_stats(ph, 0)->tries, 2000);
  CHECK_INT(trawl_phase_stats(ph, 0)->matches, 2000);
  CHECK_INT(trawl_phase_stats(ph, 1)->tries, 0);
  CHECK_INT(trawl_phase_stats(ph, 2)->tries, 2000);
  CHECK_INT(trawl_phase_stats(ph, 2)->matches, 2000);
  CHECK_INT(trawl_phase_stats(ph, 3)->tries, 2000);
  CHECK_INT(trawl_phase_stats(ph, 3)->matches, 2000);
  CHECK_INT(r.first_s, 0);
  CHECK_INT(r.first_e, 4);
  CHECK_INT(r.last_s, 199903);
  CHECK_INT(r.last_e, 199905);
  printf("# phase over %zu tokens: %d matches in %.1f ms\n", t->n, r.matches,
         (t1 - t0) * 1e3);
  /* one pattern alone, every start */
  {
    trawl_phase *ph2 = trawl_phase_new(NULL);
    trawl_phase_add(ph2, p, 1, NULL);
    rec_init(&r);
    r.quiet = 1;
    t0 = now();
    rc = trawl_phase_run(ph2, vm, t, NULL, TRAWL_PH_ALLSTARTS, &cbs);
    t1 = now();
    CHECK_INT(rc, TRAWL_OK);
    CHECK_INT(r.matches, 2000);
    CHECK_INT(r.first_s, 0);
    CHECK_INT(r.first_e, 4);
    CHECK_INT(r.last_s, 199900);
    CHECK_INT(r.last_e, 199904);
    CHECK_INT(trawl_phase_stats(ph2, 0)->tries, 2000);
    printf("# one pattern, all starts, %zu tokens: %.1f ms\n", t->n,
           (t1 - t0) * 1e3);
    trawl_phase_free(ph2);
  }
  /* a pattern that can start anywhere, through exec at every start */
  {
    trawl_pattern *any = pat("[lower] [number]");
    trawl_match m;
    size_t k;
    int count = 0;
    uint32_t last = 0;
    t0 = now();
    for (k = 0; k < t->n; k++)
      if (trawl_pattern_exec(any, vm, t, NULL, k, &m, NULL) == 1) {
        count++;
        last = m.groups[0].start;
      }
    t1 = now();
    CHECK_INT(count, 2000);
    CHECK_INT(last, 199901);
    printf("# exec at each of %zu starts: %.1f ms\n", t->n, (t1 - t0) * 1e3);
    trawl_pattern_free(any);
  }
  trawl_phase_free(ph);
  trawl_pattern_free(p);
  trawl_pattern_free(q);
  trawl_pattern_free(r2);
  trawl_pattern_free(r4);
  trawl_tokens_free(t);
  trawl_vm_free(vm);
  free(text);
}

/* ------------------------------------------------------------------ */

static void test_dump(void) {
  trawl_pattern *p = pat("(?<n>[number]) (?:troops|soldiers) (?<=said .*) x*");
  char *d = trawl_pattern_dump(p);
  CHECK(d != NULL && d[0] != '\0');
  CHECK(d != NULL && strstr(d, "match") != NULL);
  CHECK(d != NULL && strstr(d, "program 1 (backward)") != NULL);
  CHECK(d != NULL && strstr(d, "set#0(2)") != NULL);
  free(d);
  trawl_pattern_free(p);
  CHECK(trawl_pattern_dump(NULL) == NULL);
}

int main(void) {
  test_literals();
  test_predicates();
  test_quantifiers();
  test_anchors();
  test_lookarounds();
  test_spans();
  test_store_batches();
  test_errors();
  test_limit();
  test_phase();
  test_phase_starts();
  test_memo();
  test_long();
  test_dump();
  return test_report();
}
