/*
** lmatch.c - the Lua binding of the matching machinery: token patterns,
** phases, annotation stores, gazetteers and numbers.
**
** Token spans cross this boundary as 1-based first/last token indices
** (inclusive, like string.sub); an empty span has last == first - 1.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lbind.h"

#define PATTERN_MT "trawl.pattern"
#define PHASE_MT "trawl.phase"
#define STORE_MT "trawl.store"
#define GAZ_MT "trawl.gazetteer"
#define VM_MT "trawl.vm"

/* every object type here is a pointer in a userdata; NULL once freed */
static void *checkobj(lua_State *L, int i, const char *mt) {
  void **p = (void **)luaL_checkudata(L, i, mt);
  if (*p == NULL) luaL_argerror(L, i, "object already freed");
  return *p;
}

/* a new userdata holding a NULL pointer, with metatable mt */
static void **newobj(lua_State *L, const char *mt) {
  void **p = (void **)lua_newuserdata(L, sizeof(void *));
  *p = NULL;
  luaL_getmetatable(L, mt);
  lua_setmetatable(L, -2);
  return p;
}

static trawl_vm *getvm(lua_State *L) {
  return *(trawl_vm **)lua_touserdata(L, lua_upvalueindex(1));
}

/* raise err as a Lua error without a position prefix */
static int raise(lua_State *L, const char *what, const trawl_error *err) {
  lua_pushfstring(L, "%s: %s", what, err->msg);
  return lua_error(L);
}

/* ------------------------------------------------------------------ */
/* patterns */

/* the resolver calls back into Lua: resolve(sigil, name, tests) returns
** a class, or pattern text to splice in place of the name, or nil,
** message [, offset in tests] */
typedef struct Resolve {
  lua_State *L;
  int fn;   /* stack index of the Lua function */
} Resolve;

static int resolve(void *ud, char sigil, const char *name, size_t nlen,
                   const char *tests, size_t tlen, char **splice,
                   size_t *splicelen, trawl_error *err) {
  Resolve *r = (Resolve *)ud;
  lua_State *L = r->L;
  char s[2];
  int cls;
  s[0] = sigil;
  s[1] = '\0';
  lua_pushvalue(L, r->fn);
  lua_pushstring(L, s);
  lua_pushlstring(L, name, nlen);
  if (tests != NULL) lua_pushlstring(L, tests, tlen);
  else lua_pushnil(L);
  if (lua_pcall(L, 3, 3, 0) != 0) {
    snprintf(err->msg, sizeof err->msg, "%s", lua_tostring(L, -1));
    lua_pop(L, 1);
    return TRAWL_ESYNTAX;
  }
  if (lua_type(L, -3) == LUA_TSTRING) {   /* pattern text for the name */
    size_t len;
    const char *text = lua_tolstring(L, -3, &len);
    char *copy = (char *)malloc(len + 1);
    if (copy == NULL) {
      lua_pop(L, 3);
      strcpy(err->msg, "not enough memory");
      return TRAWL_ENOMEM;
    }
    memcpy(copy, text, len + 1);
    *splice = copy;
    *splicelen = len;
    lua_pop(L, 3);
    return 0;
  }
  if (!lua_isnumber(L, -3)) {
    const char *m = lua_tostring(L, -2);
    snprintf(err->msg, sizeof err->msg, "%s", m ? m : "cannot resolve");
    err->offset = lua_isnumber(L, -1) ? (size_t)lua_tointeger(L, -1)
                                      : (size_t)-1;
    lua_pop(L, 3);
    return TRAWL_ESYNTAX;
  }
  cls = (int)lua_tointeger(L, -3);
  lua_pop(L, 3);
  return cls < 0 ? TRAWL_ESYNTAX : cls;
}

