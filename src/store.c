/*
** store.c - the annotation store: token spans by class, indexed for the
** matching machine by (class, start) and by (class, end).
*/
#include <stdlib.h>
#include <string.h>

#include "patcode.h"

/* where the last lookup of a class ended, per direction: patterns read
** the store left to right, so the next lookup starts near there instead
** of a binary search over every span */
typedef struct Cursor {
  size_t at;               /* index in the sorted order */
  uint64_t key;            /* the key looked up there; 0 = none yet */
} Cursor;

struct trawl_store {
  StoredSpan *spans;       /* in the order added */
  size_t n, cap;
  uint32_t *bystart;       /* span indices by class, start, longest first */
  uint32_t *byend;         /* by class, end, longest (earliest start) first */
  uint64_t *skey, *ekey;   /* (class, start) and (class, end) in those orders */
  size_t nindexed;         /* spans covered by the indexes */
  Cursor *cur;             /* 2 per class: forward, backward */
  size_t ncur;
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
  free(s->skey);
  free(s->ekey);
  free(s->cur);
  free(s);
}

void trawl_store_reset(trawl_store *s) {
  s->n = 0;
  s->nindexed = 0;
  if (s->cur != NULL) memset(s->cur, 0, 2 * s->ncur * sizeof(Cursor));
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

static uint64_t key(int cls, uint32_t pos) {
  return ((uint64_t)(uint32_t)cls << 32) | pos;
}

/* order of (key, length, index): by key, longest first, then added first */
static int before(uint64_t ka, uint32_t la, uint32_t ia,
                  uint64_t kb, uint32_t lb, uint32_t ib) {
  if (ka != kb) return ka < kb;
  if (la != lb) return la > lb;
  return ia < ib;
}

/* Put the spans added since the last indexing into idx/k, ordered by
** (class, start or end), longest first. A phase adds its spans after all
** those of earlier phases, so the new ones are sorted alone and merged in
** from the back: one sort of everything per phase would cost n log n
** every time. */
static void sortby(trawl_store *s, Key *keys, uint32_t *idx, uint64_t *k,
                   int byend) {
  size_t old = s->nindexed, m = s->n - old, i, j, w;
  for (i = 0; i < m; i++) {
    const StoredSpan *sp = &s->spans[old + i];
    keys[i].k = key(sp->cls, byend ? sp->end : sp->start);
    keys[i].len = sp->end - sp->start;
    keys[i].i = (uint32_t)(old + i);
  }
  qsort(keys, m, sizeof(Key), cmpkey);
  i = old;   /* old entries left to place: [0, i) */
  j = m;     /* new ones: keys[0, j) */
  w = s->n;
  while (j > 0) {
    const Key *nk = &keys[j - 1];
    if (i > 0) {
      const StoredSpan *sp = &s->spans[idx[i - 1]];
      if (before(nk->k, nk->len, nk->i, k[i - 1], sp->end - sp->start, idx[i - 1])) {
        w--; i--;
        idx[w] = idx[i];
        k[w] = k[i];
        continue;
      }
    }
    w--; j--;
    idx[w] = nk->i;
    k[w] = nk->k;
  }
}

static int buildindex(trawl_store *s) {
  size_t n = s->n ? s->n : 1, maxcls = 0, i;
  Key *keys;
  void *p;
  if (s->nindexed == s->n) return 1;
  if ((p = realloc(s->bystart, n * sizeof(uint32_t))) == NULL) return 0;
  s->bystart = (uint32_t *)p;
  if ((p = realloc(s->byend, n * sizeof(uint32_t))) == NULL) return 0;
  s->byend = (uint32_t *)p;
  if ((p = realloc(s->skey, n * sizeof(uint64_t))) == NULL) return 0;
  s->skey = (uint64_t *)p;
  if ((p = realloc(s->ekey, n * sizeof(uint64_t))) == NULL) return 0;
  s->ekey = (uint64_t *)p;
  for (i = 0; i < s->n; i++)
    if ((size_t)s->spans[i].cls + 1 > maxcls) maxcls = (size_t)s->spans[i].cls + 1;
  if (maxcls > s->ncur) {
    if ((p = realloc(s->cur, 2 * maxcls * sizeof(Cursor))) == NULL) return 0;
    s->cur = (Cursor *)p;
    s->ncur = maxcls;
  }
  memset(s->cur, 0, 2 * s->ncur * sizeof(Cursor));
  if ((keys = (Key *)malloc((s->n - s->nindexed) * sizeof(Key))) == NULL) return 0;
  sortby(s, keys, s->bystart, s->skey, 0);
  sortby(s, keys, s->byend, s->ekey, 1);
  free(keys);
  s->nindexed = s->n;
  return 1;
}

/* first index in the sorted keys k[0..n) whose key is >= want */
static size_t lower(const uint64_t *k, size_t lo, size_t hi, uint64_t want) {
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (k[mid] < want) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

void trawl_store_at(trawl_store *s, int cls, uint32_t tok, int backward,
                    size_t *first, size_t *count) {
  const uint64_t *k;
  uint64_t want = key(cls, tok);
  size_t i, j;
  Cursor *c;
  *first = *count = 0;
  if (s == NULL || s->n == 0 || !buildindex(s)) return;
  if ((size_t)cls >= s->ncur) return;   /* no span of this class */
  k = backward ? s->ekey : s->skey;
  c = &s->cur[2 * (size_t)cls + (backward ? 1 : 0)];
  i = c->at;
  if (c->key != 0 && c->key <= want) {   /* walk on from the last lookup */
    size_t steps = 0;
    while (i < s->n && k[i] < want && ++steps < 16) i++;
    if (i < s->n && k[i] < want) i = lower(k, i, s->n, want);
  } else {
    i = lower(k, 0, s->n, want);
  }
  c->at = i;
  c->key = want;
  for (j = i; j < s->n && k[j] == want; j++) {}
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

uint32_t trawl_store_next(trawl_store *s, int cls, uint32_t tok) {
  size_t i;
  if (s == NULL || s->n == 0 || !buildindex(s)) return UINT32_MAX;
  i = lower(s->skey, 0, s->n, key(cls, tok));
  if (i < s->n && (s->skey[i] >> 32) == (uint64_t)(uint32_t)cls)
    return (uint32_t)s->skey[i];
  return UINT32_MAX;
}
