/* regex.c - PCRE2 regexes (UTF, UCP, JIT) matched under explicit limits. */

#define PCRE2_CODE_UNIT_WIDTH 8

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <pcre2.h>

#include "tlimits.h"
#include "trawl.h"

#define RX_ALLFLAGS (TRAWL_RX_CASELESS | TRAWL_RX_MULTILINE | \
                     TRAWL_RX_DOTALL | TRAWL_RX_EXTENDED)

/* first ovector size of a scratch: enough for most patterns, so that
** ordinary use never regrows it */
#define SCRATCH_MINPAIRS 16u

/* what PCRE2 grows the JIT stack from (it reserves up to the maximum) */
#define JIT_STACK_START (32u * 1024u)

struct trawl_regex {
  pcre2_code *code;
  int ngroups;
  int jitted;
  const char **names;    /* [ngroups + 1]; entries point into code's
                            name table, so they live exactly as long */
};

struct trawl_scratch {
  pcre2_match_data *md;  /* NULL until the first match; regrown on demand */
  uint32_t pairs;        /* ovector pairs in md */
  pcre2_match_context *mctx;
  pcre2_jit_stack *jstack;   /* NULL when this PCRE2 has no JIT */
  trawl_limits lim;      /* effective limits, defaults filled in */
};


static void seterr(trawl_error *err, int code, size_t offset,
                   const char *fmt, ...) {
  va_list ap;
  if (err == NULL) return;
  err->code = code;
  err->offset = offset;
  va_start(ap, fmt);
  vsnprintf(err->msg, sizeof err->msg, fmt, ap);
  va_end(ap);
}

/* PCRE2's text for an error code (compile or match); a message too long
** for buf comes back truncated, which is fine */
static void pcre2msg(int rc, char *buf, size_t size) {
  if (pcre2_get_error_message(rc, (PCRE2_UCHAR *)buf, size) ==
      PCRE2_ERROR_BADDATA)
    snprintf(buf, size, "PCRE2 error %d", rc);
}

static uint32_t orelse(uint32_t v, uint32_t dflt) {
  return v != 0 ? v : dflt;
}


/* ------------------------------------------------------------------ */
/* compiling */

static uint32_t compile_options(unsigned flags) {
  /* UTF + UCP: \w, \b, \d and caseless matching follow Unicode.
  ** MATCH_INVALID_UTF: invalid subject bytes never match, so any bytes are
  ** a safe subject and offsets stay in the caller's bytes.
  ** NEVER_BACKSLASH_C: \C matches one byte and could end a match in the
  ** middle of a character; rules come from third parties. */
  uint32_t opt = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF |
                 PCRE2_NEVER_BACKSLASH_C;
  if (flags & TRAWL_RX_CASELESS) opt |= PCRE2_CASELESS;
  if (flags & TRAWL_RX_MULTILINE) opt |= PCRE2_MULTILINE;
  if (flags & TRAWL_RX_DOTALL) opt |= PCRE2_DOTALL;
  if (flags & TRAWL_RX_EXTENDED) opt |= PCRE2_EXTENDED;
  return opt;
}

/* number the group names; the name table is sorted by name, not number */
static int load_names(trawl_regex *re) {
  uint32_t count = 0, entsize = 0, i;
  PCRE2_SPTR table = NULL;
  pcre2_pattern_info(re->code, PCRE2_INFO_NAMECOUNT, &count);
  if (count == 0) return TRAWL_OK;
  pcre2_pattern_info(re->code, PCRE2_INFO_NAMEENTRYSIZE, &entsize);
  pcre2_pattern_info(re->code, PCRE2_INFO_NAMETABLE, &table);
  re->names = calloc((size_t)re->ngroups + 1, sizeof *re->names);
  if (re->names == NULL) return TRAWL_ENOMEM;
  for (i = 0; i < count; i++) {
    PCRE2_SPTR e = table + (size_t)i * entsize;
    int n = (e[0] << 8) | e[1];   /* group number, big-endian */
    if (n >= 1 && n <= re->ngroups)
      re->names[n] = (const char *)(e + 2);
  }
  return TRAWL_OK;
}