/* core.pattern(source [, resolve]) -> pattern | nil, message, offset */
static int l_pattern(lua_State *L) {
  size_t len;
  const char *src = luaL_checklstring(L, 1, &len);
  int hasfn = !lua_isnoneornil(L, 2);
  Resolve r;
  trawl_patenv env;
  trawl_error err;
  void **p;
  r.L = L;
  r.fn = 2;
  env.resolve = resolve;
  env.ud = &r;
  if (hasfn) luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_settop(L, 2);
  p = newobj(L, PATTERN_MT);
  *p = trawl_pattern_new(src, len, hasfn ? &env : NULL, &err);
  if (*p == NULL) {
    if (err.code == TRAWL_ENOMEM) return raise(L, "pattern", &err);
    lua_pushnil(L);
    lua_pushstring(L, err.msg);
    lua_pushinteger(L, (lua_Integer)err.offset);
    return 3;
  }
  return 1;
}

static int pattern_gc(lua_State *L) {
  void **p = (void **)luaL_checkudata(L, 1, PATTERN_MT);
  trawl_pattern_free((trawl_pattern *)*p);
  *p = NULL;
  return 0;
}

/* pattern:groups() -> { "name1", "name2", ... } by group number */
static int pattern_groups(lua_State *L) {
  const trawl_pattern *p = (const trawl_pattern *)checkobj(L, 1, PATTERN_MT);
  int i, n = trawl_pattern_ngroups(p);
  lua_createtable(L, n, 0);
  for (i = 1; i <= n; i++) {
    lua_pushstring(L, trawl_pattern_group_name(p, i));
    lua_rawseti(L, -2, i);
  }
  return 1;
}

static int pattern_dump(lua_State *L) {
  char *s = trawl_pattern_dump(
      (const trawl_pattern *)checkobj(L, 1, PATTERN_MT));
  if (s == NULL) return luaL_error(L, "not enough memory");
  lua_pushstring(L, s);
  free(s);
  return 1;
}

/* { g1first, g1last, ... } for every group (false, false when unset) */
static void pushgroups(lua_State *L, const trawl_match *m) {
  int i;
  lua_createtable(L, 2 * (m->ngroups + 1), 0);
  for (i = 0; i <= m->ngroups; i++) {
    const trawl_tspan *g = &m->groups[i];
    if (g->start == TRAWL_NOTOK) {
      lua_pushboolean(L, 0);
      lua_rawseti(L, -2, 2 * i + 1);
      lua_pushboolean(L, 0);
    } else {
      lua_pushinteger(L, (lua_Integer)g->start + 1);
      lua_rawseti(L, -2, 2 * i + 1);
      lua_pushinteger(L, (lua_Integer)g->end);
    }
    lua_rawseti(L, -2, 2 * i + 2);
  }
}

/* { id, cls, first, last, id, cls, ... }: the stored spans the match
** consumed, four integers each in one flat list (one table, not one a span) */
static void pushused(lua_State *L, const trawl_match *m) {
  size_t i;
  lua_createtable(L, (int)(4 * m->nused), 0);
  for (i = 0; i < m->nused; i++) {
    const trawl_used *u = &m->used[i];
    int k = (int)(4 * i);
    lua_pushinteger(L, u->id);
    lua_rawseti(L, -2, k + 1);
    lua_pushinteger(L, u->cls);
    lua_rawseti(L, -2, k + 2);
    lua_pushinteger(L, (lua_Integer)u->start + 1);
    lua_rawseti(L, -2, k + 3);
    lua_pushinteger(L, (lua_Integer)u->end);
    lua_rawseti(L, -2, k + 4);
  }
}

static trawl_store *optstore(lua_State *L, int i) {
  return lua_isnoneornil(L, i) ? NULL
                               : (trawl_store *)checkobj(L, i, STORE_MT);
}

/* pattern:exec(tokens, store|nil, first) -> groups, used
**   | nil, furthest token, pattern offset of the atom that failed there */
static int pattern_exec(lua_State *L) {
  const trawl_pattern *p = (const trawl_pattern *)checkobj(L, 1, PATTERN_MT);
  const trawl_tokens *t = lb_checktokens(L, 2)->t;
  trawl_store *st = optstore(L, 3);
  lua_Integer first = luaL_checkinteger(L, 4);
  trawl_vm *vm = getvm(L);
  trawl_match m;
  trawl_error err;
  int r;
  if (first < 1 || (size_t)first > t->n + 1)
    return luaL_argerror(L, 4, "token index out of range");
  r = trawl_pattern_exec(p, vm, t, st, (size_t)first - 1, &m, &err);
  if (r < 0) return raise(L, "pattern", &err);
  if (r == 0) {
    size_t tok, src;
    trawl_vm_progress(vm, &tok, &src);
    lua_pushnil(L);
    lua_pushinteger(L, (lua_Integer)tok + 1);
    lua_pushinteger(L, (lua_Integer)src);
    return 3;
  }
  pushgroups(L, &m);
  pushused(L, &m);
  return 2;
}

