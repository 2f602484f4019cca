/*
** vm.h - the state of the token-pattern machine, shared with phase.c,
** which sets per-document token hashes and reads step counts.
*/
#ifndef TRAWL_VM_H
#define TRAWL_VM_H

#include "patcode.h"

struct trawl_vm {
  trawl_scratch *scratch;      /* for regexes on tokens */
  struct Frame *stack;
  size_t nstack, capstack;
  uint32_t *slots;             /* captures and loop registers */
  int capslots;
  trawl_tspan *groups;         /* the last match's groups */
  int capgroups;
  trawl_used *trail;           /* stored spans the match consumed */
  size_t ntrail, captrail;
  const uint32_t *hashes;      /* FNV hashes of the token folds, or NULL */
  uint64_t steps, maxsteps;    /* this attempt, and its limit */
  uint64_t totalsteps;         /* all attempts since creation */
  size_t furthest;             /* furthest token an atom failed at */
  uint32_t furthest_src;       /* and that atom's offset in the source */
  struct Memo *memo;           /* results of lookarounds and token regexes */
  uint32_t gen;                /* memo entries of other generations are stale */
};

/* start a new memo generation: the document or the store changed */
void trawl_vm_forget(trawl_vm *vm);

/* trawl_pattern_exec without resetting the progress record or hashes */
int trawl_vm_exec(const trawl_pattern *p, trawl_vm *vm, const trawl_tokens *t,
                  trawl_store *st, size_t start, trawl_match *out,
                  trawl_error *err);

#endif
