/* test_regex.c - tests of the PCRE2 layer: compiling, matching, limits. */

#define PCRE2_CODE_UNIT_WIDTH 8

#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include <pcre2.h>

#include "test.h"
#include "trawl.h"

#define MAXSPANS 16

static trawl_regex *rx(const char *pat, unsigned flags) {
  trawl_error err = {0, 0, ""};
  trawl_regex *re = trawl_regex_new(pat, strlen(pat), flags, &err);
  if (re == NULL)
    fprintf(stderr, "cannot compile /%s/: %s\n", pat, err.msg);
  return re;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* every match of re in subj, advancing past each one as a caller would
** (by one byte after an empty match); returns the count, or an error */
static int all(const trawl_regex *re, trawl_scratch *s, const char *subj,
               size_t len, trawl_span *out) {
  size_t from = 0;
  int n = 0;
  while (from <= len && n < MAXSPANS) {
    trawl_span cap;
    int rc = trawl_regex_exec(re, s, subj, len, from, &cap, 1, NULL);
    if (rc < 0) return rc;
    if (rc == 0) break;
    out[n++] = cap;
    from = cap.end > cap.start ? cap.end : cap.end + 1;
  }
  return n;
}

/* one match; caps[0] as a "start,end" check helper */
static int exec1(const char *pat, unsigned flags, const char *subj,
                 size_t len, trawl_span *cap) {
  trawl_regex *re = rx(pat, flags);
  trawl_scratch *s = trawl_scratch_new(NULL, NULL);
  int rc = trawl_regex_exec(re, s, subj, len, 0, cap, 1, NULL);
  trawl_scratch_free(s);
  trawl_regex_free(re);
  return rc;
}

#define CHECK_SPAN(sp, s0, e0) \
  do { CHECK_INT((sp).start, (s0)); CHECK_INT((sp).end, (e0)); } while (0)

#define CHECK_UNSET(sp) \
  do { CHECK((sp).start == TRAWL_UNSET); CHECK((sp).end == TRAWL_UNSET); \
  } while (0)


static void test_compile_errors(void) {
  trawl_error err = {0, 0, ""};
  CHECK(trawl_regex_new("ab(c", 4, 0, &err) == NULL);
  CHECK_INT(err.code, TRAWL_ESYNTAX);
  CHECK_INT(err.offset, 4);
  CHECK(strcmp(err.msg, "at offset 4: missing closing parenthesis") == 0);

  CHECK(trawl_regex_new("a)", 2, 0, &err) == NULL);
  CHECK_INT(err.code, TRAWL_ESYNTAX);
  CHECK_INT(err.offset, 1);
  CHECK(strcmp(err.msg, "at offset 1: unmatched closing parenthesis") == 0);

  /* the error is reported even without an error struct */
  CHECK(trawl_regex_new("[", 1, 0, NULL) == NULL);

  /* unknown flag bits are refused, not ignored */
  CHECK(trawl_regex_new("a", 1, 0x100u, &err) == NULL);
  CHECK_INT(err.code, TRAWL_EARG);

  /* \C could end a match inside a character: locked out */
  CHECK(trawl_regex_new("a\\C", 3, 0, &err) == NULL);
  CHECK_INT(err.code, TRAWL_ESYNTAX);
  CHECK_INT(err.offset, 3);
}

static void test_invalid_pattern_utf8(void) {
  trawl_error err = {0, 0, ""};
  CHECK(trawl_regex_new("ab\xff", 3, 0, &err) == NULL);
  CHECK_INT(err.code, TRAWL_ESYNTAX);
  CHECK_INT(err.offset, 2);
  CHECK(strstr(err.msg, "UTF-8") != NULL);

  CHECK(trawl_regex_new("caf\xc3", 4, 0, &err) == NULL);   /* truncated */
  CHECK_INT(err.code, TRAWL_ESYNTAX);
  CHECK_INT(err.offset, 3);
}

static void test_jit(void) {
  uint32_t havejit = 0;
  trawl_regex *re = rx("a+b", 0), *nojit = rx("(*NO_JIT)a+b", 0);
  pcre2_config(PCRE2_CONFIG_JIT, &havejit);
  CHECK_INT(trawl_regex_jitted(re), havejit != 0);
  CHECK_INT(trawl_regex_jitted(nojit), 0);
  CHECK_INT(trawl_regex_jitted(NULL), 0);
  trawl_regex_free(re);
  trawl_regex_free(nojit);
  trawl_regex_free(NULL);
  trawl_scratch_free(NULL);
}

static void test_named_groups(void) {
  const char *subj = "on 2024-05 today";
  trawl_regex *re = rx("(?<year>\\d{4})-(\\d\\d)(?:-(?<day>\\d\\d))?", 0);
  trawl_scratch *s = trawl_scratch_new(NULL, NULL);
  trawl_span caps[5];
  CHECK_INT(trawl_regex_ngroups(re), 3);
  CHECK(strcmp(trawl_regex_group_name(re, 1), "year") == 0);
  CHECK(trawl_regex_group_name(re, 2) == NULL);
  CHECK(strcmp(trawl_regex_group_name(re, 3), "day") == 0);
  CHECK(trawl_regex_group_name(re, 0) == NULL);
  CHECK(trawl_regex_group_name(re, 4) == NULL);
  CHECK(trawl_regex_group_name(re, -1) == NULL);

  CHECK_INT(trawl_regex_exec(re, s, subj, strlen(subj), 0, caps, 5, NULL), 1);
  CHECK_SPAN(caps[0], 3, 10);
  CHECK_SPAN(caps[1], 3, 7);
  CHECK_SPAN(caps[2], 8, 10);
  CHECK_UNSET(caps[3]);   /* the optional group did not take part */
  CHECK_UNSET(caps[4]);   /* past the pattern's groups */

  /* fewer slots than groups is fine */
  CHECK_INT(trawl_regex_exec(re, s, subj, strlen(subj), 0, caps, 1, NULL), 1);
  CHECK_SPAN(caps[0], 3, 10);
  /* and no slots at all: just "is there a match" */
  CHECK_INT(trawl_regex_exec(re, s, subj, strlen(subj), 0, NULL, 0, NULL), 1);

  CHECK_INT(trawl_regex_exec(re, s, "2024-05-31", 10, 0, caps, 5, NULL), 1);
  CHECK_SPAN(caps[3], 8, 10);

  trawl_regex_free(re);
  /* a pattern without names */
  re = rx("(a)(b)", 0);
  CHECK_INT(trawl_regex_ngroups(re), 2);
  CHECK(trawl_regex_group_name(re, 1) == NULL);
  trawl_regex_free(re);
  trawl_scratch_free(s);
}

static void test_flags(void) {
  trawl_span c;
  CHECK_INT(exec1("moscow", 0, "MoScOw", 6, &c), 0);
  CHECK_INT(exec1("moscow", TRAWL_RX_CASELESS, "MoScOw", 6, &c), 1);
  CHECK_SPAN(c, 0, 6);
  CHECK_INT(exec1("one.two", 0, "one\ntwo", 7, &c), 0);
  CHECK_INT(exec1("one.two", TRAWL_RX_DOTALL, "one\ntwo", 7, &c), 1);
  CHECK_INT(exec1("one two # comment", TRAWL_RX_EXTENDED, "onetwo", 6, &c), 1);
  CHECK_SPAN(c, 0, 6);
}

static void test_ucp(void) {
  trawl_span c;
  const char *msk = "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0";
  const char *sentence =
      "\xd0\xb2 \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0.";
  const char *upper = "\xd0\x9c\xd0\x9e\xd0\xa1\xd0\x9a\xd0\x92\xd0\x90";
  const char *lower = "\xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0";
  char pat[64];

  CHECK_INT(exec1("\\w+", 0, "\xc3\xa9t\xc3\xa9", 5, &c), 1);   /* "été" */
  CHECK_SPAN(c, 0, 5);
  CHECK_INT(exec1("\\d+", 0, "x\xd9\xa3\xd9\xa4", 5, &c), 1);   /* Arabic 34 */
  CHECK_SPAN(c, 1, 5);

  /* "в Москва.": \b on both sides of the Cyrillic word */
  snprintf(pat, sizeof pat, "\\b%s\\b", msk);
  CHECK_INT(exec1(pat, 0, sentence, strlen(sentence), &c), 1);
  CHECK_SPAN(c, 3, 15);
  /* no boundary between two Cyrillic letters */
  CHECK_INT(exec1("\\b\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0", 0,
                  sentence, strlen(sentence), &c), 0);

  CHECK_INT(exec1(lower, 0, upper, strlen(upper), &c), 0);
  CHECK_INT(exec1(lower, TRAWL_RX_CASELESS, upper, strlen(upper), &c), 1);
  CHECK_SPAN(c, 0, 12);
}

static void test_iterate(void) {
  const char *subj = "a 1 bb 22 ccc 333";
  trawl_regex *re = rx("\\d+", 0), *star = rx("x*", 0);
  trawl_scratch *s = trawl_scratch_new(NULL, NULL);
  trawl_span sp[MAXSPANS];
  trawl_error err = {0, 0, ""};

  CHECK_INT(all(re, s, subj, strlen(subj), sp), 3);
  CHECK_SPAN(sp[0], 2, 3);
  CHECK_SPAN(sp[1], 7, 9);
  CHECK_SPAN(sp[2], 14, 17);

  /* empty matches come back as such; the caller steps over them */
  CHECK_INT(all(star, s, "ab", 2, sp), 3);
  CHECK_SPAN(sp[0], 0, 0);
  CHECK_SPAN(sp[1], 1, 1);
  CHECK_SPAN(sp[2], 2, 2);

  /* from == len is allowed, from > len is not */
  CHECK_INT(trawl_regex_exec(re, s, subj, strlen(subj), 17, sp, 1, &err), 0);
  CHECK_INT(trawl_regex_exec(re, s, subj, strlen(subj), 18, sp, 1, &err),
            TRAWL_EARG);
  CHECK_INT(err.code, TRAWL_EARG);
  CHECK_INT(err.offset, 18);
  CHECK_INT(trawl_regex_exec(re, s, subj, 3, 18, sp, 1, NULL), TRAWL_EARG);
  CHECK_INT(trawl_regex_exec(re, s, subj, 3, 0, sp, -1, NULL), TRAWL_EARG);
  CHECK_INT(trawl_regex_exec(re, s, subj, 3, 0, NULL, 1, NULL), TRAWL_EARG);
  CHECK_INT(trawl_regex_exec(NULL, s, subj, 3, 0, sp, 1, NULL), TRAWL_EARG);

  /* an empty subject, even a NULL one */
  CHECK_INT(trawl_regex_exec(star, s, NULL, 0, 0, sp, 1, NULL), 1);
  CHECK_SPAN(sp[0], 0, 0);
  CHECK_INT(trawl_regex_exec(re, s, "", 0, 0, sp, 1, NULL), 0);

  trawl_regex_free(re);
  trawl_regex_free(star);
  trawl_scratch_free(s);
}

/* "éé" + "z" searched from each byte: no match starts mid-character */
static void check_midchar(const char *pat, const size_t *want) {
  const char *subj = "\xc3\xa9\xc3\xa9z";
  trawl_regex *re = rx(pat, 0);
  trawl_scratch *s = trawl_scratch_new(NULL, NULL);
  trawl_span c;
  size_t from;
  for (from = 0; from <= 5; from++) {
    CHECK_INT(trawl_regex_exec(re, s, subj, 5, from, &c, 1, NULL), 1);
    CHECK_SPAN(c, want[from], want[from]);
  }
  trawl_regex_free(re);
  trawl_scratch_free(s);
}

static void test_invalid_subject(void) {
  const char *subj = "ab\xff" "cd";
  trawl_regex *w = rx("\\w+", 0), *dot = rx(".", TRAWL_RX_DOTALL);
  trawl_regex *any = rx("[^a]", 0), *x = rx("x", 0);
  trawl_scratch *s = trawl_scratch_new(NULL, NULL);
  trawl_span sp[MAXSPANS];
  static const size_t empty[6] = {0, 2, 2, 4, 4, 5};   /* x* from 0..5 */
  static const size_t edge[6] = {0, 5, 5, 5, 5, 5};    /* \b from 0..5 */

  CHECK_INT(all(w, s, subj, 5, sp), 2);
  CHECK_SPAN(sp[0], 0, 2);
  CHECK_SPAN(sp[1], 3, 5);

  /* "." (even DOTALL) and a negated class never match the bad byte */
  CHECK_INT(all(dot, s, subj, 5, sp), 4);
  CHECK_SPAN(sp[0], 0, 1);
  CHECK_SPAN(sp[1], 1, 2);
  CHECK_SPAN(sp[2], 3, 4);
  CHECK_SPAN(sp[3], 4, 5);
  CHECK_INT(all(any, s, subj, 5, sp), 3);
  CHECK_SPAN(sp[0], 1, 2);
  CHECK_SPAN(sp[1], 3, 4);

  /* a start inside a character, a lone continuation byte, truncation */
  CHECK_INT(trawl_regex_exec(x, s, "\xc3\xa9x", 3, 1, sp, 1, NULL), 1);
  CHECK_SPAN(sp[0], 2, 3);
  CHECK_INT(all(w, s, "\x80z\xe2\x82", 4, sp), 1);
  CHECK_SPAN(sp[0], 1, 2);

  /* a start inside a valid character begins after it, in both engines */
  check_midchar("x*", empty);
  check_midchar("(*NO_JIT)x*", empty);
  check_midchar("\\b", edge);
  check_midchar("(*NO_JIT)\\b", edge);
  /* a 4-byte character */
  CHECK_INT(trawl_regex_exec(x, s, "\xf0\x9f\x98\x80x", 5, 1, sp, 1, NULL),
            1);
  CHECK_SPAN(sp[0], 4, 5);
  /* inside an invalid sequence the offset stays: E0 80 is overlong */
  CHECK_INT(trawl_regex_exec(x, s, "\xe0\x80xx", 4, 1, sp, 1, NULL), 1);
  CHECK_SPAN(sp[0], 2, 3);

  trawl_regex_free(w);
  trawl_regex_free(dot);
  trawl_regex_free(any);
  trawl_regex_free(x);
  trawl_scratch_free(s);
}

static void test_nul_bytes(void) {
  const char subj[] = "a\0b\0c";
  trawl_regex *w = rx("\\w", 0), *esc = rx("b\\x00c", 0);
  trawl_regex *lit = trawl_regex_new("b\0c", 3, 0, NULL);   /* NUL inside */
  trawl_scratch *s = trawl_scratch_new(NULL, NULL);
  trawl_span sp[MAXSPANS];

  CHECK(lit != NULL);
  CHECK_INT(all(w, s, subj, 5, sp), 3);
  CHECK_SPAN(sp[0], 0, 1);
  CHECK_SPAN(sp[1], 2, 3);
  CHECK_SPAN(sp[2], 4, 5);
  CHECK_INT(trawl_regex_exec(esc, s, subj, 5, 0, sp, 1, NULL), 1);
  CHECK_SPAN(sp[0], 2, 5);
  CHECK_INT(trawl_regex_exec(lit, s, subj, 5, 0, sp, 1, NULL), 1);
  CHECK_SPAN(sp[0], 2, 5);

  trawl_regex_free(w);
  trawl_regex_free(esc);
  trawl_regex_free(lit);
  trawl_scratch_free(s);
}

static void test_crlf(void) {
  const char *subj = "one\r\ntwo\r\nthree";
  trawl_regex *ml = rx("^\\w+$", TRAWL_RX_MULTILINE);
  trawl_scratch *s = trawl_scratch_new(NULL, NULL);
  trawl_span sp[MAXSPANS], c;

  CHECK_INT(all(ml, s, subj, strlen(subj), sp), 3);
  CHECK_SPAN(sp[0], 0, 3);
  CHECK_SPAN(sp[1], 5, 8);
  CHECK_SPAN(sp[2], 10, 15);
  /* without MULTILINE, $ still matches before a final CRLF */
  CHECK_INT(exec1("\\w+$", 0, "one\r\n", 5, &c), 1);
  CHECK_SPAN(c, 0, 3);
  /* a lone CR is a line break too; "." does not cross it */
  CHECK_INT(exec1("^two", TRAWL_RX_MULTILINE, "one\rtwo", 7, &c), 1);
  CHECK_SPAN(c, 4, 7);
  CHECK_INT(exec1("e.t", 0, "one\rtwo", 7, &c), 0);

  trawl_regex_free(ml);
  trawl_scratch_free(s);
}

static void test_catastrophic(void) {
  size_t n = 100 * 1024;
  char *a = malloc(n);
  trawl_regex *re = rx("(a+)+b", 0), *interp = rx("(*NO_JIT)(a+)+b", 0);
  trawl_scratch *s = trawl_scratch_new(NULL, NULL);
  trawl_error err = {0, 0, ""};
  trawl_span c;
  double t;
  int rc;

  memset(a, 'a', n);
  /* no 'b' at all: PCRE2 may see that at once (a true "no match"), or
  ** start backtracking and hit a limit; never anything else */
  t = now();
  rc = trawl_regex_exec(re, s, a, n, 0, &c, 1, NULL);
  CHECK(rc == 0 || rc == TRAWL_ELIMIT);
  CHECK(now() - t < 2.0);

  /* "aaa...acb": the 'b' is there, so backtracking must happen */
  a[n - 2] = 'c';
  a[n - 1] = 'b';
  t = now();
  CHECK_INT(trawl_regex_exec(re, s, a, n, 0, &c, 1, &err), TRAWL_ELIMIT);
  CHECK(now() - t < 2.0);
  CHECK_INT(err.code, TRAWL_ELIMIT);
  CHECK_INT(err.offset, 0);
  CHECK(strstr(err.msg, "match limit") != NULL);

  t = now();
  CHECK_INT(trawl_regex_exec(interp, s, a, n, 5, &c, 1, &err), TRAWL_ELIMIT);
  CHECK(now() - t < 2.0);
  CHECK_INT(err.offset, 5);
  CHECK(strstr(err.msg, "match limit") != NULL);

  trawl_regex_free(re);
  trawl_regex_free(interp);
  trawl_scratch_free(s);
  free(a);
}

static void test_jit_stack(void) {
  size_t n = 1024 * 1024;
  char *a = malloc(n);
  trawl_regex *re = rx("^(?:(a)|b)*$", 0);
  trawl_scratch *s = trawl_scratch_new(NULL, NULL);
  trawl_limits smallheap = {0, 0, 1024, 64};
  trawl_limits smalljit = {0, 0, 0, 32};
  trawl_scratch *sh = trawl_scratch_new(&smallheap, NULL);
  trawl_scratch *sj = trawl_scratch_new(&smalljit, NULL);
  trawl_error err = {0, 0, ""};
  trawl_span caps[2];
  double t;
  int rc;

  memset(a, 'a', n);
  t = now();
  rc = trawl_regex_exec(re, s, a, n, 0, caps, 2, &err);
  CHECK(rc == 1 || rc == TRAWL_ELIMIT);
  CHECK(now() - t < 2.0);
  if (rc == 1) CHECK_SPAN(caps[0], 0, n);

  CHECK_INT(trawl_regex_exec(re, sh, a, n, 0, caps, 2, &err), TRAWL_ELIMIT);
  CHECK_INT(err.code, TRAWL_ELIMIT);
  CHECK(strstr(err.msg, "heap limit") != NULL);

  /* 10 KB overflows a 32 KiB JIT stack; the interpreter finishes it */
  CHECK_INT(trawl_regex_exec(re, sj, a, 10000, 0, caps, 2, &err), 1);
  CHECK_SPAN(caps[0], 0, 10000);
  CHECK_SPAN(caps[1], 9999, 10000);
  /* and the scratch still works afterwards */
  CHECK_INT(trawl_regex_exec(re, sj, "ab", 2, 0, caps, 2, &err), 1);
  CHECK_SPAN(caps[1], 0, 1);

  trawl_regex_free(re);
  trawl_scratch_free(s);
  trawl_scratch_free(sh);
  trawl_scratch_free(sj);
  free(a);
}

static void test_match_limit(void) {
  char subj[10000];
  trawl_limits tiny = {100, 0, 0, 0};
  trawl_regex *re = rx("(?:a|bb?)*c", 0);
  trawl_regex *interp = rx("(*NO_JIT)(?:a|bb?)*c", 0);
  trawl_scratch *s = trawl_scratch_new(&tiny, NULL);
  trawl_scratch *dflt = trawl_scratch_new(NULL, NULL);
  trawl_error err = {0, 0, ""};
  trawl_span c;
  int i;

  for (i = 0; i < 10000; i++) subj[i] = "ab"[i & 1];
  subj[9999] = 'c';
  CHECK_INT(trawl_regex_exec(re, dflt, subj, 10000, 0, &c, 1, NULL), 1);
  CHECK_SPAN(c, 0, 10000);
  CHECK_INT(trawl_regex_exec(re, s, subj, 10000, 0, &c, 1, &err),
            TRAWL_ELIMIT);
  CHECK(strstr(err.msg, "match limit (100)") != NULL);
  CHECK_INT(trawl_regex_exec(interp, s, subj, 10000, 0, &c, 1, &err),
            TRAWL_ELIMIT);
  CHECK_INT(trawl_regex_exec(interp, dflt, subj, 10000, 0, &c, 1, NULL), 1);

  trawl_regex_free(re);
  trawl_regex_free(interp);
  trawl_scratch_free(s);
  trawl_scratch_free(dflt);
}

static void test_scratch_reuse(void) {
  char pat[200] = "", subj[41];
  trawl_regex *small, *big;
  trawl_scratch *s = trawl_scratch_new(NULL, NULL);
  trawl_span caps[42];
  int i;

  for (i = 0; i < 40; i++) strcat(pat, "(.)");
  memset(subj, 'x', 40);
  subj[40] = '\0';
  small = rx("(\\w)(\\w)", 0);
  big = rx(pat, 0);
  CHECK_INT(trawl_regex_ngroups(big), 40);

  CHECK_INT(trawl_regex_exec(small, s, "xy", 2, 0, caps, 42, NULL), 1);
  CHECK_SPAN(caps[2], 1, 2);
  CHECK_UNSET(caps[3]);
  CHECK_INT(trawl_regex_exec(big, s, subj, 40, 0, caps, 42, NULL), 1);
  CHECK_SPAN(caps[0], 0, 40);
  CHECK_SPAN(caps[40], 39, 40);
  CHECK_UNSET(caps[41]);
  /* back to the small one: the big one's groups do not leak through */
  CHECK_INT(trawl_regex_exec(small, s, "xy", 2, 0, caps, 42, NULL), 1);
  CHECK_SPAN(caps[1], 0, 1);
  CHECK_UNSET(caps[3]);
  CHECK_UNSET(caps[40]);

  trawl_regex_free(small);
  trawl_regex_free(big);
  trawl_scratch_free(s);
}

int main(void) {
  test_compile_errors();
  test_invalid_pattern_utf8();
  test_jit();
  test_named_groups();
  test_flags();
  test_ucp();
  test_iterate();
  test_invalid_subject();
  test_nul_bytes();
  test_crlf();
  test_catastrophic();
  test_jit_stack();
  test_match_limit();
  test_scratch_reuse();
  return test_report();
}
