/*
** phase.c - running many token patterns over a document at once. Patterns
** are indexed by what can start them (first-token words, token kinds, span
** classes), so that each position tries only the patterns that can match
** there instead of every pattern everywhere.
*/
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "patcode.h"
#include "vm.h"

/* a word that can start some patterns: the list of them starts at head */
typedef struct WordKey {
  const char *s;
  uint32_t len, hash;
  int32_t head;            /* index in links, -1 = none */
} WordKey;

typedef struct Link {
  uint32_t rule;           /* index in ph->pats */
  int32_t next;
} Link;

typedef struct ClassStart {
  int cls;
  uint32_t rule;
} ClassStart;

typedef struct Pat {
  const trawl_pattern *p;
  int rule;
} Pat;

typedef struct Vec {       /* a growable array of uint32_t */
  uint32_t *v;
  size_t n, cap;
} Vec;

/* words -> lists of patterns: open addressing, at most half full */
typedef struct WordIdx {
  WordKey *slots;
  size_t nslots, used;
} WordIdx;

struct trawl_phase {
  Pat *pats;
  trawl_rule_stats *stats;
  size_t n, cap;
  int built;               /* the index below is up to date */
  WordIdx first;           /* patterns by the word that starts them */
  WordIdx second[TRAWL_NKINDS];  /* patterns that start with a token of a
                                    kind, by the word that follows it */
  Link *links;
  size_t nlinks, caplinks;
  Vec bykind[TRAWL_NKINDS];
  Vec byflag[16];          /* patterns by a TRAWL_F_* flag (bit) */
  uint32_t flagmask;       /* the flags some pattern is listed under */
  Vec always;
  ClassStart *classes;
  size_t nclasses, capclasses;
  /* per run */
  uint32_t *stamp;         /* position + 1 at which a pattern was last tried */
  uint32_t *next;          /* without ALLSTARTS: where a pattern may next start */
  uint32_t *req;           /* where a pattern's required atom next occurs */
  uint32_t *hashes;        /* per token */
  size_t caphashes;
  Vec cand;                /* candidates at one position */
  struct { uint32_t tok, rule; } *trig;   /* patterns started by spans */
  size_t ntrig, captrig;
};

static int seterr(trawl_error *err, int code, const char *msg) {
  if (err != NULL) {
    err->code = code;
    err->offset = 0;
    strncpy(err->msg, msg, sizeof err->msg - 1);
    err->msg[sizeof err->msg - 1] = '\0';
  }
  return code;
}

static int vecpush(Vec *v, uint32_t x) {
  if (v->n == v->cap) {
    size_t ncap = v->cap ? v->cap * 2 : 16;
    uint32_t *nv = (uint32_t *)realloc(v->v, ncap * sizeof(uint32_t));
    if (nv == NULL) return 0;
    v->v = nv;
    v->cap = ncap;
  }
  v->v[v->n++] = x;
  return 1;
}

trawl_phase *trawl_phase_new(trawl_error *err) {
  trawl_phase *ph = (trawl_phase *)calloc(1, sizeof *ph);
  if (ph == NULL) seterr(err, TRAWL_ENOMEM, "not enough memory");
  return ph;
}

static void dropindex(trawl_phase *ph) {
  int k;
  free(ph->first.slots);
  memset(&ph->first, 0, sizeof(WordIdx));
  for (k = 0; k < TRAWL_NKINDS; k++) {
    free(ph->second[k].slots);
    memset(&ph->second[k], 0, sizeof(WordIdx));
  }
  free(ph->links);
  free(ph->classes);
  for (k = 0; k < TRAWL_NKINDS; k++) {
    free(ph->bykind[k].v);
    memset(&ph->bykind[k], 0, sizeof(Vec));
  }
  for (k = 0; k < 16; k++) {
    free(ph->byflag[k].v);
    memset(&ph->byflag[k], 0, sizeof(Vec));
  }
  ph->flagmask = 0;
  free(ph->always.v);
  memset(&ph->always, 0, sizeof(Vec));
  ph->links = NULL;
  ph->classes = NULL;
  ph->nlinks = ph->caplinks = 0;
  ph->nclasses = ph->capclasses = 0;
  ph->built = 0;
}

