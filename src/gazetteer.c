/* gazetteer.c - phrase lists matched over tokens with a trie of folds. */

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "tlimits.h"
#include "trawl.h"

#define GZ_ALLFLAGS TRAWL_GZ_NOACCENTS

/* what NOACCENTS keys go through: canonical decomposition, combining marks
** dropped, and case folding, so that a key is folded whatever a
** decomposition gives (on folds it changes nothing) */
#define STRIPOPTS (UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD)

/* room for what one code point becomes under STRIPOPTS: case folding gives
** at most 3 code points, each decomposing to at most 4 */
#define STRIPMAX 16

#define NONE UINT32_MAX

/* An edge of a trie: from node parent, on a token whose key is
** arena[str, str + len), to node child. Edges live in an open-addressing
** table; child 0 marks a free slot, since the root (0) is no one's child. */
typedef struct Edge {
  uint32_t hash; /* of (parent, key), so probes rarely compare bytes */
  uint32_t parent, child;
  uint32_t str, len;
} Edge;

/* the end of a phrase at a node, for one list; chained per node */
typedef struct Term {
  uint32_t list; /* index in g->list */
  int entry;
  uint32_t next; /* 1 + index of the next Term at the same node, or 0 */
} Term;

typedef struct List {
  int id;         /* the caller's number */
  unsigned flags; /* decided by its first add */
} List;

typedef struct Trie {
  Edge *edge;
  size_t edgecap, nedge; /* edgecap is 0 or a power of two */
  uint32_t *term;        /* per node: 1 + index of its first Term, or 0 */
  size_t nodecap, nnode;
} Trie;

/* a growing byte buffer */
typedef struct Buf {
  char *s;
  size_t n, cap;
} Buf;

struct trawl_gazetteer {
  Trie trie[2]; /* [0]: keys are folds; [1]: folds without diacritics */
  Buf arena;    /* the key bytes of every edge of both tries */
  Buf tmp;      /* the stripped key of a phrase token being added */
  Term *term;
  size_t nterm, termcap;
  List *list;
  size_t nlist, listcap;
  uint32_t *listix; /* hash of list ids: 1 + index in list, or 0 */
  size_t listixcap; /* 0 or a power of two */
  size_t size;      /* successful adds */
};

/* fill err when there is one; returns code, for `return seterr(...)` */
static int seterr(trawl_error *err, int code, const char *fmt, ...) {
  va_list ap;
  if (err == NULL) return code;
  err->code = code;
  err->offset = 0;
  va_start(ap, fmt);
  vsnprintf(err->msg, sizeof err->msg, fmt, ap);
  va_end(ap);
  return code;
}

/* ------------------------------------------------------------------ */
/* memory */

/* p regrown, by doubling, to hold at least need elements of size sz; NULL
** on overflow or failure, with p still valid and *cap unchanged. A NULL p
** is always allocated, so that room for nothing is still a pointer. */
static void *reserve(void *p, size_t *cap, size_t need, size_t sz) {
  size_t ncap = *cap ? *cap : 16;
  void *np;
  if (need <= *cap && p != NULL) return p;
  while (ncap < need) {
    if (ncap > SIZE_MAX / 2) return NULL;
    ncap *= 2;
  }
  if (ncap > SIZE_MAX / sz) return NULL;
  np = realloc(p, ncap * sz);
  if (np != NULL) *cap = ncap;
  return np;
}

/* make room for more bytes at the end of b */
static int bufroom(Buf *b, size_t more) {
  char *s;
  if (more > SIZE_MAX - b->n) return 0;
  s = reserve(b->s, &b->cap, b->n + more, 1);
  if (s == NULL) return 0;
  b->s = s;
  return 1;
}

/* ------------------------------------------------------------------ */
/* keys */

/* FNV-1a over the bytes, seeded with the parent and finished with a
** MurmurHash3 mix, so that the low bits that pick a slot are good ones */
static uint32_t keyhash(uint32_t parent, const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  uint64_t h =
      14695981039346656037u ^ ((uint64_t)parent * 0x9E3779B97F4A7C15u);
  while (n-- > 0)
    h = (h ^ *p++) * 1099511628211u;
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDu;
  h ^= h >> 33;
  return (uint32_t)h;
}

