/*
** vm.c - the token-pattern matching machine: a backtracking interpreter of
** the programs pattern.c compiles, with an explicit stack and a step limit.
*/
#include <stdlib.h>
#include <string.h>

#include "patcode.h"
#include "tlimits.h"
#include "vm.h"

/* backtracking stack entries */
enum { F_BRANCH, F_SLOT, F_SPANALT };

struct Frame {
  uint8_t kind;
  int32_t pc;        /* F_BRANCH, F_SPANALT: where to go on */
  uint32_t pos;      /* F_BRANCH, F_SPANALT: position; F_SLOT: old value */
  uint32_t aux;      /* F_SLOT: slot; F_SPANALT: remaining spans */
  size_t next;       /* F_SPANALT: index of the next span to try */
  size_t trail;      /* trail length to restore */
};
typedef struct Frame Frame;

/*
** A direct-mapped cache of results that depend only on the position: a
** lookaround at a token, a token regex on a token. Patterns re-examine the
** same tokens from many starts ("[cap]+ said" tried at each word of a
** name), and these two are the costly atoms. Entries carry a generation,
** bumped whenever the document or the store changes.
**
** The slot is chosen by position first: each token has a block of
** MEMO_WAYS slots, shared by the lookarounds and regexes tried there, and
** neighbouring tokens have neighbouring blocks. Matching moves left to
** right, so the entries in use stay near each other, and the table is
** small enough to stay in the processor's cache: a hash over a table of
** 1.5 MB made nearly every lookup a cache miss (a third of the matcher's
** time on the default packs).
*/
#define MEMO_BITS 12
#define MEMO_WAYS_BITS 5   /* 32 slots a token; blocks for 128 tokens: 96 KB */

typedef struct Memo {
  const void *what;    /* the pattern */
  int32_t which;       /* lookaround program, or -1 - regex index */
  uint32_t pos, gen;
  int result;
} Memo;

void trawl_vm_forget(trawl_vm *vm) {
  if (++vm->gen == 0) {   /* wrapped: clear, so no stale entry matches */
    if (vm->memo != NULL) memset(vm->memo, 0, sizeof(Memo) << MEMO_BITS);
    vm->gen = 1;
  }
}

static Memo *memo_slot(trawl_vm *vm, const void *what, int32_t which,
                       uint32_t pos) {
  /* (64-bit arithmetic whatever the pointer size: h >> 32 is defined) */
  uint64_t h = (uint64_t)(uintptr_t)what * 31u + (uint64_t)(uint32_t)which * 2654435761u;
  size_t way = (size_t)((h ^ (h >> 16) ^ (h >> 32)) & ((1u << MEMO_WAYS_BITS) - 1));
  size_t block = pos & ((1u << (MEMO_BITS - MEMO_WAYS_BITS)) - 1);
  if (vm->memo == NULL) {
    vm->memo = (Memo *)calloc((size_t)1 << MEMO_BITS, sizeof(Memo));
    if (vm->memo == NULL) return NULL;   /* no cache: compute every time */
  }
  return &vm->memo[(block << MEMO_WAYS_BITS) | way];
}

static int memo_get(const Memo *m, const void *what, int32_t which,
                    uint32_t pos, uint32_t gen) {
  if (m != NULL && m->gen == gen && m->what == what && m->which == which &&
      m->pos == pos)
    return m->result;
  return -1;
}

static void memo_put(Memo *m, const void *what, int32_t which, uint32_t pos,
                     uint32_t gen, int result) {
  if (m == NULL) return;
  m->what = what;
  m->which = which;
  m->pos = pos;
  m->gen = gen;
  m->result = result;
}

trawl_vm *trawl_vm_new(const trawl_limits *lim, trawl_error *err) {
  trawl_vm *vm = (trawl_vm *)calloc(1, sizeof *vm);
  if (vm == NULL) {
    if (err != NULL) {
      err->code = TRAWL_ENOMEM;
      err->offset = 0;
      strcpy(err->msg, "not enough memory");
    }
    return NULL;
  }
  vm->scratch = trawl_scratch_new(lim, err);
  if (vm->scratch == NULL) {
    free(vm);
    return NULL;
  }
  vm->maxsteps = TRAWL_VM_STEPS;
  vm->gen = 1;
  return vm;
}