void trawl_phase_free(trawl_phase *ph) {
  if (ph == NULL) return;
  dropindex(ph);
  free(ph->pats);
  free(ph->stats);
  free(ph->stamp);
  free(ph->next);
  free(ph->req);
  free(ph->hashes);
  free(ph->cand.v);
  free(ph->trig);
  free(ph);
}

int trawl_phase_add(trawl_phase *ph, const trawl_pattern *p, int rule,
                    trawl_error *err) {
  if (p == NULL) return seterr(err, TRAWL_EARG, "no pattern");
  if (ph->n == ph->cap) {
    size_t ncap = ph->cap ? ph->cap * 2 : 16;
    Pat *np = (Pat *)realloc(ph->pats, ncap * sizeof(Pat));
    trawl_rule_stats *ns;
    if (np == NULL) return seterr(err, TRAWL_ENOMEM, "not enough memory");
    ph->pats = np;
    ns = (trawl_rule_stats *)realloc(ph->stats, ncap * sizeof *ns);
    if (ns == NULL) return seterr(err, TRAWL_ENOMEM, "not enough memory");
    ph->stats = ns;
    ph->cap = ncap;
  }
  ph->pats[ph->n].p = p;
  ph->pats[ph->n].rule = rule;
  memset(&ph->stats[ph->n], 0, sizeof(trawl_rule_stats));
  ph->stats[ph->n].rule = rule;
  ph->n++;
  ph->built = 0;
  return TRAWL_OK;
}

size_t trawl_phase_count(const trawl_phase *ph) {
  return ph->n;
}

const trawl_rule_stats *trawl_phase_stats(const trawl_phase *ph, size_t k) {
  return k < ph->n ? &ph->stats[k] : NULL;
}

void trawl_phase_reset_stats(trawl_phase *ph) {
  size_t k;
  for (k = 0; k < ph->n; k++) {
    int rule = ph->stats[k].rule;
    memset(&ph->stats[k], 0, sizeof(trawl_rule_stats));
    ph->stats[k].rule = rule;
  }
}

/* ------------------------------------------------------------------ */
/* the index */

static WordKey *findword(const WordIdx *ix, const char *s, uint32_t len,
                         uint32_t hash) {
  size_t mask = ix->nslots - 1, i = hash & mask;
  for (;; i = (i + 1) & mask) {
    WordKey *w = &ix->slots[i];
    if (w->s == NULL) return w;
    if (w->hash == hash && w->len == len && memcmp(w->s, s, len) == 0)
      return w;
  }
}

/* the patterns listed under a token's folded form, or -1 */
static int32_t lookup(const WordIdx *ix, const trawl_tokens *t, size_t pos,
                      const uint32_t *hashes) {
  const WordKey *w;
  if (ix->used == 0) return -1;
  w = findword(ix, t->folds + t->tok[pos].fold, t->tok[pos].foldlen,
               hashes[pos]);
  return w->s ? w->head : -1;
}

static int growidx(WordIdx *ix) {
  size_t n = ix->nslots ? ix->nslots * 2 : 64, i;
  WordIdx bigger;
  bigger.slots = (WordKey *)calloc(n, sizeof(WordKey));
  if (bigger.slots == NULL) return 0;
  bigger.nslots = n;
  bigger.used = ix->used;
  for (i = 0; i < ix->nslots; i++) {
    const WordKey *w = &ix->slots[i];
    if (w->s != NULL) *findword(&bigger, w->s, w->len, w->hash) = *w;
  }
  free(ix->slots);
  *ix = bigger;
  return 1;
}

static int addword(trawl_phase *ph, WordIdx *ix, const char *s, uint32_t len,
                   uint32_t rule) {
  uint32_t h = trawl_hash(s, len);
  WordKey *w;
  if (2 * (ix->used + 1) > ix->nslots && !growidx(ix)) return 0;
  w = findword(ix, s, len, h);
  if (w->s == NULL) {
    w->s = s;
    w->len = len;
    w->hash = h;
    w->head = -1;
    ix->used++;
  }
  if (w->head >= 0 && ph->links[w->head].rule == rule) return 1;
  if (ph->nlinks == ph->caplinks) {
    size_t ncap = ph->caplinks ? ph->caplinks * 2 : 64;
    Link *nl = (Link *)realloc(ph->links, ncap * sizeof(Link));
    if (nl == NULL) return 0;
    ph->links = nl;
    ph->caplinks = ncap;
  }
  ph->links[ph->nlinks].rule = rule;
  ph->links[ph->nlinks].next = w->head;
  w->head = (int32_t)ph->nlinks++;
  return 1;
}

