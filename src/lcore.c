/*
** lcore.c - the Lua binding of the core: module "trawl.core".
** One source for Lua 5.4 and LuaJIT / Lua 5.1 (see lcompat.h).
**
** Token indices are 1-based (Lua style); byte offsets are 0-based,
** end-exclusive, as everywhere in trawl; the :range() helpers give 1-based
** inclusive positions ready for string.sub.
*/
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lbind.h"
#include "tlimits.h"

#define REGEX_MT "trawl.regex"
#define SCRATCH_MT "trawl.scratch"

/* ------------------------------------------------------------------ */
/* tokens */

LTokens *lb_checktokens(lua_State *L, int i) {
  LTokens *lt = (LTokens *)luaL_checkudata(L, i, TOKENS_MT);
  if (lt->t == NULL) luaL_argerror(L, i, "tokens already freed");
  return lt;
}

#define checktokens lb_checktokens

/* 1-based token index argument, checked against the token count */
static size_t checkindex(lua_State *L, int arg, size_t n, const char *what) {
  lua_Integer i = luaL_checkinteger(L, arg);
  if (i < 1 || (size_t)i > n)
    luaL_error(L, "%s index %d out of range (1..%d)", what, (int)i, (int)n);
  return (size_t)(i - 1);
}

/* the tokens of a tokens method (argument 1). Rule actions call these
** methods per token, so the check compares the metatable with the one the
** method holds (its second upvalue, see lb_newclass) rather than looking
** it up by name as luaL_checkudata does, which costs several times more */
static LTokens *tokself(lua_State *L) {
  LTokens *lt = (LTokens *)lua_touserdata(L, 1);
  int same;
  if (lt == NULL || !lua_getmetatable(L, 1)) return checktokens(L, 1);
  same = lua_rawequal(L, -1, lua_upvalueindex(2));
  lua_pop(L, 1);
  if (!same) return checktokens(L, 1);
  if (lt->t == NULL) luaL_argerror(L, 1, "tokens already freed");
  return lt;
}

static const trawl_token *checktok(lua_State *L, const trawl_tokens **tp) {
  const trawl_tokens *t = tokself(L)->t;
  *tp = t;
  return &t->tok[checkindex(L, 2, t->n, "token")];
}

static int l_tokenize(lua_State *L) {
  size_t len;
  const char *text = luaL_checklstring(L, 1, &len);
  trawl_error err;
  LTokens *lt = (LTokens *)lua_newuserdata(L, sizeof(LTokens));
  lt->t = NULL;
  lt->textref = LUA_NOREF;
  luaL_getmetatable(L, TOKENS_MT);
  lua_setmetatable(L, -2);
  lt->t = trawl_tokenize(text, len, &err);
  if (lt->t == NULL) return luaL_error(L, "tokenize: %s", err.msg);
  lua_pushvalue(L, 1);
  lt->textref = luaL_ref(L, LUA_REGISTRYINDEX);
  return 1;
}

static int tokens_gc(lua_State *L) {
  LTokens *lt = (LTokens *)luaL_checkudata(L, 1, TOKENS_MT);
  trawl_tokens_free(lt->t);
  lt->t = NULL;
  luaL_unref(L, LUA_REGISTRYINDEX, lt->textref);
  lt->textref = LUA_NOREF;
  return 0;
}

static int tokens_len(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)checktokens(L, 1)->t->n);
  return 1;
}

/* toks:span(i) -> start, end of token i; toks:span(i, j) -> of tokens
** i..j, where j = i - 1 is the empty span where token i starts (or, past
** the last token, at the end of the text) */
static int tokens_span(lua_State *L) {
  const trawl_tokens *t;
  const trawl_token *k;
  lua_Integer i, j;
  if (lua_isnoneornil(L, 3)) {
    k = checktok(L, &t);
    lua_pushinteger(L, k->start);
    lua_pushinteger(L, k->end);
    return 2;
  }
  t = tokself(L)->t;
  i = luaL_checkinteger(L, 2);
  j = luaL_checkinteger(L, 3);
  if (i >= 1 && j == i - 1 && (size_t)i <= t->n + 1) {
    lua_Integer at = (size_t)i <= t->n ? (lua_Integer)t->tok[i - 1].start
                                      : (lua_Integer)t->len;
    lua_pushinteger(L, at);
    lua_pushinteger(L, at);
    return 2;
  }
  if (i < 1 || j < i || (size_t)j > t->n)
    return luaL_error(L, "token span %d..%d out of range (1..%d)", (int)i,
                      (int)j, (int)t->n);
  lua_pushinteger(L, t->tok[i - 1].start);
  lua_pushinteger(L, t->tok[j - 1].end);
  return 2;
}

