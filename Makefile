# danvan - the only build entry point.
#   make            bin/danvan (release, -Werror)
#   make asan       bin/danvan-asan (ASan + UBSan)
#   make check-cc   compile everything with gcc and clang, warnings as errors
#   make unit       build and run the C unit tests (cmocka), also under ASan
#   make fuzz       build libFuzzer targets (clang) into build/fuzz/
#   make web        build the front end (npm) into web/dist
#   make lint       tools/checksrc.sh: banned calls, assignments in conditions, layering
#   make clean

CC	?= cc
PKGS	 = libmicrohttpd jansson sqlite3 libpq libsodium icu-uc icu-i18n \
	   libzip expat xlsxwriter libmagic libxml-2.0
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
# libcsv ships no pkg-config file; it is linked by name.
PKG_LIBS   := $(shell pkg-config --libs $(PKGS)) -lcsv -lpthread -lm

CSTD	 = -std=c11 -D_POSIX_C_SOURCE=200809L
WARN	 = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
	   -Wmissing-prototypes -Wpointer-arith -Wvla -Wformat=2 \
	   -Wimplicit-fallthrough -Wno-format-nonliteral
CPPFLAGS = -Isrc -Ibuild/gen $(PKG_CFLAGS)
OPT	?= -O2 -g
SAN	 = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	   -fno-sanitize-recover=undefined

SRC	:= $(shell find src -name '*.c' ! -name main.c | sort)
MIGR	:= $(sort $(wildcard src/store/migrations/*/*.sql))
EMBED	 = $(MIGR) data/admin-units/units_2024.csv \
	   data/admin-units/units_2025.csv data/admin-units/mapping_2025.csv
GEN	 = build/gen/embedded.c

OBJ_REL	:= $(patsubst %.c,build/rel/%.o,$(SRC) src/main.c) build/rel/gen.o
OBJ_SAN	:= $(patsubst %.c,build/san/%.o,$(SRC) src/main.c) build/san/gen.o
LIBOBJ_REL := $(filter-out build/rel/src/main.o,$(OBJ_REL))
LIBOBJ_SAN := $(filter-out build/san/src/main.o,$(OBJ_SAN))

UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))

.PHONY: all asan check-cc unit fuzz web lint clean
all: bin/danvan

bin/danvan: $(OBJ_REL)
	@mkdir -p bin
	$(CC) $(OPT) -o $@ $^ $(PKG_LIBS)

bin/danvan-asan: $(OBJ_SAN)
	@mkdir -p bin
	$(CC) $(SAN) -o $@ $^ $(PKG_LIBS)

asan: bin/danvan-asan

build/rel/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(OPT) $(CPPFLAGS) -MMD -MP -c -o $@ $<

build/san/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(SAN) $(CPPFLAGS) -MMD -MP -c -o $@ $<

build/rel/gen.o build/san/gen.o: $(GEN)
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(CPPFLAGS) $(if $(findstring san,$@),$(SAN),$(OPT)) -c -o $@ $<

build/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) -O2 -o $@ $<

$(GEN): build/tools/embed $(EMBED)
	@mkdir -p $(dir $@)
	build/tools/embed $(EMBED) > $@.tmp && mv $@.tmp $@

# Both compilers, warnings as errors, objects thrown away.
check-cc:
	$(MAKE) -s CC=gcc OPT=-O2 BUILD_TAG=gcc clean-objs all
	$(MAKE) -s CC=clang OPT=-O2 BUILD_TAG=clang clean-objs all

.PHONY: clean-objs
clean-objs:
	rm -rf build/rel bin/danvan

# Unit tests: one binary per test file, linked with the library objects.
build/unit/%: tests/unit/%.c $(LIBOBJ_REL)
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) -Wno-missing-prototypes $(OPT) $(CPPFLAGS) \
	    $(shell pkg-config --cflags cmocka) -o $@ $^ $(PKG_LIBS) \
	    $(shell pkg-config --libs cmocka)

build/unit-san/%: tests/unit/%.c $(LIBOBJ_SAN)
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) -Wno-missing-prototypes $(SAN) $(CPPFLAGS) \
	    $(shell pkg-config --cflags cmocka) -o $@ $^ $(PKG_LIBS) \
	    $(shell pkg-config --libs cmocka)

# The sample report of tests/docx: test_docx checks it, build/docx-sample
# writes it for tests/docx/render.sh (LibreOffice); core/ objects only.
build/unit/test_docx build/unit-san/test_docx: tests/docx/sample_report.c
build/docx-sample: tests/docx/sample.c tests/docx/sample_report.c \
    $(filter build/rel/src/core/%,$(LIBOBJ_REL)) build/rel/gen.o
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(OPT) $(CPPFLAGS) -o $@ $^ $(PKG_LIBS)

UNIT_BIN := $(patsubst tests/unit/%.c,build/unit/%,$(UNIT_SRC))
UNIT_SAN := $(patsubst tests/unit/%.c,build/unit-san/%,$(UNIT_SRC))
unit: $(UNIT_BIN) $(UNIT_SAN)
	@set -e; for t in $(UNIT_BIN) $(UNIT_SAN); do echo "== $$t"; $$t; done

# Fuzz targets: clang + libFuzzer, sanitizers on.
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined
FUZZ_BIN := $(patsubst tests/fuzz/%.c,build/fuzz/%,$(FUZZ_SRC))
build/fuzz/%: tests/fuzz/%.c $(SRC) $(GEN)
	@mkdir -p $(dir $@)
	clang $(CSTD) $(FUZZ_FLAGS) -Wno-missing-prototypes $(CPPFLAGS) \
	    -o $@ $< $(SRC) $(GEN) $(PKG_LIBS)
fuzz: $(FUZZ_BIN)

# Conventions a machine can check (banned calls, conditions, layering).
lint:
	tools/checksrc.sh

web:
	cd web && npm ci --no-audit --no-fund && npm run build

clean:
	rm -rf build bin

-include $(shell find build -name '*.d' 2>/dev/null)