/* list pattern k under every word test t accepts */
static int addtest(trawl_phase *ph, WordIdx *ix, const trawl_pattern *p,
                   const TokTest *t, uint32_t k) {
  uint32_t j;
  if (t->lit >= 0 && !addword(ph, ix, p->strings + t->lit, t->litlen, k))
    return 0;
  if (t->set >= 0) {
    const WordSet *ws = &p->sets[t->set];
    for (j = 0; j < ws->n; j++)
      if (!addword(ph, ix, p->strings + ws->off[j], ws->len[j], k)) return 0;
  }
  return 1;
}

static int indexpattern(trawl_phase *ph, uint32_t k) {
  const trawl_pattern *p = ph->pats[k].p;
  uint32_t i;
  int kind;
  /* starting with a kind and then a word: listed under that word */
  int bysecond = p->second_test >= 0 && p->nstart_tests == 0 &&
                 p->nstart_classes == 0;
  if (p->start_any) return vecpush(&ph->always, k);
  for (i = 0; i < p->nstart_tests; i++)
    if (!addtest(ph, &ph->first, p, &p->tests[p->start_tests[i]], k))
      return 0;
  for (kind = 0; kind < TRAWL_NKINDS; kind++) {
    if (!(p->start_kinds & (1u << kind))) continue;
    if (bysecond) {
      if (!addtest(ph, &ph->second[kind], p, &p->tests[p->second_test], k))
        return 0;
    } else if (!vecpush(&ph->bykind[kind], k)) {
      return 0;
    }
  }
  for (i = 0; i < 16; i++) {
    if (!(p->start_flags & (1u << i))) continue;
    if (!vecpush(&ph->byflag[i], k)) return 0;
    ph->flagmask |= 1u << i;
  }
  for (i = 0; i < p->nstart_classes; i++) {
    if (ph->nclasses == ph->capclasses) {
      size_t ncap = ph->capclasses ? ph->capclasses * 2 : 16;
      ClassStart *nc = (ClassStart *)realloc(ph->classes, ncap * sizeof *nc);
      if (nc == NULL) return 0;
      ph->classes = nc;
      ph->capclasses = ncap;
    }
    ph->classes[ph->nclasses].cls = p->start_classes[i];
    ph->classes[ph->nclasses].rule = k;
    ph->nclasses++;
  }
  return 1;
}

static int buildindex(trawl_phase *ph) {
  uint32_t k;
  dropindex(ph);
  for (k = 0; k < ph->n; k++)
    if (!indexpattern(ph, k)) return 0;
  free(ph->stamp);
  free(ph->next);
  free(ph->req);
  ph->stamp = (uint32_t *)malloc(sizeof(uint32_t) * (ph->n ? ph->n : 1));
  ph->next = (uint32_t *)malloc(sizeof(uint32_t) * (ph->n ? ph->n : 1));
  ph->req = (uint32_t *)malloc(sizeof(uint32_t) * (ph->n ? ph->n : 1));
  if (ph->stamp == NULL || ph->next == NULL || ph->req == NULL) return 0;
  ph->built = 1;
  return 1;
}

/* ------------------------------------------------------------------ */
/* running */

static int cmptrig(const void *a, const void *b) {
  const uint32_t *x = (const uint32_t *)a, *y = (const uint32_t *)b;
  if (x[0] != y[0]) return x[0] < y[0] ? -1 : 1;
  return x[1] < y[1] ? -1 : x[1] > y[1];
}