static const luaL_Reg pattern_methods[] = {
  {"groups", pattern_groups}, {"dump", pattern_dump},
  {"exec", pattern_exec}, {"free", pattern_gc},
  {NULL, NULL}
};

/* ------------------------------------------------------------------ */
/* stores */

static int l_store(lua_State *L) {
  trawl_error err;
  void **p = newobj(L, STORE_MT);
  if ((*p = trawl_store_new(&err)) == NULL) return raise(L, "store", &err);
  return 1;
}

static int store_gc(lua_State *L) {
  void **p = (void **)luaL_checkudata(L, 1, STORE_MT);
  trawl_store_free((trawl_store *)*p);
  *p = NULL;
  return 0;
}

/* store:add(class, first, last, id) */
static int store_add(lua_State *L) {
  trawl_store *st = (trawl_store *)checkobj(L, 1, STORE_MT);
  lua_Integer cls = luaL_checkinteger(L, 2), first = luaL_checkinteger(L, 3);
  lua_Integer last = luaL_checkinteger(L, 4), id = luaL_checkinteger(L, 5);
  if (cls < 0 || first < 1 || last < first)
    return luaL_error(L, "store:add: bad class or empty span");
  if (trawl_store_add(st, (int)cls, (uint32_t)first - 1, (uint32_t)last,
                      (int32_t)id) != TRAWL_OK)
    return luaL_error(L, "not enough memory");
  return 0;
}

static int store_reset(lua_State *L) {
  trawl_store_reset((trawl_store *)checkobj(L, 1, STORE_MT));
  return 0;
}

static int store_len(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)trawl_store_size(
                         (trawl_store *)checkobj(L, 1, STORE_MT)));
  return 1;
}

static const luaL_Reg store_methods[] = {
  {"add", store_add}, {"reset", store_reset}, {"free", store_gc},
  {NULL, NULL}
};

/* ------------------------------------------------------------------ */
/* phases */

static int l_phase(lua_State *L) {
  trawl_error err;
  void **p = newobj(L, PHASE_MT);
  if ((*p = trawl_phase_new(&err)) == NULL) return raise(L, "phase", &err);
  return 1;
}

static int phase_gc(lua_State *L) {
  void **p = (void **)luaL_checkudata(L, 1, PHASE_MT);
  trawl_phase_free((trawl_phase *)*p);
  *p = NULL;
  return 0;
}

/* phase:add(pattern, rule): the pattern must stay referenced by the caller
** as long as the phase is used (the rule set keeps both) */
static int phase_add(lua_State *L) {
  trawl_phase *ph = (trawl_phase *)checkobj(L, 1, PHASE_MT);
  const trawl_pattern *p = (const trawl_pattern *)checkobj(L, 2, PATTERN_MT);
  lua_Integer rule = luaL_checkinteger(L, 3);
  trawl_error err;
  if (trawl_phase_add(ph, p, (int)rule, &err) != TRAWL_OK)
    return raise(L, "phase", &err);
  return 0;
}

typedef struct RunCtx {
  lua_State *L;
  const trawl_tokens *t;
  int matches, errors;   /* stack indices of the result tables */
  int nm, ne;
} RunCtx;

/* the byte span of a match's token span: an empty one sits where the next
** token starts, or at the end of the text */
static void pushbytes(lua_State *L, const trawl_tokens *t, const trawl_tspan *g) {
  uint32_t s, e;
  if (g->end > g->start) {
    s = t->tok[g->start].start;
    e = t->tok[g->end - 1].end;
  } else {
    s = e = g->start < t->n ? t->tok[g->start].start : (uint32_t)t->len;
  }
  lua_pushinteger(L, (lua_Integer)s);
  lua_setfield(L, -2, "start");
  lua_pushinteger(L, (lua_Integer)e);
  lua_setfield(L, -2, "end");
}

