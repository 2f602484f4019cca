/*
** lcompat.h - the few Lua 5.2+ API calls the binding uses, for Lua 5.1.
** Guards test the API itself, not LUA_VERSION_NUM: LuaJIT 2.1 says 501
** but already has luaL_setfuncs and friends, and redefining them breaks.
*/
#ifndef TRAWL_LCOMPAT_H
#define TRAWL_LCOMPAT_H

#include <lua.h>
#include <lauxlib.h>

#if !defined(luaL_newlibtable) && !defined(LUAJIT_VERSION) && LUA_VERSION_NUM < 502
static void luaL_setfuncs(lua_State *L, const luaL_Reg *l, int nup) {
  luaL_checkstack(L, nup, "too many upvalues");
  for (; l->name != NULL; l++) {
    int i;
    for (i = 0; i < nup; i++) lua_pushvalue(L, -nup);
    lua_pushcclosure(L, l->func, nup);
    lua_setfield(L, -(nup + 2), l->name);
  }
  lua_pop(L, nup);
}
static void *luaL_testudata(lua_State *L, int i, const char *tname) {
  void *p = lua_touserdata(L, i);
  if (p == NULL || !lua_getmetatable(L, i)) return NULL;
  luaL_getmetatable(L, tname);
  if (!lua_rawequal(L, -1, -2)) p = NULL;
  lua_pop(L, 2);
  return p;
}
#endif

#if LUA_VERSION_NUM < 502
#define tr_rawlen(L, i) lua_objlen(L, i)
#else
#define tr_rawlen(L, i) lua_rawlen(L, i)
#endif

#endif
