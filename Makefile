# trawl - build, test and install.
#
#   make            build/trawl, build/libtrawl.a, the Lua 5.4 module
#   make luajit     the module for LuaJIT / Lua 5.1, in build/luajit/
#   make nvim       that module copied to lua/trawl/core.so for Neovim
#   make demo       run the default rules on a sample article
#   make test       every suite, plain and under ASan + UBSan; ends with
#                   "N passed, N failed"
#   make check      the suite on the plain build only (quick loop)
#   make install    PREFIX=/usr/local (DESTDIR honoured)
#
# `make demo` and `make test` first install missing Debian packages
# (tools/deps), so both work on a fresh machine.

PREFIX ?= /usr/local
BUILD ?= build
CC ?= cc
PKG_CONFIG ?= pkg-config

LUA54_CFLAGS := $(shell $(PKG_CONFIG) --cflags lua5.4 2>/dev/null)
LUA54_LIBS := $(shell $(PKG_CONFIG) --libs lua5.4 2>/dev/null)
LUAJIT_CFLAGS := $(shell $(PKG_CONFIG) --cflags luajit 2>/dev/null)
DEP_CFLAGS := $(shell $(PKG_CONFIG) --cflags libpcre2-8 libutf8proc 2>/dev/null)
DEP_LIBS := $(shell $(PKG_CONFIG) --libs libpcre2-8 libutf8proc 2>/dev/null)

OPT ?= -O2 -g
WARN := -Wall -Wextra -Werror -Wpedantic -Wshadow -Wstrict-prototypes \
        -Wmissing-prototypes -Wpointer-arith -Wcast-qual
SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer \
             -fno-sanitize-recover=undefined
ifeq ($(SAN),1)
OPT := -O1 -g $(SAN_FLAGS)
LDSAN := $(SAN_FLAGS)
endif
CFLAGS_ALL := -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(OPT) -fPIC \
              $(DEP_CFLAGS) $(CFLAGS)

CORE_SRC := $(filter-out src/cli.c src/lcore.c src/l%.c,$(wildcard src/*.c))
CORE_OBJ := $(CORE_SRC:src/%.c=$(BUILD)/obj/%.o)
BIND := lcore lmatch
BIND54 := $(BIND:%=$(BUILD)/obj/%54.o)
BINDJIT := $(BIND:%=$(BUILD)/obj/%jit.o)
LIB := $(BUILD)/libtrawl.a
BIN := $(BUILD)/trawl
MOD54 := $(BUILD)/lua54/trawl/core.so
MODJIT := $(BUILD)/luajit/trawl/core.so
CTESTS := $(patsubst tests/c/%.c,$(BUILD)/tests/%,$(wildcard tests/c/test_*.c))
HEADERS := $(wildcard src/*.h)

.PHONY: all luajit nvim demo test check testbuild deps install uninstall clean bench

all: $(LIB) $(BIN) $(MOD54)

luajit: $(MODJIT)

# Neovim loads lua/trawl/core.so from the plugin's runtimepath (LuaJIT ABI)
# (copied then renamed, so that a running Neovim keeps its mapped old copy)
nvim: $(MODJIT)
	cp $(MODJIT) lua/trawl/core.so.tmp
	mv -f lua/trawl/core.so.tmp lua/trawl/core.so

$(BUILD)/obj/%.o: src/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -c $< -o $@

# the Lua binding, compiled once per Lua ABI
$(BUILD)/obj/%54.o: src/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(LUA54_CFLAGS) -c $< -o $@

$(BUILD)/obj/%jit.o: src/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(LUAJIT_CFLAGS) -c $< -o $@

$(BUILD)/obj/cli.o: src/cli.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(LUA54_CFLAGS) -DTRAWL_PREFIX='"$(PREFIX)"' -c $< -o $@

$(LIB): $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(BUILD)/obj/cli.o $(BIND54) $(LIB)
	$(CC) $(LDSAN) $(LDFLAGS) -o $@ $^ $(LUA54_LIBS) $(DEP_LIBS) -lm -Wl,-E

$(MOD54): $(BIND54) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) -shared $(LDSAN) $(LDFLAGS) -o $@ $^ $(DEP_LIBS) -lm

$(MODJIT): $(BINDJIT) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) -shared $(LDSAN) $(LDFLAGS) -o $@ $^ $(DEP_LIBS) -lm

$(BUILD)/tests/%: tests/c/%.c tests/c/test.h $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Isrc $< -o $@ $(LDSAN) $(LIB) $(DEP_LIBS) -lm

deps:
	@tools/deps

demo: deps
	@$(MAKE) --no-print-directory all
	$(BIN) --format pretty docs/sample.txt

# `make test` = install what is missing, build everything twice (plain and
# ASan + UBSan), run every suite on both, one summary line at the end.
test: deps
	@$(MAKE) --no-print-directory testbuild
	@$(MAKE) --no-print-directory BUILD=build/asan SAN=1 testbuild
	@tests/run build build/asan

# `make check`: the plain build only, for a quick edit-test loop
check: testbuild
	@tests/run $(BUILD)

testbuild: all luajit $(CTESTS)

bench: all
	@tools/bench

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib \
	  $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/share/trawl/lua/trawl \
	  $(DESTDIR)$(PREFIX)/share/trawl/rules
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/trawl
	install -m 644 $(LIB) $(DESTDIR)$(PREFIX)/lib/libtrawl.a
	install -m 644 src/trawl.h $(DESTDIR)$(PREFIX)/include/trawl.h
	install -m 644 lua/trawl/*.lua $(DESTDIR)$(PREFIX)/share/trawl/lua/trawl/
	cp -R rules/. $(DESTDIR)$(PREFIX)/share/trawl/rules/

uninstall:
	rm -rf $(DESTDIR)$(PREFIX)/bin/trawl $(DESTDIR)$(PREFIX)/lib/libtrawl.a \
	  $(DESTDIR)$(PREFIX)/include/trawl.h $(DESTDIR)$(PREFIX)/share/trawl

clean:
	rm -rf build lua/trawl/core.so