static int onmatch(void *ud, int rule, const trawl_match *m) {
  RunCtx *c = (RunCtx *)ud;
  lua_State *L = c->L;
  /* room for the fields the engine adds (kind, and for a capture named
  ** span match_start, match_end): no rehash per match */
  lua_createtable(L, 0, 10);
  lua_pushinteger(L, rule);
  lua_setfield(L, -2, "rule");
  lua_pushinteger(L, (lua_Integer)m->groups[0].start + 1);
  lua_setfield(L, -2, "first");
  lua_pushinteger(L, (lua_Integer)m->groups[0].end);
  lua_setfield(L, -2, "last");
  pushbytes(L, c->t, &m->groups[0]);
  pushgroups(L, m);
  lua_setfield(L, -2, "groups");
  if (m->nused > 0) {
    pushused(L, m);
    lua_setfield(L, -2, "used");
  }
  lua_rawseti(L, c->matches, ++c->nm);
  return 0;
}

static void onerror(void *ud, int rule, size_t tok, const trawl_error *err) {
  RunCtx *c = (RunCtx *)ud;
  lua_State *L = c->L;
  lua_createtable(L, 0, 3);
  lua_pushinteger(L, rule);
  lua_setfield(L, -2, "rule");
  lua_pushinteger(L, (lua_Integer)tok + 1);
  lua_setfield(L, -2, "token");
  lua_pushstring(L, err->msg);
  lua_setfield(L, -2, "message");
  lua_rawseti(L, c->errors, ++c->ne);
}

/* phase:run(tokens, store|nil, allstarts, profile) -> matches, errors
** matches: { {rule =, first =, last =, start =, end =, groups = {first,
** last, ...}, used = {...}|nil}, ... } in order of start token, then of
** the patterns' order of addition; first/last the token span (1-based,
** inclusive), start/end its byte span */
static int phase_run(lua_State *L) {
  trawl_phase *ph = (trawl_phase *)checkobj(L, 1, PHASE_MT);
  const trawl_tokens *t = lb_checktokens(L, 2)->t;
  trawl_store *st = optstore(L, 3);
  unsigned flags = (lua_toboolean(L, 4) ? TRAWL_PH_ALLSTARTS : 0) |
                   (lua_toboolean(L, 5) ? TRAWL_PH_PROFILE : 0);
  trawl_phase_cbs cbs;
  RunCtx c;
  int rc;
  lua_settop(L, 5);
  lua_newtable(L);
  lua_newtable(L);
  c.L = L;
  c.t = t;
  c.matches = 6;
  c.errors = 7;
  c.nm = c.ne = 0;
  cbs.match = onmatch;
  cbs.error = onerror;
  cbs.ud = &c;
  rc = trawl_phase_run(ph, getvm(L), t, st, flags, &cbs);
  if (rc < 0) return luaL_error(L, "phase: not enough memory");
  return 2;
}

/* phase:stats() -> { {rule, tries, matches, steps, nanos}, ... } */
static int phase_stats(lua_State *L) {
  const trawl_phase *ph = (const trawl_phase *)checkobj(L, 1, PHASE_MT);
  size_t k, n = trawl_phase_count(ph);
  lua_createtable(L, (int)n, 0);
  for (k = 0; k < n; k++) {
    const trawl_rule_stats *s = trawl_phase_stats(ph, k);
    lua_createtable(L, 0, 5);
    lua_pushinteger(L, s->rule);
    lua_setfield(L, -2, "rule");
    lua_pushnumber(L, (lua_Number)s->tries);
    lua_setfield(L, -2, "tries");
    lua_pushnumber(L, (lua_Number)s->matches);
    lua_setfield(L, -2, "matches");
    lua_pushnumber(L, (lua_Number)s->steps);
    lua_setfield(L, -2, "steps");
    lua_pushnumber(L, (lua_Number)s->nanos);
    lua_setfield(L, -2, "nanos");
    lua_rawseti(L, -2, (int)k + 1);
  }
  return 1;
}

static int phase_reset_stats(lua_State *L) {
  trawl_phase_reset_stats((trawl_phase *)checkobj(L, 1, PHASE_MT));
  return 0;
}

