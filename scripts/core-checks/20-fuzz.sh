#!/bin/bash
# scripts/core-checks/20-fuzz.sh: every libFuzzer target of the core for
# FUZZ_SECONDS (default 20) each (make fuzz); installs clang and libFuzzer.
source "$(dirname "$0")/../common.sh"
cd "$TOP"

# Can clang link a libFuzzer target?
fuzzer_works() {
	local dir rc=0
	command -v clang >/dev/null || return 1
	dir=$(mktemp -d "${TMPDIR:-/tmp}/pg_arabic_fuzz.XXXXXX")
	printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
		'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { return 0; }' >"$dir/t.c"
	clang -fsanitize=fuzzer,address,undefined -o "$dir/t" "$dir/t.c" >/dev/null 2>&1 || rc=1
	rm -rf "$dir"
	return $rc
}

if ! fuzzer_works; then
	# Debian ships libFuzzer in the compiler-rt package of clang's version
	command -v clang >/dev/null || apt_install clang
	fuzzer_works || apt_install "libclang-rt-$(clang -dumpversion | cut -d. -f1)-dev"
	fuzzer_works || die "clang cannot link libFuzzer targets (-fsanitize=fuzzer)"
fi

make -s --no-print-directory fuzz FUZZ_SECONDS="${FUZZ_SECONDS:-20}"