static int tokens_range(lua_State *L) {
  const trawl_tokens *t;
  const trawl_token *k = checktok(L, &t);
  lua_pushinteger(L, (lua_Integer)k->start + 1);
  lua_pushinteger(L, k->end);
  return 2;
}

static int tokens_text(lua_State *L) {
  const trawl_tokens *t;
  const trawl_token *k = checktok(L, &t);
  lua_pushlstring(L, t->text + k->start, k->end - k->start);
  return 1;
}

static int tokens_fold(lua_State *L) {
  const trawl_tokens *t;
  const trawl_token *k = checktok(L, &t);
  lua_pushlstring(L, t->folds + k->fold, k->foldlen);
  return 1;
}

/* toks:find(set [, i [, j]]) -> the first token of i..j (default: 1 to the
** last) whose folded form is a key of table set with a true value, or nil.
** The loop over tokens is here, so that rules need not make one in Lua. */
static int tokens_find(lua_State *L) {
  const trawl_tokens *t = tokself(L)->t;
  lua_Integer i = luaL_optinteger(L, 3, 1);
  lua_Integer j = luaL_optinteger(L, 4, (lua_Integer)t->n);
  luaL_checktype(L, 2, LUA_TTABLE);
  if (i < 1) i = 1;
  if (j > (lua_Integer)t->n) j = (lua_Integer)t->n;
  for (; i <= j; i++) {
    const trawl_token *k = &t->tok[i - 1];
    int hit;
    lua_pushlstring(L, t->folds + k->fold, k->foldlen);
    lua_rawget(L, 2);   /* (returns nothing under Lua 5.1) */
    hit = lua_toboolean(L, -1);
    lua_pop(L, 1);
    if (hit) {
      lua_pushinteger(L, i);
      return 1;
    }
  }
  lua_pushnil(L);
  return 1;
}

static int tokens_kind(lua_State *L) {
  const trawl_tokens *t;
  const trawl_token *k = checktok(L, &t);
  lua_pushstring(L, trawl_kind_name(k->kind));
  return 1;
}

/* flag names, in the order of the TRAWL_F_* bits */
static const char *const flagnames[] = {
  "cap", "allcaps", "lower", "alpha", "digit", "hyphen", "abbrev", "space",
  "newline", "sentence_start", "paragraph_start", "quote", "dash", "invalid",
  "clitic", NULL
};

static unsigned checkflag(lua_State *L, int arg) {
  return 1u << luaL_checkoption(L, arg, NULL, flagnames);
}

static int tokens_is(lua_State *L) {
  const trawl_tokens *t;
  const trawl_token *k = checktok(L, &t);
  lua_pushboolean(L, (k->flags & checkflag(L, 3)) != 0);
  return 1;
}

static int tokens_flags(lua_State *L) {
  const trawl_tokens *t;
  const trawl_token *k = checktok(L, &t);
  lua_pushinteger(L, k->flags);
  return 1;
}

static int tokens_sentence_of(lua_State *L) {
  const trawl_tokens *t;
  const trawl_token *k = checktok(L, &t);
  lua_pushinteger(L, (lua_Integer)k->sent + 1);
  return 1;
}

/* toks:paragraph_of(i) -> the index of the paragraph of token i (a binary
** search: tokens carry their sentence, not their paragraph) */
static int tokens_paragraph_of(lua_State *L) {
  const trawl_tokens *t;
  const trawl_token *k = checktok(L, &t);
  size_t i = (size_t)(k - t->tok), lo = 0, hi = t->npara;
  while (hi - lo > 1) {   /* the last paragraph whose first token is <= i */
    size_t mid = lo + (hi - lo) / 2;
    if (t->para[mid].first <= i) lo = mid;
    else hi = mid;
  }
  lua_pushinteger(L, (lua_Integer)lo + 1);
  return 1;
}