/* (token, pattern) pairs: patterns that start with a span atom, at the
** tokens where a span of that class starts, sorted by token */
static int triggers(trawl_phase *ph, trawl_store *st) {
  size_t j;
  ph->ntrig = 0;
  if (ph->nclasses == 0 || st == NULL) return 1;
  for (j = 0; j < ph->nclasses; j++) {
    size_t first, count, k;
    /* every span of the class: walk the class's run in the start index */
    trawl_store_at(st, ph->classes[j].cls, 0, 0, &first, &count);
    (void)count;
    for (k = first; k < trawl_store_size(st); k++) {
      const StoredSpan *sp = trawl_store_get(st, 0, k);
      if (sp->cls != ph->classes[j].cls) break;
      if (ph->ntrig == ph->captrig) {
        size_t ncap = ph->captrig ? ph->captrig * 2 : 64;
        void *nt = realloc(ph->trig, ncap * sizeof *ph->trig);
        if (nt == NULL) return 0;
        ph->trig = nt;
        ph->captrig = ncap;
      }
      ph->trig[ph->ntrig].tok = sp->start;
      ph->trig[ph->ntrig].rule = ph->classes[j].rule;
      ph->ntrig++;
    }
  }
  if (ph->ntrig > 1) qsort(ph->trig, ph->ntrig, sizeof *ph->trig, cmptrig);
  return 1;
}

static int hashtokens(trawl_phase *ph, const trawl_tokens *t) {
  size_t i;
  if (t->n > ph->caphashes) {
    uint32_t *nh = (uint32_t *)realloc(ph->hashes, sizeof(uint32_t) * t->n);
    if (nh == NULL) return 0;
    ph->hashes = nh;
    ph->caphashes = t->n;
  }
  for (i = 0; i < t->n; i++)
    ph->hashes[i] = trawl_hash(t->folds + t->tok[i].fold, t->tok[i].foldlen);
  return 1;
}

static int addcand(trawl_phase *ph, uint32_t k, uint32_t pos) {
  if (ph->stamp[k] == pos + 1) return 1;   /* already a candidate here */
  ph->stamp[k] = pos + 1;
  return vecpush(&ph->cand, k);
}

/* the index of the lowest bit set in f, f != 0 */
static int lowbit(uint32_t f) {
  int i = 0;
  while (!(f & 1u)) {
    f >>= 1;
    i++;
  }
  return i;
}

/* patterns that can start at token pos, in the order they were added */
static int candidates(trawl_phase *ph, const trawl_tokens *t, uint32_t pos,
                      size_t *trig) {
  const trawl_token *tok = &t->tok[pos];
  const Vec *kv = &ph->bykind[tok->kind];
  uint32_t f;
  size_t i;
  int32_t l;
  ph->cand.n = 0;
  for (l = lookup(&ph->first, t, pos, ph->hashes); l >= 0;
       l = ph->links[l].next)
    if (!addcand(ph, ph->links[l].rule, pos)) return 0;
  if (pos + 1 < t->n)
    for (l = lookup(&ph->second[tok->kind], t, pos + 1, ph->hashes); l >= 0;
         l = ph->links[l].next)
      if (!addcand(ph, ph->links[l].rule, pos)) return 0;
  for (i = 0; i < kv->n; i++)
    if (!addcand(ph, kv->v[i], pos)) return 0;
  for (f = tok->flags & ph->flagmask; f != 0; f &= f - 1) {
    const Vec *fv = &ph->byflag[lowbit(f)];
    for (i = 0; i < fv->n; i++)
      if (!addcand(ph, fv->v[i], pos)) return 0;
  }
  for (i = 0; i < ph->always.n; i++)
    if (!addcand(ph, ph->always.v[i], pos)) return 0;
  while (*trig < ph->ntrig && ph->trig[*trig].tok < pos) (*trig)++;
  for (; *trig < ph->ntrig && ph->trig[*trig].tok == pos; (*trig)++)
    if (!addcand(ph, ph->trig[*trig].rule, pos)) return 0;
  /* insertion sort: few candidates, and the order must not depend on how
  ** they were found */
  for (i = 1; i < ph->cand.n; i++) {
    uint32_t x = ph->cand.v[i];
    size_t j = i;
    for (; j > 0 && ph->cand.v[j - 1] > x; j--) ph->cand.v[j] = ph->cand.v[j - 1];
    ph->cand.v[j] = x;
  }
  return 1;
}