static pcre2_code *compile(const char *pat, size_t len, unsigned flags,
                           trawl_error *err) {
  pcre2_compile_context *cctx = pcre2_compile_context_create(NULL);
  pcre2_code *code;
  int rc;
  PCRE2_SIZE off = 0;
  if (cctx == NULL) {
    seterr(err, TRAWL_ENOMEM, 0, "out of memory compiling a regex");
    return NULL;
  }
  /* ANYCRLF: $ and MULTILINE ^ $ also work on CRLF (and CR) text */
  pcre2_set_newline(cctx, PCRE2_NEWLINE_ANYCRLF);
  code = pcre2_compile((PCRE2_SPTR)pat, len, compile_options(flags),
                       &rc, &off, cctx);
  pcre2_compile_context_free(cctx);
  if (code == NULL) {
    char buf[128];
    if (rc == PCRE2_ERROR_HEAP_FAILED) {
      seterr(err, TRAWL_ENOMEM, 0, "out of memory compiling a regex");
      return NULL;
    }
    pcre2msg(rc, buf, sizeof buf);
    seterr(err, TRAWL_ESYNTAX, off, "at offset %zu: %s", (size_t)off, buf);
  }
  return code;
}

/* 1 when PCRE2 really produced machine code (a pattern may say (*NO_JIT)) */
static int jit(pcre2_code *code) {
  size_t size = 0;
  if (pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) != 0)
    return 0;   /* no JIT here, or out of memory: the interpreter will do */
  pcre2_pattern_info(code, PCRE2_INFO_JITSIZE, &size);
  return size > 0;
}

trawl_regex *trawl_regex_new(const char *pat, size_t len, unsigned flags,
                             trawl_error *err) {
  trawl_regex *re;
  uint32_t ncap = 0;
  if (pat == NULL && len > 0) {
    seterr(err, TRAWL_EARG, 0, "NULL pattern");
    return NULL;
  }
  if (flags & ~RX_ALLFLAGS) {
    seterr(err, TRAWL_EARG, 0, "unknown regex flags 0x%x",
           flags & ~RX_ALLFLAGS);
    return NULL;
  }
  re = calloc(1, sizeof *re);
  if (re == NULL) {
    seterr(err, TRAWL_ENOMEM, 0, "out of memory compiling a regex");
    return NULL;
  }
  re->code = compile(pat != NULL ? pat : "", len, flags, err);
  if (re->code == NULL) {
    free(re);
    return NULL;
  }
  pcre2_pattern_info(re->code, PCRE2_INFO_CAPTURECOUNT, &ncap);
  re->ngroups = (int)ncap;   /* at most 65535 */
  if (load_names(re) != TRAWL_OK) {
    seterr(err, TRAWL_ENOMEM, 0, "out of memory compiling a regex");
    trawl_regex_free(re);
    return NULL;
  }
  re->jitted = jit(re->code);
  return re;
}

void trawl_regex_free(trawl_regex *re) {
  if (re == NULL) return;
  free(re->names);
  pcre2_code_free(re->code);
  free(re);
}

int trawl_regex_ngroups(const trawl_regex *re) {
  return re != NULL ? re->ngroups : 0;
}

const char *trawl_regex_group_name(const trawl_regex *re, int i) {
  if (re == NULL || re->names == NULL || i < 1 || i > re->ngroups)
    return NULL;
  return re->names[i];
}

int trawl_regex_jitted(const trawl_regex *re) {
  return re != NULL && re->jitted;
}


/* ------------------------------------------------------------------ */
/* scratch */

static void fill_limits(trawl_limits *out, const trawl_limits *in) {
  trawl_limits zero = {0, 0, 0, 0};
  if (in == NULL) in = &zero;
  out->match_limit = orelse(in->match_limit, TRAWL_MATCH_LIMIT);
  out->depth_limit = orelse(in->depth_limit, TRAWL_DEPTH_LIMIT);
  out->heap_kib = orelse(in->heap_kib, TRAWL_HEAP_KIB);
  out->jit_stack_kib = orelse(in->jit_stack_kib, TRAWL_JIT_STACK_KIB);
}

/* the scratch's own JIT stack (none when PCRE2 has no JIT) */
static int make_jit_stack(trawl_scratch *s) {
  uint32_t havejit = 0;
  size_t max, start;
  pcre2_config(PCRE2_CONFIG_JIT, &havejit);
  if (!havejit) return TRAWL_OK;   /* regexes will not be jitted either */
  max = (size_t)s->lim.jit_stack_kib * 1024u;
  if (max / 1024u != s->lim.jit_stack_kib) return TRAWL_ENOMEM;  /* 32-bit */
  start = max < JIT_STACK_START ? max : JIT_STACK_START;
  s->jstack = pcre2_jit_stack_create(start, max, NULL);
  if (s->jstack == NULL) return TRAWL_ENOMEM;
  pcre2_jit_stack_assign(s->mctx, NULL, s->jstack);
  return TRAWL_OK;
}