/* toks:token(i) -> a table with every property of token i */
static int tokens_token(lua_State *L) {
  const trawl_tokens *t;
  const trawl_token *k = checktok(L, &t);
  int b;
  lua_createtable(L, 0, 8);
  lua_pushinteger(L, k->start);
  lua_setfield(L, -2, "start");
  lua_pushinteger(L, k->end);
  lua_setfield(L, -2, "end");
  lua_pushlstring(L, t->text + k->start, k->end - k->start);
  lua_setfield(L, -2, "text");
  lua_pushlstring(L, t->folds + k->fold, k->foldlen);
  lua_setfield(L, -2, "fold");
  lua_pushstring(L, trawl_kind_name(k->kind));
  lua_setfield(L, -2, "kind");
  lua_pushinteger(L, (lua_Integer)k->sent + 1);
  lua_setfield(L, -2, "sentence");
  lua_createtable(L, 0, 4);
  for (b = 0; flagnames[b] != NULL; b++) {
    if (k->flags & (1u << b)) {
      lua_pushboolean(L, 1);
      lua_setfield(L, -2, flagnames[b]);
    }
  }
  lua_setfield(L, -2, "flags");
  return 1;
}

/* toks:at(offset) -> index of the token containing or following a 0-based
** byte offset, or nil past the last token */
static int tokens_at(lua_State *L) {
  const trawl_tokens *t = checktokens(L, 1)->t;
  lua_Integer off = luaL_checkinteger(L, 2);
  size_t i = trawl_token_at(t, off < 0 ? 0 : (size_t)off);
  if (i >= t->n) lua_pushnil(L);
  else lua_pushinteger(L, (lua_Integer)i + 1);
  return 1;
}

static int pushrange(lua_State *L, const trawl_range *r) {
  lua_pushinteger(L, (lua_Integer)r->first + 1);
  lua_pushinteger(L, (lua_Integer)(r->first + r->count));
  lua_pushinteger(L, r->start);
  lua_pushinteger(L, r->end);
  return 4;
}

/* toks:sentences() -> count; toks:sentence(k) -> first, last, start, end */
static int tokens_sentences(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)checktokens(L, 1)->t->nsent);
  return 1;
}

static int tokens_sentence(lua_State *L) {
  const trawl_tokens *t = checktokens(L, 1)->t;
  return pushrange(L, &t->sent[checkindex(L, 2, t->nsent, "sentence")]);
}

static int tokens_paragraphs(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)checktokens(L, 1)->t->npara);
  return 1;
}

static int tokens_paragraph(lua_State *L) {
  const trawl_tokens *t = checktokens(L, 1)->t;
  return pushrange(L, &t->para[checkindex(L, 2, t->npara, "paragraph")]);
}

/* toks:source() -> the tokenised text */
static int tokens_source(lua_State *L) {
  const trawl_tokens *t = checktokens(L, 1)->t;
  lua_pushlstring(L, t->text, t->len);
  return 1;
}

static int tokens_tostring(lua_State *L) {
  LTokens *lt = (LTokens *)luaL_checkudata(L, 1, TOKENS_MT);
  if (lt->t == NULL) lua_pushliteral(L, "trawl.tokens (freed)");
  else lua_pushfstring(L, "trawl.tokens (%d)", (int)lt->t->n);
  return 1;
}

static const luaL_Reg tokens_methods[] = {
  {"span", tokens_span}, {"range", tokens_range}, {"text", tokens_text},
  {"fold", tokens_fold}, {"kind", tokens_kind}, {"is", tokens_is},
  {"flags", tokens_flags}, {"sentence_of", tokens_sentence_of},
  {"paragraph_of", tokens_paragraph_of},
  {"token", tokens_token}, {"at", tokens_at}, {"find", tokens_find},
  {"sentences", tokens_sentences}, {"sentence", tokens_sentence},
  {"paragraphs", tokens_paragraphs}, {"paragraph", tokens_paragraph},
  {"source", tokens_source}, {"free", tokens_gc},
  {NULL, NULL}
};

/* ------------------------------------------------------------------ */
/* regexes */

typedef struct LRegex {
  trawl_regex *re;
} LRegex;