static uint64_t nanos(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* does token pos pass word test tt (a literal or a word set)? */
static int wordtest(const trawl_pattern *p, const TokTest *tt,
                    const trawl_tokens *t, size_t pos, const uint32_t *hashes) {
  const trawl_token *tok = &t->tok[pos];
  const char *f = t->folds + tok->fold;
  if (tt->lit >= 0)
    return tok->foldlen == tt->litlen &&
           memcmp(f, p->strings + tt->lit, tt->litlen) == 0;
  return trawl_wordset_has(&p->sets[tt->set], p->strings, f, tok->foldlen,
                           hashes[pos]);
}

/* can pattern k match at pos, judging by its required atom? The next
** place the atom occurs is kept per pattern, so the text is read once. */
static int reachable(trawl_phase *ph, uint32_t k, const trawl_tokens *t,
                     trawl_store *st, uint32_t pos) {
  const trawl_pattern *p = ph->pats[k].p;
  uint32_t q = ph->req[k];
  if (p->req_test < 0 && p->req_class < 0) return 1;
  if (q == UINT32_MAX - 1 || q < pos) {   /* not looked for from here yet */
    if (p->req_class >= 0) {
      q = trawl_store_next(st, p->req_class, pos);
    } else {
      const TokTest *tt = &p->tests[p->req_test];
      for (q = pos; q < t->n && !wordtest(p, tt, t, q, ph->hashes); q++) {}
      if (q >= t->n) q = UINT32_MAX;
    }
    ph->req[k] = q;
  }
  return q != UINT32_MAX && q - pos <= p->req_dist;
}

/* try pattern k at pos; returns nonzero to stop the run */
static int try(trawl_phase *ph, trawl_vm *vm, const trawl_tokens *t,
               trawl_store *st, unsigned flags, const trawl_phase_cbs *cbs,
               uint32_t k, uint32_t pos) {
  trawl_rule_stats *s = &ph->stats[k];
  trawl_match m;
  trawl_error err;
  uint64_t t0 = 0;
  int r;
  if (!(flags & TRAWL_PH_ALLSTARTS) && pos < ph->next[k]) return 0;
  if (!reachable(ph, k, t, st, pos)) return 0;
  if (flags & TRAWL_PH_PROFILE) t0 = nanos();
  err.code = TRAWL_OK;
  r = trawl_vm_exec(ph->pats[k].p, vm, t, st, pos, &m, &err);
  s->tries++;
  s->steps += vm->steps;
  if (flags & TRAWL_PH_PROFILE) s->nanos += nanos() - t0;
  if (r < 0) {
    if (cbs->error) cbs->error(cbs->ud, ph->pats[k].rule, pos, &err);
    return r == TRAWL_ENOMEM ? r : 0;
  }
  if (r == 0 || m.groups[0].end == m.groups[0].start) return 0;
  /* with every start tried, "New York Times said" would come again as
  ** "York Times said" and "Times said": a match that ends where this
  ** pattern's previous match ends lies inside it, and is not reported */
  if ((flags & TRAWL_PH_ALLSTARTS) && ph->next[k] == m.groups[0].end)
    return 0;
  s->matches++;
  ph->next[k] = m.groups[0].end;
  return cbs->match ? cbs->match(cbs->ud, ph->pats[k].rule, &m) : 0;
}

int trawl_phase_run(trawl_phase *ph, trawl_vm *vm, const trawl_tokens *t,
                    trawl_store *st, unsigned flags,
                    const trawl_phase_cbs *cbs) {
  uint32_t pos;
  size_t i, trig = 0;
  int rc = TRAWL_OK;
  if (!ph->built && !buildindex(ph)) return TRAWL_ENOMEM;
  if (!hashtokens(ph, t) || !triggers(ph, st)) return TRAWL_ENOMEM;
  for (i = 0; i < ph->n; i++) {
    ph->stamp[i] = ph->next[i] = 0;
    ph->req[i] = UINT32_MAX - 1;   /* not looked for yet */
  }
  vm->hashes = ph->hashes;
  trawl_vm_forget(vm);   /* a new document, or new spans in the store */
  for (pos = 0; pos < t->n && rc == TRAWL_OK; pos++) {
    if (!candidates(ph, t, pos, &trig)) {
      rc = TRAWL_ENOMEM;
      break;
    }
    for (i = 0; i < ph->cand.n && rc == TRAWL_OK; i++)
      rc = try(ph, vm, t, st, flags, cbs, ph->cand.v[i], pos);
  }
  vm->hashes = NULL;
  return rc;
}