/* Append the code point at u[0..n) (n > 0, u[0] not ASCII) to b without
** diacritics, b having room for it; returns its length in u. */
static size_t stripcp(Buf *b, const unsigned char *u, size_t n) {
  utf8proc_int32_t c, cps[STRIPMAX];
  utf8proc_ssize_t k, m, i;
  int bc = 0;
  k = utf8proc_iterate(u, (utf8proc_ssize_t)(n < 4 ? n : 4), &c);
  if (k <= 0) { /* not in a fold; the byte is kept, to stay total */
    b->s[b->n++] = (char)u[0];
    return 1;
  }
  m = utf8proc_decompose_char(c, cps, STRIPMAX, STRIPOPTS, &bc);
  if (m < 0 || m > STRIPMAX) { /* cannot happen; keep the code point */
    cps[0] = c;
    m = 1;
  }
  for (i = 0; i < m; i++)
    b->n +=
        (size_t)utf8proc_encode_char(cps[i], (utf8proc_uint8_t *)b->s + b->n);
  return (size_t)k;
}

/* Append s[0..n) to b without diacritics. The input is a fold, so valid
** UTF-8; runs of ASCII are copied as they are, the rest goes through
** utf8proc a code point at a time, which needs no allocation. */
static int strip(Buf *b, const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  size_t p = 0, q;
  while (p < n) {
    for (q = p; q < n && u[q] < 0x80; q++) {}
    if (!bufroom(b, q - p + 4 * STRIPMAX)) return 0;
    memcpy(b->s + b->n, u + p, q - p);
    b->n += q - p;
    if (q < n) q += stripcp(b, u + q, n - q);
    p = q;
  }
  return 1;
}

/* Where to read the key of token j from, for one of the two tries: the
** tokens' own folds, or the per-call stripped copies of them. */
typedef struct Keys {
  const trawl_tokens *t;
  const char *base;  /* the stripped bytes */
  const size_t *end; /* NULL for the folds, or: stripped key j is
                        base[end[j - 1] (or 0), end[j]) */
} Keys;

static const char *key(const Keys *k, size_t j, size_t *len) {
  size_t from;
  if (k->end == NULL) {
    *len = k->t->tok[j].foldlen;
    return k->t->folds + k->t->tok[j].fold;
  }
  from = j > 0 ? k->end[j - 1] : 0;
  *len = k->end[j] - from;
  return k->base + from;
}

/* ------------------------------------------------------------------ */
/* tries */

/* the slot of edge (parent, s[0..n)) with hash h, or of the free slot
** where it would go; the table is never more than half full */
static size_t slot(const Trie *tr, const char *arena, uint32_t parent,
                   const char *s, size_t n, uint32_t h) {
  size_t mask = tr->edgecap - 1, i = h & mask;
  for (;; i = (i + 1) & mask) {
    const Edge *e = &tr->edge[i];
    if (e->child == 0) return i;
    if (e->hash == h && e->parent == parent && e->len == n &&
        (n == 0 || memcmp(arena + e->str, s, n) == 0))
      return i;
  }
}

/* the child of parent on key s[0..n), or 0 */
static uint32_t child(const Trie *tr, const char *arena, uint32_t parent,
                      const char *s, size_t n) {
  if (tr->nedge == 0) return 0;
  return tr->edge[slot(tr, arena, parent, s, n, keyhash(parent, s, n))].child;
}

/* double the edge table (or make the first one); entries keep their
** hashes, so the move never reads the arena */
static int rehash(Trie *tr) {
  size_t ncap = tr->edgecap ? tr->edgecap * 2 : 64, i;
  Edge *ne;
  if (tr->edgecap > SIZE_MAX / 2 / sizeof(Edge)) return 0;
  ne = calloc(ncap, sizeof(Edge));
  if (ne == NULL) return 0;
  for (i = 0; i < tr->edgecap; i++) {
    const Edge *e = &tr->edge[i];
    size_t j = e->hash & (ncap - 1);
    if (e->child == 0) continue;
    while (ne[j].child != 0)
      j = (j + 1) & (ncap - 1);
    ne[j] = *e;
  }
  free(tr->edge);
  tr->edge = ne;
  tr->edgecap = ncap;
  return 1;
}

/* a new node, with no terminals; NONE when out of memory or of ids */
static uint32_t newnode(Trie *tr) {
  uint32_t *nt;
  if (tr->nnode >= NONE) return NONE;
  nt = reserve(tr->term, &tr->nodecap, tr->nnode + 1, sizeof(uint32_t));
  if (nt == NULL) return NONE;
  tr->term = nt;
  tr->term[tr->nnode] = 0;
  return (uint32_t)tr->nnode++;
}