static LRegex *checkregex(lua_State *L, int i) {
  LRegex *lr = (LRegex *)luaL_checkudata(L, i, REGEX_MT);
  if (lr->re == NULL) luaL_argerror(L, i, "regex already freed");
  return lr;
}

static unsigned checkrxflags(lua_State *L, int arg) {
  const char *s = luaL_optstring(L, arg, "");
  unsigned f = 0;
  for (; *s; s++) {
    switch (*s) {
      case 'i': f |= TRAWL_RX_CASELESS; break;
      case 'm': f |= TRAWL_RX_MULTILINE; break;
      case 's': f |= TRAWL_RX_DOTALL; break;
      case 'x': f |= TRAWL_RX_EXTENDED; break;
      default: luaL_argerror(L, arg, "regex flags are i, m, s, x");
    }
  }
  return f;
}

/* core.regex(pattern [, flags]) -> regex | nil, message, offset
** (offset: 0-based byte offset of the error in the pattern) */
static int l_regex(lua_State *L) {
  size_t len;
  const char *pat = luaL_checklstring(L, 1, &len);
  unsigned flags = checkrxflags(L, 2);
  trawl_error err;
  LRegex *lr = (LRegex *)lua_newuserdata(L, sizeof(LRegex));
  lr->re = NULL;
  luaL_getmetatable(L, REGEX_MT);
  lua_setmetatable(L, -2);
  lr->re = trawl_regex_new(pat, len, flags, &err);
  if (lr->re == NULL) {
    if (err.code == TRAWL_ENOMEM) return luaL_error(L, "regex: %s", err.msg);
    lua_pushnil(L);
    lua_pushstring(L, err.msg);
    lua_pushinteger(L, (lua_Integer)err.offset);
    return 3;
  }
  return 1;
}

static int regex_gc(lua_State *L) {
  LRegex *lr = (LRegex *)luaL_checkudata(L, 1, REGEX_MT);
  trawl_regex_free(lr->re);
  lr->re = NULL;
  return 0;
}

static trawl_scratch *getscratch(lua_State *L) {
  return *(trawl_scratch **)lua_touserdata(L, lua_upvalueindex(1));
}

/* run one match; pushes nothing, returns 1/0, raises on errors */
static int runmatch(lua_State *L, const trawl_regex *re, const char *s,
                    size_t len, size_t from, trawl_span *caps, int ncaps) {
  trawl_error err;
  int rc = trawl_regex_exec(re, getscratch(L), s, len, from, caps, ncaps,
                            &err);
  if (rc < 0) {  /* no position prefix: the caller names rule and offset */
    lua_pushfstring(L, "regex: %s", err.msg);
    return lua_error(L);
  }
  return rc;
}

static void pushspan(lua_State *L, const trawl_span *c) {
  if (c->start == TRAWL_UNSET) {
    lua_pushboolean(L, 0);
    lua_pushboolean(L, 0);
  } else {
    lua_pushinteger(L, (lua_Integer)c->start);
    lua_pushinteger(L, (lua_Integer)c->end);
  }
}

/* all spans of a match as multiple results: start, end, then a start/end
** pair per group (false, false for a group that did not take part) */
static int pushspans(lua_State *L, const trawl_span *caps, int ncaps) {
  int i;
  luaL_checkstack(L, 2 * ncaps, "too many groups");
  for (i = 0; i < ncaps; i++) pushspan(L, &caps[i]);
  return 2 * ncaps;
}

#define SMALLCAPS 32

/* re:exec(subject [, from]) -> start, end, g1start, g1end, ... | nil
** from and every offset are 0-based bytes */
static int regex_exec(lua_State *L) {
  const trawl_regex *re = checkregex(L, 1)->re;
  size_t len;
  const char *s = luaL_checklstring(L, 2, &len);
  lua_Integer from = luaL_optinteger(L, 3, 0);
  int ncaps = trawl_regex_ngroups(re) + 1, n;
  trawl_span small[SMALLCAPS], *caps = small;
  if (from < 0 || (size_t)from > len) {
    lua_pushnil(L);
    return 1;
  }
  if (ncaps > SMALLCAPS)
    caps = (trawl_span *)lua_newuserdata(L, sizeof(trawl_span) * ncaps);
  if (!runmatch(L, re, s, len, (size_t)from, caps, ncaps)) {
    lua_pushnil(L);
    return 1;
  }
  n = pushspans(L, caps, ncaps);
  return n;
}