void trawl_vm_free(trawl_vm *vm) {
  if (vm == NULL) return;
  trawl_scratch_free(vm->scratch);
  free(vm->stack);
  free(vm->slots);
  free(vm->groups);
  free(vm->trail);
  free(vm->memo);
  free(vm);
}

void trawl_vm_progress(const trawl_vm *vm, size_t *tok, size_t *srcpos) {
  *tok = vm->furthest;
  *srcpos = vm->furthest_src;
}

static int nomem(trawl_error *err) {
  if (err != NULL) {
    err->code = TRAWL_ENOMEM;
    strcpy(err->msg, "not enough memory");
  }
  return TRAWL_ENOMEM;
}

static int push(trawl_vm *vm, const Frame *f) {
  if (vm->nstack == vm->capstack) {
    size_t ncap = vm->capstack ? vm->capstack * 2 : 64;
    Frame *ns = (Frame *)realloc(vm->stack, ncap * sizeof(Frame));
    if (ns == NULL) return 0;
    vm->stack = ns;
    vm->capstack = ncap;
  }
  vm->stack[vm->nstack++] = *f;
  return 1;
}

static int pushtrail(trawl_vm *vm, const StoredSpan *sp) {
  trawl_used *u;
  if (vm->ntrail == vm->captrail) {
    size_t ncap = vm->captrail ? vm->captrail * 2 : 16;
    trawl_used *nt = (trawl_used *)realloc(vm->trail, ncap * sizeof *nt);
    if (nt == NULL) return 0;
    vm->trail = nt;
    vm->captrail = ncap;
  }
  u = &vm->trail[vm->ntrail++];
  u->id = sp->id;
  u->cls = sp->cls;
  u->start = sp->start;
  u->end = sp->end;
  return 1;
}

/* does token k pass test tt? 1, 0, or a negative error (token regex) */
static int testone(trawl_vm *vm, const trawl_pattern *p,
                   const trawl_tokens *t, size_t k, const TokTest *tt,
                   trawl_error *err) {
  const trawl_token *tok = &t->tok[k];
  int ok = 1;
  if (tt->kinds && !(tt->kinds & (1u << tok->kind))) ok = 0;
  else if ((tok->flags & tt->on) != tt->on || (tok->flags & tt->off)) ok = 0;
  else if (tt->lit >= 0)
    ok = tok->foldlen == tt->litlen &&
         memcmp(t->folds + tok->fold, p->strings + tt->lit, tt->litlen) == 0;
  if (ok && tt->set >= 0) {
    const char *f = t->folds + tok->fold;
    uint32_t h = vm->hashes ? vm->hashes[k] : trawl_hash(f, tok->foldlen);
    ok = trawl_wordset_has(&p->sets[tt->set], p->strings, f, tok->foldlen, h);
  }
  if (ok && tt->exact >= 0)
    ok = tok->end - tok->start == tt->exactlen &&
         memcmp(t->text + tok->start, p->strings + tt->exact,
                tt->exactlen) == 0;
  if (ok && tt->rx >= 0) {
    Memo *m = memo_slot(vm, p, -1 - tt->rx, (uint32_t)k);
    int rc = memo_get(m, p, -1 - tt->rx, (uint32_t)k, vm->gen);
    if (rc < 0) {
      trawl_span cap;
      rc = trawl_regex_exec(p->rx[tt->rx], vm->scratch, t->text + tok->start,
                            tok->end - tok->start, 0, &cap, 1, err);
      if (rc < 0) return rc;
      memo_put(m, p, -1 - tt->rx, (uint32_t)k, vm->gen, rc);
    }
    ok = rc;
  }
  return tt->negate ? !ok : ok;
}

static int testtoken(trawl_vm *vm, const trawl_pattern *p,
                     const trawl_tokens *t, size_t k, const Inst *in,
                     trawl_error *err) {
  int32_t i;
  for (i = 0; i < in->b; i++) {
    int r = testone(vm, p, t, k, &p->tests[in->a + i], err);
    if (r <= 0) return r;
  }
  return 1;
}

/* a sentence starts at pos: the token there opens one */
static int sentstart(const trawl_tokens *t, uint32_t pos) {
  return pos < t->n && (t->tok[pos].flags & TRAWL_F_SENT);
}