/* The child of parent on key s[0..n), made when missing. Every allocation
** comes before the table is touched, so a failure leaves the trie whole
** (at worst with an unused node). Returns 0 when out of memory. */
static uint32_t descend(trawl_gazetteer *g, Trie *tr, uint32_t parent,
                        const char *s, size_t n) {
  uint32_t h = keyhash(parent, s, n), c;
  size_t i;
  Edge *e;
  if ((tr->nedge + 1) * 2 > tr->edgecap && !rehash(tr)) return 0;
  i = slot(tr, g->arena.s, parent, s, n, h);
  if (tr->edge[i].child != 0) return tr->edge[i].child;
  if (g->arena.n + n > UINT32_MAX || !bufroom(&g->arena, n)) return 0;
  if ((c = newnode(tr)) == NONE) return 0;
  if (n > 0) memcpy(g->arena.s + g->arena.n, s, n);
  e = &tr->edge[i];
  e->hash = h;
  e->parent = parent;
  e->child = c;
  e->str = (uint32_t)g->arena.n;
  e->len = (uint32_t)n;
  g->arena.n += n;
  tr->nedge++;
  return c;
}

/* the node at the end of the phrase's path in trie which, made as needed;
** 0 when out of memory */
static uint32_t insert(trawl_gazetteer *g, int which, const trawl_tokens *t) {
  Trie *tr = &g->trie[which];
  Keys k = {t, NULL, NULL};
  uint32_t node = 0;
  size_t j, n;
  for (j = 0; j < t->n; j++) {
    const char *s = key(&k, j, &n);
    if (which == 1) { /* the stripped key, kept only until it is copied */
      g->tmp.n = 0;
      if (!strip(&g->tmp, s, n)) return 0;
      s = g->tmp.s;
      n = g->tmp.n;
    }
    if ((node = descend(g, tr, node, s, n)) == 0) return 0;
  }
  return node;
}

/* ------------------------------------------------------------------ */
/* lists and terminals */

static size_t listslot(const trawl_gazetteer *g, int id) {
  size_t mask = g->listixcap - 1;
  size_t i = ((uint32_t)id * 2654435761u) & mask;
  while (g->listix[i] != 0 && g->list[g->listix[i] - 1].id != id)
    i = (i + 1) & mask;
  return i;
}

/* index of list id in g->list, or -1 */
static long findlist(const trawl_gazetteer *g, int id) {
  uint32_t x;
  if (g->listixcap == 0) return -1;
  x = g->listix[listslot(g, id)];
  return x ? (long)x - 1 : -1;
}

/* double the list hash (or make the first one) */
static int relist(trawl_gazetteer *g) {
  size_t ncap = g->listixcap ? g->listixcap * 2 : 16, i;
  uint32_t *nx;
  if (g->listixcap > SIZE_MAX / 2 / sizeof(uint32_t)) return 0;
  nx = calloc(ncap, sizeof(uint32_t));
  if (nx == NULL) return 0;
  free(g->listix);
  g->listix = nx;
  g->listixcap = ncap;
  for (i = 0; i < g->nlist; i++)
    g->listix[listslot(g, g->list[i].id)] = (uint32_t)i + 1;
  return 1;
}

/* register a new list; its index, or -1 when out of memory */
static long newlist(trawl_gazetteer *g, int id, unsigned flags) {
  List *nl;
  if (g->nlist >= NONE - 1) return -1;
  if ((g->nlist + 1) * 2 > g->listixcap && !relist(g)) return -1;
  nl = reserve(g->list, &g->listcap, g->nlist + 1, sizeof(List));
  if (nl == NULL) return -1;
  g->list = nl;
  g->list[g->nlist].id = id;
  g->list[g->nlist].flags = flags;
  g->listix[listslot(g, id)] = (uint32_t)g->nlist + 1;
  return (long)g->nlist++;
}

/* Record that entry of list ends at node. The room is reserved by the
** caller. A phrase already in the list keeps its first entry. */
static void addterm(trawl_gazetteer *g, Trie *tr, uint32_t node, long list,
                    int entry) {
  uint32_t x;
  Term *tm;
  for (x = tr->term[node]; x != 0; x = g->term[x - 1].next)
    if (g->term[x - 1].list == (uint32_t)list) return;
  tm = &g->term[g->nterm];
  tm->list = (uint32_t)list;
  tm->entry = entry;
  tm->next = tr->term[node];
  tr->term[node] = (uint32_t)++g->nterm;
}