/* iterator behind re:gmatch: upvalues scratch, regex, subject, position */
static int gmatch_next(lua_State *L) {
  const trawl_regex *re = checkregex(L, lua_upvalueindex(2))->re;
  size_t len;
  const char *s = lua_tolstring(L, lua_upvalueindex(3), &len);
  lua_Integer pos = lua_tointeger(L, lua_upvalueindex(4));
  int ncaps = trawl_regex_ngroups(re) + 1;
  trawl_span small[SMALLCAPS], *caps = small;
  if (pos < 0 || (size_t)pos > len) return 0;
  if (ncaps > SMALLCAPS)
    caps = (trawl_span *)lua_newuserdata(L, sizeof(trawl_span) * ncaps);
  if (!runmatch(L, re, s, len, (size_t)pos, caps, ncaps)) {
    lua_pushinteger(L, -1);
    lua_replace(L, lua_upvalueindex(4));
    return 0;
  }
  /* an empty match must not be found again: step one byte past it */
  pos = (lua_Integer)caps[0].end + (caps[0].end == caps[0].start ? 1 : 0);
  lua_pushinteger(L, pos);
  lua_replace(L, lua_upvalueindex(4));
  return pushspans(L, caps, ncaps);
}

/* re:gmatch(subject [, from]) -> iterator over matches, yielding what
** re:exec returns */
static int regex_gmatch(lua_State *L) {
  lua_Integer from = luaL_optinteger(L, 3, 0);
  checkregex(L, 1);
  luaL_checkstring(L, 2);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushvalue(L, 1);
  lua_pushvalue(L, 2);
  lua_pushinteger(L, from);
  lua_pushcclosure(L, gmatch_next, 4);
  return 1;
}

static int regex_ngroups(lua_State *L) {
  lua_pushinteger(L, trawl_regex_ngroups(checkregex(L, 1)->re));
  return 1;
}

/* re:names() -> { name = group index } */
static int regex_names(lua_State *L) {
  const trawl_regex *re = checkregex(L, 1)->re;
  int i, n = trawl_regex_ngroups(re);
  lua_createtable(L, 0, n);
  for (i = 1; i <= n; i++) {
    const char *name = trawl_regex_group_name(re, i);
    if (name != NULL) {
      lua_pushinteger(L, i);
      lua_setfield(L, -2, name);
    }
  }
  return 1;
}

static int regex_jitted(lua_State *L) {
  lua_pushboolean(L, trawl_regex_jitted(checkregex(L, 1)->re));
  return 1;
}

static const luaL_Reg regex_methods[] = {
  {"exec", regex_exec}, {"gmatch", regex_gmatch},
  {"ngroups", regex_ngroups}, {"names", regex_names},
  {"jitted", regex_jitted}, {"free", regex_gc},
  {NULL, NULL}
};

/* ------------------------------------------------------------------ */
/* misc */

/* core.json_quote(s) -> JSON string literal, always valid UTF-8 */
static int l_json_quote(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  luaL_Buffer b;
  char *out;
  if (len > (((size_t)-1) - 3) / 6) return luaL_error(L, "string too long");
  out = (char *)malloc(6 * len + 3);
  if (out == NULL) return luaL_error(L, "not enough memory");
  luaL_buffinit(L, &b);
  luaL_addlstring(&b, out, trawl_json_quote(s, len, out));
  free(out);
  luaL_pushresult(&b);
  return 1;
}

