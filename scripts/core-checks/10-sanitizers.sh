#!/bin/bash
# scripts/core-checks/10-sanitizers.sh: the core unit tests under ASan+UBSan
# (make unit-asan) and under valgrind (make unit-valgrind); installs what lacks.
source "$(dirname "$0")/../common.sh"
cd "$TOP"

# Can the compiler make.mk would pick link a sanitized program?
san_works() {
	local dir cc rc=0
	cc=$(command -v clang || echo "${CC:-cc}")
	dir=$(mktemp -d "${TMPDIR:-/tmp}/pg_arabic_san.XXXXXX")
	echo 'int main(void) { return 0; }' >"$dir/t.c"
	"$cc" -fsanitize=address,undefined -o "$dir/t" "$dir/t.c" >/dev/null 2>&1 && "$dir/t" || rc=1
	rm -rf "$dir"
	return $rc
}

need=()
command -v valgrind >/dev/null || need+=(valgrind)
if ! san_works; then
	if command -v clang >/dev/null; then
		need+=("libclang-rt-$(clang -dumpversion | cut -d. -f1)-dev")
	else
		need+=(clang libclang-rt-dev)
	fi
fi
[ ${#need[@]} -eq 0 ] || apt_install "${need[@]}"
san_works || die "no compiler here can build with -fsanitize=address,undefined"

say "core unit tests under AddressSanitizer + UBSan"
make -s --no-print-directory unit-asan
say "core unit tests under valgrind"
make -s --no-print-directory unit-valgrind