static const luaL_Reg phase_methods[] = {
  {"add", phase_add}, {"run", phase_run}, {"stats", phase_stats},
  {"reset_stats", phase_reset_stats},
  {"free", phase_gc},
  {NULL, NULL}
};

/* ------------------------------------------------------------------ */
/* gazetteers */

static int l_gazetteer(lua_State *L) {
  trawl_error err;
  void **p = newobj(L, GAZ_MT);
  if ((*p = trawl_gazetteer_new(&err)) == NULL)
    return raise(L, "gazetteer", &err);
  return 1;
}

static int gaz_gc(lua_State *L) {
  void **p = (void **)luaL_checkudata(L, 1, GAZ_MT);
  trawl_gazetteer_free((trawl_gazetteer *)*p);
  *p = NULL;
  return 0;
}

/* gz:add(list, entry, phrase [, noaccents]) -> true | nil, message */
static int gaz_add(lua_State *L) {
  trawl_gazetteer *g = (trawl_gazetteer *)checkobj(L, 1, GAZ_MT);
  lua_Integer list = luaL_checkinteger(L, 2), entry = luaL_checkinteger(L, 3);
  size_t len;
  const char *phrase = luaL_checklstring(L, 4, &len);
  unsigned flags = lua_toboolean(L, 5) ? TRAWL_GZ_NOACCENTS : 0;
  trawl_error err;
  int rc = trawl_gazetteer_add(g, (int)list, (int)entry, phrase, len, flags,
                               &err);
  if (rc == TRAWL_ENOMEM) return raise(L, "gazetteer", &err);
  if (rc != TRAWL_OK) {
    lua_pushnil(L);
    lua_pushstring(L, err.msg);
    return 2;
  }
  lua_pushboolean(L, 1);
  return 1;
}

static int gaz_len(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)trawl_gazetteer_size(
                         (trawl_gazetteer *)checkobj(L, 1, GAZ_MT)));
  return 1;
}

typedef struct GazCtx {
  lua_State *L;
  trawl_store *st;
  int classes;   /* stack index: classes[list] = store class */
  size_t n;
} GazCtx;

static int ongaz(int list, int entry, uint32_t s, uint32_t e, void *ud) {
  GazCtx *c = (GazCtx *)ud;
  lua_Integer cls;
  lua_rawgeti(c->L, c->classes, list);
  cls = lua_tointeger(c->L, -1);
  lua_pop(c->L, 1);
  if (cls < 0) return 0;
  c->n++;
  return trawl_store_add(c->st, (int)cls, s, e, entry) == TRAWL_OK ? 0 : 1;
}

/* gz:match(tokens, store, classes) -> count: adds every longest phrase
** per list and start to the store, class classes[list], id the entry */
static int gaz_match(lua_State *L) {
  const trawl_gazetteer *g = (const trawl_gazetteer *)checkobj(L, 1, GAZ_MT);
  const trawl_tokens *t = lb_checktokens(L, 2)->t;
  GazCtx c;
  c.L = L;
  c.st = (trawl_store *)checkobj(L, 3, STORE_MT);
  luaL_checktype(L, 4, LUA_TTABLE);
  c.classes = 4;
  c.n = 0;
  if (trawl_gazetteer_match(g, t, ongaz, &c) != TRAWL_OK)
    return luaL_error(L, "gazetteer: not enough memory");
  lua_pushinteger(L, (lua_Integer)c.n);
  return 1;
}

static const luaL_Reg gaz_methods[] = {
  {"add", gaz_add}, {"match", gaz_match}, {"free", gaz_gc},
  {NULL, NULL}
};

/* ------------------------------------------------------------------ */
/* numbers */

static const char *const qualnames[] = {NULL, "approx", "gt", "ge", "lt",
                                        "le"};

static void setnum(lua_State *L, const char *k, double v) {
  if (isnan(v)) return;
  if (v == floor(v) && fabs(v) < 9007199254740992.0)
    lua_pushinteger(L, (lua_Integer)v);
  else
    lua_pushnumber(L, (lua_Number)v);
  lua_setfield(L, -2, k);
}

