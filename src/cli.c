/*
** cli.c - the trawl command: a Lua 5.4 host for lua/trawl/cli.lua.
**
** The C side only finds the Lua files and the default rules (from the
** build tree or an installed prefix), links the core in as trawl.core, and
** hands control to Lua; option parsing, reading and writing are in Lua.
*/
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "trawl.h"

#ifndef TRAWL_PREFIX
#define TRAWL_PREFIX "/usr/local"
#endif

/* realpath() is POSIX 2008 but glibc hides it under plain _POSIX_C_SOURCE */
char *realpath(const char *restrict path, char *restrict resolved);

int luaopen_trawl_core(lua_State *L);

/* where the Lua files and default rules live, relative to the binary:
** build/trawl uses the source tree, PREFIX/bin/trawl uses PREFIX/share */
typedef struct Layout {
  char lua[PATH_MAX];
  char rules[PATH_MAX];
} Layout;

static int isdir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* directory of the running binary, from /proc (Linux) or argv[0] */
static void exedir(const char *argv0, char *out, size_t size) {
  ssize_t n = readlink("/proc/self/exe", out, size - 1);
  char *slash;
  if (n > 0) out[n] = '\0';
  else snprintf(out, size, "%s", argv0);
  slash = strrchr(out, '/');
  if (slash != NULL) *slash = '\0';
  else snprintf(out, size, ".");
}

/* base/rel, with ".." resolved so messages show clean paths */
static void joinpath(char *out, const char *base, const char *rel) {
  char raw[PATH_MAX];
  snprintf(raw, sizeof raw, "%s/%s", base, rel);
  if (realpath(raw, out) == NULL) snprintf(out, PATH_MAX, "%s", raw);
}

static int trylayout(Layout *lay, const char *base, const char *lua,
                     const char *rules) {
  char probe[PATH_MAX + 32];
  joinpath(lay->lua, base, lua);
  joinpath(lay->rules, base, rules);
  snprintf(probe, sizeof probe, "%s/trawl/cli.lua", lay->lua);
  return access(probe, R_OK) == 0;
}

static void findlayout(const char *argv0, Layout *lay) {
  char dir[PATH_MAX];
  const char *env = getenv("TRAWL_HOME");   /* a source tree or a prefix */
  exedir(argv0, dir, sizeof dir);
  if (env != NULL && *env != '\0') {
    if (trylayout(lay, env, "lua", "rules")) return;
    if (trylayout(lay, env, "share/trawl/lua", "share/trawl/rules")) return;
  }
  /* the build tree (build/trawl), an installed prefix (PREFIX/bin/trawl),
  ** then a build variant (build/asan/trawl) */
  if (trylayout(lay, dir, "../lua", "../rules")) return;
  if (trylayout(lay, dir, "../share/trawl/lua", "../share/trawl/rules"))
    return;
  if (trylayout(lay, dir, "../../lua", "../../rules")) return;
  trylayout(lay, TRAWL_PREFIX, "share/trawl/lua", "share/trawl/rules");
}

/* message handler: add a traceback to errors that escape the Lua side,
** which are bugs in trawl rather than in rules or input */
static int traceback(lua_State *L) {
  const char *msg = lua_tostring(L, 1);
  luaL_traceback(L, L, msg ? msg : "(error object is not a string)", 1);
  return 1;
}

static int run(lua_State *L, int argc, char **argv, const Layout *lay) {
  int i, status;
  luaL_openlibs(L);
  luaL_requiref(L, "trawl.core", luaopen_trawl_core, 0);
  lua_pop(L, 1);
  /* package.path: the trawl Lua files first, then the usual places */
  lua_getglobal(L, "package");
  lua_pushfstring(L, "%s/?.lua;%s/?/init.lua;", lay->lua, lay->lua);
  lua_getfield(L, -2, "path");
  lua_concat(L, 2);
  lua_setfield(L, -2, "path");
  lua_pop(L, 1);

  lua_pushcfunction(L, traceback);
  lua_getglobal(L, "require");
  lua_pushliteral(L, "trawl.cli");
  status = lua_pcall(L, 1, 1, -3);
  if (status != LUA_OK) goto fail;
  lua_getfield(L, -1, "main");
  lua_createtable(L, argc, 0);
  for (i = 1; i < argc; i++) {
    lua_pushstring(L, argv[i]);
    lua_rawseti(L, -2, i);
  }
  lua_createtable(L, 0, 4);
  lua_pushstring(L, lay->rules);
  lua_setfield(L, -2, "rules_dir");
  lua_pushboolean(L, isatty(1));
  lua_setfield(L, -2, "tty");
  lua_pushboolean(L, isdir(lay->rules));
  lua_setfield(L, -2, "have_rules");
  status = lua_pcall(L, 2, 1, -5);
  if (status != LUA_OK) goto fail;
  return (int)luaL_optinteger(L, -1, 0);
fail:
  fprintf(stderr, "trawl: internal error: %s\n", lua_tostring(L, -1));
  return 2;
}

int main(int argc, char **argv) {
  Layout lay;
  lua_State *L;
  int rc;
  findlayout(argv[0], &lay);
  L = luaL_newstate();
  if (L == NULL) {
    fprintf(stderr, "trawl: not enough memory\n");
    return 2;
  }
  rc = run(L, argc, argv, &lay);
  fflush(stdout);
  lua_close(L);
  return rc;
}