/* core.listdir(path) -> { {name = "a.txt", dir = false}, ... } sorted by
** name, without "." and ".." | nil, message. The loaders need it for rule
** and text folders, and plain Lua has no portable way to list one. */
static int cmpname(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int l_listdir(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  DIR *d = opendir(path);
  struct dirent *e;
  int n = 0, i;
  if (d == NULL) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, strerror(errno));
    return 2;
  }
  lua_newtable(L);   /* names, collected first so they can be sorted */
  while ((e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
      continue;
    lua_pushstring(L, e->d_name);
    lua_rawseti(L, -2, ++n);
  }
  closedir(d);
  {
    const char **names = (const char **)lua_newuserdata(L, sizeof(char *) * (n + 1));
    for (i = 0; i < n; i++) {
      lua_rawgeti(L, -2, i + 1);
      names[i] = lua_tostring(L, -1);
      lua_pop(L, 1);   /* still referenced by the names table */
    }
    qsort((void *)names, (size_t)n, sizeof(char *), cmpname);
    lua_createtable(L, n, 0);
    for (i = 0; i < n; i++) {
      struct stat st;
      lua_pushfstring(L, "%s/%s", path, names[i]);
      lua_createtable(L, 0, 2);
      lua_pushstring(L, names[i]);
      lua_setfield(L, -2, "name");
      lua_pushboolean(L, stat(lua_tostring(L, -2), &st) == 0 &&
                             S_ISDIR(st.st_mode));
      lua_setfield(L, -2, "dir");
      lua_remove(L, -2);
      lua_rawseti(L, -2, i + 1);
    }
  }
  return 1;
}

/* core.isdir(path) -> boolean */
static int l_isdir(lua_State *L) {
  struct stat st;
  lua_pushboolean(L, stat(luaL_checkstring(L, 1), &st) == 0 &&
                         S_ISDIR(st.st_mode));
  return 1;
}

/* ---- JSON encoding of Lua values, for output lines ---- */

/* the output grows in a malloc'd buffer owned by a userdata, so that an
** error (a value that cannot be encoded) frees it through __gc */
typedef struct JBuf {
  char *p;
  size_t n, cap;
} JBuf;

#define JBUF_MT "trawl.jsonbuf"

static int jbuf_gc(lua_State *L) {
  JBuf *b = (JBuf *)luaL_checkudata(L, 1, JBUF_MT);
  free(b->p);
  b->p = NULL;
  return 0;
}

static void jroom(lua_State *L, JBuf *b, size_t more) {
  if (b->cap - b->n < more) {
    size_t ncap = b->cap ? b->cap : 256;
    char *np;
    while (ncap - b->n < more) ncap *= 2;
    if ((np = (char *)realloc(b->p, ncap)) == NULL)
      luaL_error(L, "not enough memory");
    b->p = np;
    b->cap = ncap;
  }
}

static void jadd(lua_State *L, JBuf *b, const char *s, size_t len) {
  jroom(L, b, len);
  memcpy(b->p + b->n, s, len);
  b->n += len;
}

static void jquote(lua_State *L, JBuf *b, const char *s, size_t len) {
  if (len > (((size_t)-1) - 3) / 6) luaL_error(L, "string too long");
  jroom(L, b, 6 * len + 3);
  b->n += trawl_json_quote(s, len, b->p + b->n);
}

static void jnumber(lua_State *L, JBuf *b, lua_Number n) {
  char num[64];
  if (n != n || n > 1e308 || n < -1e308) snprintf(num, sizeof num, "null");
  else if (n == (lua_Number)(long long)n && n > -9007199254740992.0 &&
           n < 9007199254740992.0)
    snprintf(num, sizeof num, "%lld", (long long)n);
  else
    snprintf(num, sizeof num, "%.17g", (double)n);
  jadd(L, b, num, strlen(num));
}

/* is the table at i a sequence 1..n, n > 0, with nothing else? Every key
** must be a whole number in 1..n, and there must be n of them */
static int isarray(lua_State *L, int i) {
  size_t n = tr_rawlen(L, i), count = 0;
  if (n == 0) return 0;
  lua_pushnil(L);
  while (lua_next(L, i)) {
    lua_Number k;
    lua_pop(L, 1);
    k = lua_type(L, -1) == LUA_TNUMBER ? lua_tonumber(L, -1) : 0;
    if (k < 1 || k > (lua_Number)n || k != (lua_Number)(size_t)k) {
      lua_pop(L, 1);
      return 0;
    }
    count++;
  }
  return count == n;
}

/* an error without a position prefix: the message is about the value */
static int jerror(lua_State *L, const char *msg, const char *what) {
  lua_pushfstring(L, msg, what);
  return lua_error(L);
}

typedef struct KeyRef {
  const char *s;   /* the key as a string, for sorting and output */
  size_t len;
  int ref;         /* index of the original key in the keys table */
} KeyRef;