/* a sentence ends at pos: the text ends, or the next token opens one */
static int sentend(const trawl_tokens *t, uint32_t pos) {
  return pos > 0 && (pos == t->n || (t->tok[pos].flags & TRAWL_F_SENT));
}

static int limit(trawl_vm *vm, uint32_t pos, trawl_error *err) {
  if (err != NULL) {
    err->code = TRAWL_ELIMIT;
    err->offset = pos;
    strcpy(err->msg, "token pattern step limit exceeded");
  }
  (void)vm;
  return TRAWL_ELIMIT;
}

/*
** Run program `progi` of p from token position pos. Returns 1 on a match
** (end position in *endpos), 0 on failure, or a negative error. The stack
** above its entry level belongs to this run and is cut back on return, so
** lookarounds can run nested on the same stack.
*/
static int run(trawl_vm *vm, const trawl_pattern *p, int progi,
               const trawl_tokens *t, trawl_store *st, uint32_t pos,
               uint32_t *endpos, trawl_error *err) {
  const Program *pr = &p->progs[progi];
  const int back = pr->backward, main = progi == 0;
  const size_t base = vm->nstack;
  int32_t pc = 0;
  Frame f;
  for (;;) {
    const Inst *in = &pr->code[pc];
    if (++vm->steps > vm->maxsteps) {
      vm->nstack = base;
      return limit(vm, pos, err);
    }
    switch (in->op) {
      case OP_TOK: case OP_ANY: {
        int r = 1;
        if (back ? pos == 0 : pos >= t->n) goto fail;
        if (in->op == OP_TOK) {
          r = testtoken(vm, p, t, back ? pos - 1 : pos, in, err);
          if (r < 0) {
            vm->nstack = base;
            return r;
          }
        }
        if (!r) goto fail;
        pos = back ? pos - 1 : pos + 1;
        pc++;
        break;
      }
      case OP_SPAN: {
        size_t first, count;
        const StoredSpan *sp;
        trawl_store_at(st, in->a, pos, back, &first, &count);
        if (count == 0) goto fail;
        if (count > 1) {   /* the shorter spans, on backtracking */
          f.kind = F_SPANALT;
          f.pc = pc;
          f.pos = pos;
          f.aux = (uint32_t)(count - 1);
          f.next = first + 1;
          f.trail = vm->ntrail;
          if (!push(vm, &f)) goto nomem;
        }
        sp = trawl_store_get(st, back, first);
        if (!pushtrail(vm, sp)) goto nomem;
        pos = back ? sp->start : sp->end;
        pc++;
        break;
      }
      case OP_SENTSTART:
        if (!sentstart(t, pos)) goto fail;
        pc++;
        break;
      case OP_SENTEND:
        if (!sentend(t, pos)) goto fail;
        pc++;
        break;
      case OP_SPLIT: {
        /* when the preferred branch starts with a token test that fails
        ** here, take the other branch at once: no frame to push and pop */
        const Inst *next = &pr->code[in->a];
        if (next->op == OP_TOK && (back ? pos > 0 : pos < t->n)) {
          int r = testtoken(vm, p, t, back ? pos - 1 : pos, next, err);
          if (r < 0) {
            vm->nstack = base;
            return r;
          }
          if (r == 0) {
            if (main && pos > vm->furthest) {
              vm->furthest = pos;
              vm->furthest_src = next->src;
            }
            pc = in->b;
            break;
          }
        }
      }
        f.kind = F_BRANCH;
        f.pc = in->b;
        f.pos = pos;
        f.trail = vm->ntrail;
        if (!push(vm, &f)) goto nomem;
        pc = in->a;
        break;
      case OP_JMP:
        pc = in->a;
        break;
      case OP_SAVE: case OP_MARK:
        f.kind = F_SLOT;
        f.aux = (uint32_t)in->a;
        f.pos = vm->slots[in->a];
        if (!push(vm, &f)) goto nomem;
        vm->slots[in->a] = pos;
        pc++;
        break;
      case OP_PROGRESS:
        if (vm->slots[in->a] == pos) goto fail;
        pc++;
        break;
      case OP_LOOK: {
        uint32_t dummy;
        size_t trail = vm->ntrail;
        Memo *m = memo_slot(vm, p, in->a, pos);
        int r = memo_get(m, p, in->a, pos, vm->gen);
        if (r < 0) {
          r = run(vm, p, in->a, t, st, pos, &dummy, err);
          vm->ntrail = trail;   /* lookarounds consume nothing */
          if (r < 0) {
            vm->nstack = base;
            return r;
          }
          memo_put(m, p, in->a, pos, vm->gen, r);
        }
        if (r == in->b) goto fail;   /* b: negated */
        pc++;
        break;
      }
      case OP_MATCH:
        *endpos = pos;
        vm->nstack = base;
        return 1;
    }
    continue;
  fail:
    if (main && (in->op <= OP_SENTEND || in->op == OP_LOOK) &&
        pos > vm->furthest) {
      vm->furthest = pos;
      vm->furthest_src = in->src;
    }
    for (;;) {   /* unwind to the last choice */
      Frame *top;
      if (vm->nstack == base) return 0;
      top = &vm->stack[--vm->nstack];
      if (top->kind == F_SLOT) {
        vm->slots[top->aux] = top->pos;
      } else if (top->kind == F_BRANCH) {
        vm->ntrail = top->trail;
        pc = top->pc;
        pos = top->pos;
        break;
      } else {   /* F_SPANALT: the next shorter span */
        const StoredSpan *sp = trawl_store_get(st, back, top->next);
        vm->ntrail = top->trail;
        pc = top->pc + 1;
        pos = top->pos;
        if (--top->aux > 0) {
          top->next++;
          vm->nstack++;   /* keep the frame for the rest */
        }
        if (!pushtrail(vm, sp)) goto nomem;
        pos = back ? sp->start : sp->end;
        break;
      }
    }
  }
nomem:
  vm->nstack = base;
  return nomem(err);
}