trawl_scratch *trawl_scratch_new(const trawl_limits *lim, trawl_error *err) {
  trawl_scratch *s = calloc(1, sizeof *s);
  if (s == NULL) goto nomem;
  fill_limits(&s->lim, lim);
  s->mctx = pcre2_match_context_create(NULL);
  if (s->mctx == NULL) goto nomem;
  pcre2_set_match_limit(s->mctx, s->lim.match_limit);
  pcre2_set_depth_limit(s->mctx, s->lim.depth_limit);
  pcre2_set_heap_limit(s->mctx, s->lim.heap_kib);
  if (make_jit_stack(s) != TRAWL_OK) goto nomem;
  return s;
nomem:
  seterr(err, TRAWL_ENOMEM, 0, "out of memory creating a match scratch");
  trawl_scratch_free(s);
  return NULL;
}

void trawl_scratch_free(trawl_scratch *s) {
  if (s == NULL) return;
  pcre2_match_data_free(s->md);
  pcre2_jit_stack_free(s->jstack);
  pcre2_match_context_free(s->mctx);
  free(s);
}

/* make the match data hold at least `need` pairs; one match data serves
** every regex, so it grows (doubling keeps regrowth rare) and is only
** dropped after an interpreter retry */
static int ensure_pairs(trawl_scratch *s, uint32_t need) {
  uint32_t n;
  pcre2_match_data *md;
  if (s->md != NULL && s->pairs >= need) return TRAWL_OK;
  n = s->pairs > SCRATCH_MINPAIRS ? s->pairs : SCRATCH_MINPAIRS;
  while (n < need) n *= 2;
  md = pcre2_match_data_create(n, NULL);
  if (md == NULL) return TRAWL_ENOMEM;
  pcre2_match_data_free(s->md);
  s->md = md;
  s->pairs = n;
  return TRAWL_OK;
}


/* ------------------------------------------------------------------ */
/* matching */

static int is_limit(int rc) {
  return rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
         rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT;
}

/* "match limit (1000000)" etc., for a limit error code */
static void limit_name(const trawl_scratch *s, int rc, char *buf,
                       size_t size) {
  switch (rc) {
    case PCRE2_ERROR_MATCHLIMIT:
      snprintf(buf, size, "match limit (%lu)",
               (unsigned long)s->lim.match_limit);
      break;
    case PCRE2_ERROR_DEPTHLIMIT:
      snprintf(buf, size, "depth limit (%lu)",
               (unsigned long)s->lim.depth_limit);
      break;
    case PCRE2_ERROR_HEAPLIMIT:
      snprintf(buf, size, "heap limit (%lu KiB)",
               (unsigned long)s->lim.heap_kib);
      break;
    default:
      snprintf(buf, size, "JIT stack (%lu KiB)",
               (unsigned long)s->lim.jit_stack_kib);
      break;
  }
}

static int match_error(const trawl_scratch *s, int rc, int retried,
                       size_t from, trawl_error *err) {
  char what[64], buf[128];
  if (is_limit(rc)) {
    limit_name(s, rc, what, sizeof what);
    if (retried)
      seterr(err, TRAWL_ELIMIT, from, "JIT stack (%lu KiB) exhausted, then "
             "%s exceeded by the interpreter, matching from offset %zu",
             (unsigned long)s->lim.jit_stack_kib, what, from);
    else
      seterr(err, TRAWL_ELIMIT, from,
             "%s exceeded matching from offset %zu", what, from);
    return TRAWL_ELIMIT;
  }
  if (rc == PCRE2_ERROR_NOMEMORY) {
    seterr(err, TRAWL_ENOMEM, from, "out of memory matching from offset %zu",
           from);
    return TRAWL_ENOMEM;
  }
  pcre2msg(rc, buf, sizeof buf);
  seterr(err, TRAWL_EMATCH, from, "matching from offset %zu: %s", from, buf);
  return TRAWL_EMATCH;
}

