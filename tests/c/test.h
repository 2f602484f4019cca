/*
** test.h - a minimal unit-test harness for the C tests.
** Each test binary prints failures as file:line and ends with the line
** "N passed, N failed"; its exit status is 1 when anything failed.
*/
#ifndef TRAWL_TEST_H
#define TRAWL_TEST_H

#include <stdio.h>
#include <string.h>

static int test_passed, test_failed;

#define CHECK(cond) \
  do { \
    if (cond) test_passed++; \
    else { test_failed++; \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); } \
  } while (0)

#define CHECK_INT(got, want) \
  do { \
    long long g_ = (long long)(got), w_ = (long long)(want); \
    if (g_ == w_) test_passed++; \
    else { test_failed++; \
      fprintf(stderr, "%s:%d: %s is %lld, want %lld\n", __FILE__, __LINE__, \
              #got, g_, w_); } \
  } while (0)

#define CHECK_STR(got, glen, want) \
  do { \
    size_t gl_ = (glen); const char *gs_ = (got), *ws_ = (want); \
    if (gl_ == strlen(ws_) && memcmp(gs_, ws_, gl_) == 0) test_passed++; \
    else { test_failed++; \
      fprintf(stderr, "%s:%d: %s is \"%.*s\", want \"%s\"\n", __FILE__, \
              __LINE__, #got, (int)gl_, gs_, ws_); } \
  } while (0)

/* a check made by a helper on behalf of a line of the test: the message
** names that line of the calling file */
static inline void test_check(const char *file, int line, int ok,
                              const char *msg) {
  if (ok) {
    test_passed++;
  } else {
    test_failed++;
    fprintf(stderr, "%s:%d: %s\n", file, line, msg);
  }
}
#define check_(line, ok, msg) test_check(__FILE__, (line), (ok), (msg))

static int test_report(void) {
  printf("%d passed, %d failed\n", test_passed, test_failed);
  return test_failed ? 1 : 0;
}

#endif