/* ------------------------------------------------------------------ */
/* the API: building */

trawl_gazetteer *trawl_gazetteer_new(trawl_error *err) {
  trawl_gazetteer *g = calloc(1, sizeof *g);
  /* the roots, node 0 of each trie */
  if (g == NULL || newnode(&g->trie[0]) == NONE ||
      newnode(&g->trie[1]) == NONE) {
    trawl_gazetteer_free(g);
    seterr(err, TRAWL_ENOMEM, "out of memory making a gazetteer");
    return NULL;
  }
  return g;
}

void trawl_gazetteer_free(trawl_gazetteer *g) {
  int i;
  if (g == NULL) return;
  for (i = 0; i < 2; i++) {
    free(g->trie[i].edge);
    free(g->trie[i].term);
  }
  free(g->arena.s);
  free(g->tmp.s);
  free(g->term);
  free(g->list);
  free(g->listix);
  free(g);
}

/* the checks of trawl_gazetteer_add that need no tokens; the length is
** checked before the phrase is read */
static int badargs(const trawl_gazetteer *g, int list, int entry,
                   const char *phrase, size_t len, unsigned flags,
                   trawl_error *err) {
  if (g == NULL) return seterr(err, TRAWL_EARG, "NULL gazetteer");
  if (list < 0 || entry < 0)
    return seterr(err, TRAWL_EARG, "negative list %d or entry %d", list,
                  entry);
  if (flags & ~GZ_ALLFLAGS)
    return seterr(err, TRAWL_EARG, "unknown gazetteer flags 0x%x", flags);
  if (phrase == NULL && len > 0) return seterr(err, TRAWL_EARG, "NULL phrase");
  if (len > TRAWL_MAX_DOC)
    return seterr(err, TRAWL_EARG, "phrase of %zu bytes is too long", len);
  return TRAWL_OK;
}

/* put the phrase's tokens in its list's trie and the entry at the end */
static int addtokens(trawl_gazetteer *g, int list, long ix, int entry,
                     const trawl_tokens *t, unsigned flags, trawl_error *err) {
  int which = (flags & TRAWL_GZ_NOACCENTS) ? 1 : 0;
  uint32_t node;
  Term *nt;
  if (t->n == 0) return seterr(err, TRAWL_EARG, "phrase has no tokens");
  if ((node = insert(g, which, t)) == 0) goto nomem;
  /* room for the Term first, so that a new list is only registered
  ** when its phrase is sure to be added */
  nt = reserve(g->term, &g->termcap, g->nterm + 1, sizeof(Term));
  if (nt == NULL || g->nterm >= NONE - 1) goto nomem;
  g->term = nt;
  if (ix < 0 && (ix = newlist(g, list, flags)) < 0) goto nomem;
  addterm(g, &g->trie[which], node, ix, entry);
  g->size++;
  return TRAWL_OK;
nomem:
  return seterr(err, TRAWL_ENOMEM, "out of memory adding to a gazetteer");
}

int trawl_gazetteer_add(trawl_gazetteer *g, int list, int entry,
                        const char *phrase, size_t len, unsigned flags,
                        trawl_error *err) {
  trawl_error e;
  trawl_tokens *t;
  long ix;
  int rc = badargs(g, list, entry, phrase, len, flags, err);
  if (rc != TRAWL_OK) return rc;
  ix = findlist(g, list);
  if (ix >= 0 && g->list[ix].flags != flags)
    return seterr(err, TRAWL_EARG,
                  "list %d has flags 0x%x from its first add, not 0x%x", list,
                  g->list[ix].flags, flags);
  if ((t = trawl_tokenize(phrase, len, &e)) == NULL) {
    if (err != NULL) *err = e;
    return e.code;
  }
  rc = addtokens(g, list, ix, entry, t, flags, err);
  trawl_tokens_free(t);
  return rc;
}

size_t trawl_gazetteer_size(const trawl_gazetteer *g) {
  return g != NULL ? g->size : 0;
}

/* ------------------------------------------------------------------ */
/* the API: matching */

/* the longest phrase so far of one list at the current start */
typedef struct Hit {
  int list, entry;
  uint32_t end; /* token index after the phrase */
  uint32_t ix;  /* index of the list in g->list */
} Hit;

/* the state of one match call */
typedef struct Match {
  const trawl_gazetteer *g;
  uint32_t *at; /* per list: its index in hit, or NONE */
  Hit *hit;
  size_t nhit;
  Buf bare;    /* the stripped keys of the document, when needed */
  size_t *end; /* ends of each token's stripped key in bare */
} Match;