/* a number as a table: kind, start, end (bytes, 0-based), num_start,
** first, last (tokens, 1-based; only from a scan), value, min, max, qual,
** currency */
static void pushnumber(lua_State *L, const trawl_number *n, int tokens) {
  lua_createtable(L, 0, 10);
  lua_pushstring(L, trawl_numkind_name(n->kind));
  lua_setfield(L, -2, "kind");
  lua_pushinteger(L, n->start);
  lua_setfield(L, -2, "start");
  lua_pushinteger(L, n->end);
  lua_setfield(L, -2, "end");
  lua_pushinteger(L, n->num_start);
  lua_setfield(L, -2, "num_start");
  if (tokens) {
    lua_pushinteger(L, (lua_Integer)n->tok_start + 1);
    lua_setfield(L, -2, "first");
    lua_pushinteger(L, n->tok_end);
    lua_setfield(L, -2, "last");
  }
  setnum(L, "value", n->value);
  setnum(L, "min", n->min);
  setnum(L, "max", n->max);
  if (n->qual > 0 && n->qual <= TRAWL_Q_LE) {
    lua_pushstring(L, qualnames[n->qual]);
    lua_setfield(L, -2, "qual");
  }
  if (n->currency[0]) {
    lua_pushstring(L, n->currency);
    lua_setfield(L, -2, "currency");
  }
}

typedef struct NumCtx {
  lua_State *L;
  int n, tokens;
} NumCtx;

static int onnumber(const trawl_number *n, void *ud) {
  NumCtx *c = (NumCtx *)ud;
  pushnumber(c->L, n, c->tokens);
  lua_rawseti(c->L, -2, ++c->n);
  return 0;
}

/* core.numbers(text | tokens) -> { number, ... } every number expression,
** in text order; with tokens, each also has its token span */
static int l_numbers(lua_State *L) {
  NumCtx c;
  trawl_tokens *own = NULL;
  const trawl_tokens *t;
  trawl_error err;
  c.L = L;
  c.n = 0;
  c.tokens = !lua_isstring(L, 1);
  if (c.tokens) {
    t = lb_checktokens(L, 1)->t;
  } else {
    size_t len;
    const char *s = lua_tolstring(L, 1, &len);
    if ((own = trawl_tokenize(s, len, &err)) == NULL)
      return raise(L, "numbers", &err);
    t = own;
  }
  lua_newtable(L);
  trawl_number_scan(t, onnumber, &c);
  trawl_tokens_free(own);
  return 1;
}

/* core.number(text) -> number table | nil: text must be one expression */
static int l_number(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  trawl_number n;
  if (!trawl_number_parse(s, len, &n)) {
    lua_pushnil(L);
    return 1;
  }
  pushnumber(L, &n, 0);
  return 1;
}

/* ------------------------------------------------------------------ */

static int vm_gc(lua_State *L) {
  trawl_vm **p = (trawl_vm **)lua_touserdata(L, 1);
  trawl_vm_free(*p);
  *p = NULL;
  return 0;
}

static const luaL_Reg match_funcs[] = {
  {"pattern", l_pattern}, {"phase", l_phase}, {"store", l_store},
  {"gazetteer", l_gazetteer}, {"numbers", l_numbers}, {"number", l_number},
  {NULL, NULL}
};

void lb_openmatch(lua_State *L) {
  trawl_error err;
  trawl_vm **vp = (trawl_vm **)lua_newuserdata(L, sizeof *vp);
  *vp = NULL;
  luaL_newmetatable(L, VM_MT);
  lua_pushcfunction(L, vm_gc);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  if ((*vp = trawl_vm_new(NULL, &err)) == NULL) {
    raise(L, "trawl.core", &err);
    return;
  }
  lb_newclass(L, PATTERN_MT, pattern_methods, pattern_gc, NULL);
  lb_newclass(L, STORE_MT, store_methods, store_gc, store_len);
  lb_newclass(L, PHASE_MT, phase_methods, phase_gc, NULL);
  lb_newclass(L, GAZ_MT, gaz_methods, gaz_gc, gaz_len);
  luaL_setfuncs(L, match_funcs, 1);   /* pops the vm */
}