static int ensure(trawl_vm *vm, const trawl_pattern *p) {
  if (p->nslots > vm->capslots) {
    uint32_t *ns = (uint32_t *)realloc(vm->slots, sizeof(uint32_t) *
                                                      (size_t)p->nslots);
    if (ns == NULL) return 0;
    vm->slots = ns;
    vm->capslots = p->nslots;
  }
  if (p->ngroups + 1 > vm->capgroups) {
    trawl_tspan *ng = (trawl_tspan *)realloc(
        vm->groups, sizeof(trawl_tspan) * (size_t)(p->ngroups + 1));
    if (ng == NULL) return 0;
    vm->groups = ng;
    vm->capgroups = p->ngroups + 1;
  }
  return 1;
}

int trawl_vm_exec(const trawl_pattern *p, trawl_vm *vm, const trawl_tokens *t,
                  trawl_store *st, size_t start, trawl_match *out,
                  trawl_error *err) {
  uint32_t end;
  int i, r;
  if (start > t->n) {
    if (err != NULL) {
      err->code = TRAWL_EARG;
      err->offset = start;
      strcpy(err->msg, "start token past the end of the document");
    }
    return TRAWL_EARG;
  }
  if (!ensure(vm, p)) return nomem(err);
  for (i = 0; i < p->nslots; i++) vm->slots[i] = TRAWL_NOTOK;
  vm->nstack = 0;
  vm->ntrail = 0;
  vm->steps = 0;
  r = run(vm, p, 0, t, st, (uint32_t)start, &end, err);
  vm->totalsteps += vm->steps;
  if (r != 1) return r;
  vm->groups[0].start = (uint32_t)start;
  vm->groups[0].end = end;
  for (i = 1; i <= p->ngroups; i++) {
    vm->groups[i].start = vm->slots[2 * i];
    vm->groups[i].end = vm->slots[2 * i + 1];
    if (vm->groups[i].end == TRAWL_NOTOK) vm->groups[i].start = TRAWL_NOTOK;
  }
  out->groups = vm->groups;
  out->ngroups = p->ngroups;
  out->used = vm->trail;
  out->nused = vm->ntrail;
  return 1;
}

int trawl_pattern_exec(const trawl_pattern *p, trawl_vm *vm,
                       const trawl_tokens *t, trawl_store *st, size_t start,
                       trawl_match *out, trawl_error *err) {
  vm->furthest = start;
  vm->furthest_src = 0;
  vm->hashes = NULL;
  trawl_vm_forget(vm);   /* the caller may have changed text or store */
  return trawl_vm_exec(p, vm, t, st, start, out, err);
}