static int cmpkeyref(const void *a, const void *b) {
  const KeyRef *x = (const KeyRef *)a, *y = (const KeyRef *)b;
  size_t n = x->len < y->len ? x->len : y->len;
  int c = memcmp(x->s, y->s, n);
  if (c != 0) return c;
  return x->len < y->len ? -1 : x->len > y->len;
}

static void jvalue(lua_State *L, JBuf *b, int i, int order, int depth);

static int inorder(lua_State *L, int order, size_t no) {
  size_t k;
  if (lua_type(L, -1) != LUA_TSTRING) return 0;
  for (k = 1; k <= no; k++) {
    int same;
    lua_rawgeti(L, order, (int)k);
    same = lua_rawequal(L, -1, -2);
    lua_pop(L, 1);
    if (same) return 1;
  }
  return 0;
}

/* an object: the keys listed in `order` first, then the others sorted by
** their string form; keys keep their type (t[2] is not t["2"]) */
static void jobject(lua_State *L, JBuf *b, int i, int order, int depth) {
  size_t no = order ? tr_rawlen(L, order) : 0, nk = 0, k;
  int keys, first = 1;
  KeyRef *refs;
  lua_newtable(L);   /* the other keys, as they are, and their strings */
  keys = lua_gettop(L);
  lua_pushnil(L);
  while (lua_next(L, i)) {
    lua_pop(L, 1);
    if (!inorder(L, order, no)) {
      lua_pushvalue(L, -1);
      lua_rawseti(L, keys, (int)(2 * nk + 1));
      lua_pushvalue(L, -1);
      if (lua_type(L, -1) != LUA_TSTRING) {   /* its string form */
        lua_getglobal(L, "tostring");
        lua_insert(L, -2);
        lua_call(L, 1, 1);
      }
      lua_rawseti(L, keys, (int)(2 * nk + 2));
      nk++;
    }
  }
  refs = (KeyRef *)lua_newuserdata(L, sizeof(KeyRef) * (nk + 1));
  for (k = 0; k < nk; k++) {
    lua_rawgeti(L, keys, (int)(2 * k + 2));
    refs[k].s = lua_tolstring(L, -1, &refs[k].len);
    refs[k].ref = (int)(2 * k + 1);
    lua_pop(L, 1);   /* still held by the keys table */
  }
  qsort(refs, nk, sizeof(KeyRef), cmpkeyref);
  jadd(L, b, "{", 1);
  for (k = 1; k <= no; k++) {
    lua_rawgeti(L, order, (int)k);
    lua_pushvalue(L, -1);
    lua_rawget(L, i);
    if (!lua_isnil(L, -1)) {
      size_t len;
      const char *key = lua_tolstring(L, -2, &len);
      if (!first) jadd(L, b, ",", 1);
      first = 0;
      jquote(L, b, key, len);
      jadd(L, b, ":", 1);
      jvalue(L, b, lua_gettop(L), 0, depth + 1);
    }
    lua_pop(L, 2);
  }
  for (k = 0; k < nk; k++) {
    if (!first) jadd(L, b, ",", 1);
    first = 0;
    jquote(L, b, refs[k].s, refs[k].len);
    jadd(L, b, ":", 1);
    lua_rawgeti(L, keys, refs[k].ref);
    lua_rawget(L, i);
    jvalue(L, b, lua_gettop(L), 0, depth + 1);
    lua_pop(L, 1);
  }
  jadd(L, b, "}", 1);
  lua_pop(L, 2);   /* refs, keys */
}

static void jvalue(lua_State *L, JBuf *b, int i, int order, int depth) {
  size_t len, k, n;
  const char *s;
  if (depth > 100 || !lua_checkstack(L, 10))
    jerror(L, "json: nesting too deep%s", "");
  switch (lua_type(L, i)) {
    case LUA_TSTRING:
      s = lua_tolstring(L, i, &len);
      jquote(L, b, s, len);
      break;
    case LUA_TNUMBER: jnumber(L, b, lua_tonumber(L, i)); break;
    case LUA_TBOOLEAN:
      if (lua_toboolean(L, i)) jadd(L, b, "true", 4);
      else jadd(L, b, "false", 5);
      break;
    case LUA_TNIL: jadd(L, b, "null", 4); break;
    case LUA_TTABLE:
      if (!isarray(L, i)) {
        jobject(L, b, i, order, depth);
        break;
      }
      n = tr_rawlen(L, i);
      jadd(L, b, "[", 1);
      for (k = 1; k <= n; k++) {
        if (k > 1) jadd(L, b, ",", 1);
        lua_rawgeti(L, i, (int)k);
        jvalue(L, b, lua_gettop(L), 0, depth + 1);
        lua_pop(L, 1);
      }
      jadd(L, b, "]", 1);
      break;
    default:
      jerror(L, "json: cannot encode a %s", luaL_typename(L, i));
  }
}