/* length of the valid UTF-8 character at p[0..n), or 0 */
static size_t utf8_len(const unsigned char *p, size_t n) {
  unsigned lo = 0x80, hi = 0xBF;   /* range of the second byte */
  size_t len, i;
  if (p[0] < 0x80) return 1;
  if (p[0] >= 0xC2 && p[0] <= 0xDF) len = 2;
  else if (p[0] >= 0xE0 && p[0] <= 0xEF) len = 3;
  else if (p[0] >= 0xF0 && p[0] <= 0xF4) len = 4;
  else return 0;
  if (p[0] == 0xE0) lo = 0xA0;        /* overlong */
  else if (p[0] == 0xED) hi = 0x9F;   /* surrogates */
  else if (p[0] == 0xF0) lo = 0x90;   /* overlong */
  else if (p[0] == 0xF4) hi = 0x8F;   /* past U+10FFFF */
  if (n < len || p[1] < lo || p[1] > hi) return 0;
  for (i = 2; i < len; i++)
    if ((p[i] & 0xC0) != 0x80) return 0;
  return len;
}

/* A start inside a valid character moves to its end. There JIT and the
** interpreter disagree (JIT can return an empty match mid-character, the
** interpreter sees a fresh text and finds \b there), and a caller that
** steps one byte past an empty match lands there. Offsets inside invalid
** sequences stay: those bytes are barriers for both engines. */
static size_t char_start(const char *subj, size_t len, size_t from) {
  const unsigned char *s = (const unsigned char *)subj;
  size_t k;
  if (from >= len || (s[from] & 0xC0) != 0x80) return from;
  for (k = 1; k <= 3 && k <= from; k++) {
    size_t n;
    if ((s[from - k] & 0xC0) == 0x80) continue;   /* keep walking back */
    n = utf8_len(s + from - k, len - (from - k));
    return n > k ? from - k + n : from;
  }
  return from;
}

/* copy the ovector out; groups PCRE2 did not reach (index >= rc) and
** slots past the pattern's groups are unset */
static void fill_caps(const trawl_regex *re, const trawl_scratch *s, int rc,
                      trawl_span *caps, int ncaps) {
  const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
  int i, set = rc > 0 ? rc : (int)s->pairs;   /* rc 0: ovector was full */
  for (i = 0; i < ncaps; i++) {
    if (i <= re->ngroups && i < set && ov[2 * i] != PCRE2_UNSET) {
      caps[i].start = ov[2 * i];
      caps[i].end = ov[2 * i + 1];
    } else {
      caps[i].start = caps[i].end = TRAWL_UNSET;
    }
  }
}

int trawl_regex_exec(const trawl_regex *re, trawl_scratch *s,
                     const char *subj, size_t len, size_t from,
                     trawl_span *caps, int ncaps, trawl_error *err) {
  int rc, retried = 0;
  size_t start;
  if (re == NULL || s == NULL || ncaps < 0 || (caps == NULL && ncaps > 0) ||
      (subj == NULL && len > 0)) {
    seterr(err, TRAWL_EARG, 0, "bad argument to trawl_regex_exec");
    return TRAWL_EARG;
  }
  if (from > len) {
    seterr(err, TRAWL_EARG, from, "offset %zu is past the end (%zu)",
           from, len);
    return TRAWL_EARG;
  }
  if (subj == NULL) subj = "";   /* PCRE2 10.42 refuses NULL even at len 0 */
  start = char_start(subj, len, from);
  if (ensure_pairs(s, (uint32_t)re->ngroups + 1) != TRAWL_OK) {
    seterr(err, TRAWL_ENOMEM, from, "out of memory matching");
    return TRAWL_ENOMEM;
  }
  /* never PCRE2_NO_UTF_CHECK: MATCH_INVALID_UTF makes any bytes safe */
  rc = pcre2_match(re->code, (PCRE2_SPTR)subj, len, start, 0, s->md,
                   s->mctx);
  if (rc == PCRE2_ERROR_JIT_STACKLIMIT) {
    /* JIT's stack is fixed; the interpreter can often go on, bounded by
    ** the depth and heap limits instead */
    retried = 1;
    rc = pcre2_match(re->code, (PCRE2_SPTR)subj, len, start, PCRE2_NO_JIT,
                     s->md, s->mctx);
  }
  if (rc >= 0)
    fill_caps(re, s, rc, caps, ncaps);
  if (retried) {
    /* the interpreter keeps its backtracking frames (up to the heap
    ** limit) in the match data: drop them rather than hold them */
    pcre2_match_data_free(s->md);
    s->md = NULL;
    s->pairs = 0;
  }
  if (rc >= 0) return 1;
  if (rc == PCRE2_ERROR_NOMATCH) return 0;
  return match_error(s, rc, retried, from, err);
}