/* keep the deeper of the terminals of one list: the longer phrase */
static void record(Match *m, const Term *tm, size_t end) {
  Hit *h;
  if (m->at[tm->list] == NONE) {
    m->at[tm->list] = (uint32_t)m->nhit;
    h = &m->hit[m->nhit++];
    h->list = m->g->list[tm->list].id;
    h->ix = tm->list;
  } else
    h = &m->hit[m->at[tm->list]];
  h->entry = tm->entry;
  h->end = (uint32_t)end;
}

/* follow the trie from token i as far as the document goes along */
static void walk(Match *m, const Trie *tr, const Keys *k, size_t i) {
  const trawl_gazetteer *g = m->g;
  uint32_t node = 0, x;
  size_t j, n;
  for (j = i; j < k->t->n; j++) {
    const char *s = key(k, j, &n);
    if ((node = child(tr, g->arena.s, node, s, n)) == 0) return;
    for (x = tr->term[node]; x != 0; x = g->term[x - 1].next)
      record(m, &g->term[x - 1], j + 1);
  }
}

/* qsort order of hits: the callback sees lists in ascending order */
static int bylist(const void *a, const void *b) {
  int x = ((const Hit *)a)->list, y = ((const Hit *)b)->list;
  return (x > y) - (x < y);
}

/* report the hits of start i by ascending list, and clear them */
static int report(Match *m, size_t i, trawl_gazetteer_cb cb, void *ud) {
  size_t h;
  int rc = 0;
  if (m->nhit > 1) qsort(m->hit, m->nhit, sizeof(Hit), bylist);
  for (h = 0; h < m->nhit; h++) {
    m->at[m->hit[h].ix] = NONE;
    if (rc == 0)
      rc = cb(m->hit[h].list, m->hit[h].entry, (uint32_t)i, m->hit[h].end, ud);
  }
  m->nhit = 0;
  return rc;
}

/* the stripped key of every token, for the NOACCENTS trie */
static int stripall(Match *m, const trawl_tokens *t) {
  size_t j, n;
  Keys k = {t, NULL, NULL};
  if (t->n > SIZE_MAX / sizeof(size_t)) return 0;
  if ((m->end = malloc(t->n * sizeof(size_t))) == NULL) return 0;
  if (!bufroom(&m->bare, t->foldsize + 1)) return 0; /* the usual size */
  for (j = 0; j < t->n; j++) {
    const char *s = key(&k, j, &n);
    if (!strip(&m->bare, s, n)) return 0;
    m->end[j] = m->bare.n;
  }
  return 1;
}

/* the per-call state: all of it is the call's own, so that a gazetteer
** is read-only while matching */
static int setup(Match *m, const trawl_gazetteer *g, const trawl_tokens *t) {
  size_t i;
  memset(m, 0, sizeof *m);
  m->g = g;
  if (g->nlist > SIZE_MAX / sizeof(Hit)) return 0;
  m->at = malloc(g->nlist * sizeof(uint32_t));
  m->hit = malloc(g->nlist * sizeof(Hit));
  if (m->at == NULL || m->hit == NULL) return 0;
  for (i = 0; i < g->nlist; i++)
    m->at[i] = NONE;
  /* the stripped keys only when a list needs them */
  return g->trie[1].nedge == 0 || stripall(m, t);
}

/* free what setup made, also after a failed setup */
static void cleanup(Match *m) {
  free(m->at);
  free(m->hit);
  free(m->bare.s);
  free(m->end);
}

int trawl_gazetteer_match(const trawl_gazetteer *g, const trawl_tokens *t,
                          trawl_gazetteer_cb cb, void *ud) {
  Match m;
  size_t i;
  int rc = TRAWL_OK;
  if (g == NULL || t == NULL || cb == NULL) return TRAWL_EARG;
  if (g->nlist == 0 || t->n == 0) return TRAWL_OK;
  if (!setup(&m, g, t))
    rc = TRAWL_ENOMEM;
  else {
    Keys plain = {t, NULL, NULL}, bare = {t, m.bare.s, m.end};
    for (i = 0; i < t->n && rc == 0; i++) {
      walk(&m, &g->trie[0], &plain, i);
      if (m.end != NULL) walk(&m, &g->trie[1], &bare, i);
      rc = report(&m, i, cb, ud);
    }
  }
  cleanup(&m);
  return rc;
}