/* core.json_encode(value [, order]) -> JSON text. Object keys are sorted,
** the keys listed in `order` (top level only) first; an empty table is
** an object; the text is valid UTF-8 whatever the strings hold. */
static int l_json_encode(lua_State *L) {
  JBuf *b;
  int order = 0;
  luaL_checkany(L, 1);
  if (!lua_isnoneornil(L, 2)) {
    luaL_checktype(L, 2, LUA_TTABLE);
    order = 2;
  }
  lua_settop(L, 2);
  b = (JBuf *)lua_newuserdata(L, sizeof(JBuf));
  b->p = NULL;
  b->n = b->cap = 0;
  luaL_getmetatable(L, JBUF_MT);
  lua_setmetatable(L, -2);
  jvalue(L, b, 1, order, 0);
  lua_pushlstring(L, b->p ? b->p : "", b->n);
  free(b->p);
  b->p = NULL;
  return 1;
}

static int scratch_gc(lua_State *L) {
  trawl_scratch **sp = (trawl_scratch **)lua_touserdata(L, 1);
  trawl_scratch_free(*sp);
  *sp = NULL;
  return 0;
}

static const luaL_Reg core_funcs[] = {
  {"tokenize", l_tokenize}, {"regex", l_regex},
  {"json_quote", l_json_quote}, {"json_encode", l_json_encode},
  {"listdir", l_listdir}, {"isdir", l_isdir},
  {NULL, NULL}
};

void lb_newclass(lua_State *L, const char *name, const luaL_Reg *methods,
                 lua_CFunction gc, lua_CFunction len) {
  luaL_newmetatable(L, name);
  lua_pushvalue(L, -2);   /* upvalues of every method: the shared state */
  lua_pushvalue(L, -2);   /* and the metatable, for quick checks of self */
  luaL_setfuncs(L, methods, 2);
  lua_pushvalue(L, -1);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, gc);
  lua_setfield(L, -2, "__gc");
  if (len != NULL) {
    lua_pushcfunction(L, len);
    lua_setfield(L, -2, "__len");
  }
  lua_pushstring(L, name);
  lua_setfield(L, -2, "__name");
  lua_pop(L, 1);
}

int luaopen_trawl_core(lua_State *L);

int luaopen_trawl_core(lua_State *L) {
  trawl_error err;
  trawl_scratch **sp = (trawl_scratch **)lua_newuserdata(L, sizeof *sp);
  *sp = NULL;
  luaL_newmetatable(L, SCRATCH_MT);
  lua_pushcfunction(L, scratch_gc);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  *sp = trawl_scratch_new(NULL, &err);
  if (*sp == NULL) return luaL_error(L, "trawl.core: %s", err.msg);

  lua_newtable(L);                 /* the module, below the scratch */
  lua_insert(L, -2);
  lb_newclass(L, TOKENS_MT, tokens_methods, tokens_gc, tokens_len);
  luaL_getmetatable(L, TOKENS_MT);
  lua_pushcfunction(L, tokens_tostring);
  lua_setfield(L, -2, "__tostring");
  lua_pop(L, 1);
  lb_newclass(L, REGEX_MT, regex_methods, regex_gc, NULL);
  luaL_setfuncs(L, core_funcs, 1);
  lua_pushliteral(L, TRAWL_VERSION);
  lua_setfield(L, -2, "version");
  lua_pushinteger(L, TRAWL_MAX_DOC);
  lua_setfield(L, -2, "max_doc");
  luaL_newmetatable(L, JBUF_MT);
  lua_pushcfunction(L, jbuf_gc);
  lua_setfield(L, -2, "__gc");
  lua_pop(L, 1);
  lb_openmatch(L);
  return 1;
}
