/*
** lbind.h - what the two files of the Lua binding share: lcore.c (module,
** tokens, regexes) and lmatch.c (patterns, phases, stores, gazetteers,
** numbers).
*/
#ifndef TRAWL_LBIND_H
#define TRAWL_LBIND_H

#include "lcompat.h"
#include "trawl.h"

#define TOKENS_MT "trawl.tokens"

typedef struct LTokens {
  trawl_tokens *t;
  int textref;   /* registry reference that keeps the text alive */
} LTokens;

/* the tokens userdata at index i, checked and not freed */
LTokens *lb_checktokens(lua_State *L, int i);

/* add the matching machinery to the module table on the stack top */
void lb_openmatch(lua_State *L);

/* register metatable `name`: methods (each with two upvalues: the value
** below the top, and the metatable), __index to itself, __gc, optional
** __len, __name */
void lb_newclass(lua_State *L, const char *name, const luaL_Reg *methods,
                 lua_CFunction gc, lua_CFunction len);

#endif
