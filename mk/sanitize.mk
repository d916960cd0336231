# mk/sanitize.mk: the core unit tests under AddressSanitizer + UBSan and
# under valgrind; binaries go to build/sanitize/ (ignored by git).
#
#   make unit-asan        build test/unit's sources with -fsanitize, run them
#   make unit-valgrind    run the normal test/unit under valgrind
#
# SAN_CC picks the compiler (clang when present, else $(CC)); both need their
# sanitizer runtimes (clang: libclang-rt-N-dev; gcc: libasan, libubsan).

SAN_CC ?= $(if $(shell command -v clang 2>/dev/null),clang,$(CC))
SAN_DIR = build/sanitize
SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
VALGRIND ?= valgrind
VALGRIND_FLAGS = -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,possible

.PHONY: unit-asan unit-valgrind

$(SAN_DIR)/unit-asan: $(UNIT_SRCS) $(CORE_SRCS) $(wildcard src/core/*.h) test/unit.h
	@mkdir -p $(@D)
	$(SAN_CC) -std=c99 -O1 -g $(SAN_FLAGS) $(WARN) -Isrc/core -Itest $(ICU_CFLAGS) \
		-o $@ $(UNIT_SRCS) $(CORE_SRCS) $(ICU_LIBS)

# halt_on_error: a report fails the run even where recovery is compiled in
unit-asan: $(SAN_DIR)/unit-asan
	ASAN_OPTIONS=halt_on_error=1:detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		./$(SAN_DIR)/unit-asan

unit-valgrind: test/unit
	$(VALGRIND) $(VALGRIND_FLAGS) ./test/unit
