/*
** store.c - the annotation store: token spans by class, indexed for the
** matching machine by (class, start) and by (class, end).
*/
#include <stdlib.h>
#include <string.h>

#include "patcode.h"

struct trawl_store {
  StoredSpan *spans;       /* in the order added */
  size_t n, cap;
  uint32_t *bystart;       /* span indices by class, start, longest first */
  uint32_t *byend;         /* by class, end, longest (earliest start) first */
  size_t nindexed;         /* spans covered by the two indexes */
};

trawl_store *trawl_store_new(trawl_error *err) {
  trawl_store *s = (trawl_store *)calloc(1, sizeof *s);
  if (s == NULL && err != NULL) {
    err->code = TRAWL_ENOMEM;
    err->offset = 0;
    strcpy(err->msg, "not enough memory");
  }
  return s;
}

void trawl_store_free(trawl_store *s) {
  if (s == NULL) return;
  free(s->spans);
  free(s->bystart);
  free(s->byend);
  free(s);
}

void trawl_store_reset(trawl_store *s) {
  s->n = 0;
  s->nindexed = 0;
}

size_t trawl_store_size(const trawl_store *s) {
  return s->n;
}

int trawl_store_add(trawl_store *s, int cls, uint32_t tok_start,
                    uint32_t tok_end, int32_t id) {
  /* an empty span would let a pattern loop over it without moving */
  if (cls < 0 || tok_end <= tok_start) return TRAWL_EARG;
  if (s->n == s->cap) {
    size_t ncap = s->cap ? s->cap * 2 : 64;
    StoredSpan *ns = (StoredSpan *)realloc(s->spans, ncap * sizeof *ns);
    if (ns == NULL) return TRAWL_ENOMEM;
    s->spans = ns;
    s->cap = ncap;
  }
  s->spans[s->n].id = id;
  s->spans[s->n].cls = cls;
  s->spans[s->n].start = tok_start;
  s->spans[s->n].end = tok_end;
  s->n++;
  return TRAWL_OK;
}

/* qsort has no context argument: sort (key, index) records instead */
typedef struct Key {
  uint64_t k;    /* class and position, then length order */
  uint32_t len;
  uint32_t i;
} Key;

static int cmpkey(const void *a, const void *b) {
  const Key *x = (const Key *)a, *y = (const Key *)b;
  if (x->k != y->k) return x->k < y->k ? -1 : 1;
  if (x->len != y->len) return x->len > y->len ? -1 : 1;   /* longest first */
  return x->i < y->i ? -1 : x->i > y->i;
}

static int buildindex(trawl_store *s) {
  Key *keys;
  uint32_t *bs, *be;
  size_t i;
  if (s->nindexed == s->n) return 1;
  keys = (Key *)malloc(sizeof(Key) * (s->n ? s->n : 1));
  bs = (uint32_t *)realloc(s->bystart, sizeof(uint32_t) * (s->n ? s->n : 1));
  if (bs != NULL) s->bystart = bs;
  be = (uint32_t *)realloc(s->byend, sizeof(uint32_t) * (s->n ? s->n : 1));
  if (be != NULL) s->byend = be;
  if (keys == NULL || bs == NULL || be == NULL) {
    free(keys);
    return 0;
  }
  for (i = 0; i < s->n; i++) {
    const StoredSpan *sp = &s->spans[i];
    keys[i].k = ((uint64_t)(uint32_t)sp->cls << 32) | sp->start;
    keys[i].len = sp->end - sp->start;
    keys[i].i = (uint32_t)i;
  }
  qsort(keys, s->n, sizeof(Key), cmpkey);
  for (i = 0; i < s->n; i++) s->bystart[i] = keys[i].i;
  for (i = 0; i < s->n; i++) {
    const StoredSpan *sp = &s->spans[i];
    keys[i].k = ((uint64_t)(uint32_t)sp->cls << 32) | sp->end;
    keys[i].len = sp->end - sp->start;
    keys[i].i = (uint32_t)i;
  }
  qsort(keys, s->n, sizeof(Key), cmpkey);
  for (i = 0; i < s->n; i++) s->byend[i] = keys[i].i;
  free(keys);
  s->nindexed = s->n;
  return 1;
}

/* first index in idx whose (cls, pos) is >= the key */
static size_t lower(const trawl_store *s, const uint32_t *idx, int backward,
                    uint64_t key) {
  size_t lo = 0, hi = s->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const StoredSpan *sp = &s->spans[idx[mid]];
    uint64_t k = ((uint64_t)(uint32_t)sp->cls << 32) |
                 (backward ? sp->end : sp->start);
    if (k < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

void trawl_store_at(trawl_store *s, int cls, uint32_t tok, int backward,
                    size_t *first, size_t *count) {
  const uint32_t *idx;
  uint64_t key = ((uint64_t)(uint32_t)cls << 32) | tok;
  size_t i, j;
  *first = *count = 0;
  if (s == NULL || s->n == 0 || !buildindex(s)) return;
  idx = backward ? s->byend : s->bystart;
  i = lower(s, idx, backward, key);
  for (j = i; j < s->n; j++) {
    const StoredSpan *sp = &s->spans[idx[j]];
    if (sp->cls != cls || (backward ? sp->end : sp->start) != tok) break;
  }
  *first = i;
  *count = j - i;
}

const StoredSpan *trawl_store_get(const trawl_store *s, int backward,
                                  size_t k) {
  return &s->spans[(backward ? s->byend : s->bystart)[k]];
}

int trawl_store_starts(trawl_store *s, int cls, uint32_t tok) {
  size_t first, count;
  trawl_store_at(s, cls, tok, 0, &first, &count);
  return count > 0;
}
