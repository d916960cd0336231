#!/bin/bash
# scripts/server-checks/60-scripts.sh: what `make test` and `make demo` print:
# plain text when not on a terminal, no "could not change directory" from
# runuser, a second `make demo-stop` that does not claim to stop anything,
# and a README that names every package the scripts install.
set -euo pipefail
HERE=$(cd "$(dirname "$0")/../.." && pwd)
fail=0
pass() { echo "PASS: $*"; }
failed() { echo "FAIL: $*"; fail=1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/pg_arabic_scripts.XXXXXX")
chmod 755 "$WORK"
cleanup() {
	if [ -f "$WORK/top/.demo/datadir" ]; then
		(source "$WORK/top/scripts/common.sh" && PGBIN=$PGBIN_ && stop_cluster "$WORK/data") || true
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT

# a copy of the scripts, so that the demo state of this checkout is not touched
mkdir -p "$WORK/top/scripts"
cp "$HERE"/scripts/*.sh "$WORK/top/scripts/"

# 1. messages: escapes only on a terminal
out=$(bash -c "source '$WORK/top/scripts/common.sh'; say hello" | od -c)
if grep -q '033' <<<"$out"; then
	failed "say writes ANSI escapes into a pipe"
else
	pass "say writes plain text into a pipe"
fi

source "$WORK/top/scripts/common.sh"
PGMAJOR=$(server_major)
PGBIN_=/usr/lib/postgresql/$PGMAJOR/bin
PGBIN=$PGBIN_

# 2. the cluster user runs commands from a directory it may not enter
if [ "$(cluster_user)" != "$(id -un)" ]; then
	mkdir -m 700 "$WORK/private"
	err=$(cd "$WORK/private" && as_cluster "$PGBIN/pg_ctl" --version 2>&1 >/dev/null) || true
	if [ -n "$err" ]; then
		failed "as_cluster from a private directory: $err"
	else
		pass "as_cluster from a directory the cluster user cannot enter: no message"
	fi
else
	echo "SKIP: as_cluster check (the cluster user is the caller)"
fi

# 3. demo-stop twice on a running cluster: only the first says it stopped it
mkdir -p "$WORK/data" "$WORK/top/.demo"
[ "$(cluster_user)" = "$(id -un)" ] || chown "$(cluster_user)" "$WORK/data"
echo "$WORK/data" >"$WORK/top/.demo/datadir"
(cd / && start_cluster "$WORK/data" $((56000 + $$ % 900))) >/dev/null
first=$(bash "$WORK/top/scripts/demo-stop.sh" 2>&1) || true
second=$(bash "$WORK/top/scripts/demo-stop.sh" 2>&1) || true
if grep -q 'stopped' <<<"$first" && ! grep -q 'stopped' <<<"$second" &&
	grep -q 'not running' <<<"$second"; then
	pass "demo-stop: '$first', then '$second'"
else
	failed "demo-stop twice: first '$first', second '$second'"
fi

# 4. the README names every package the scripts may install
pkgs=$(grep -ohE '(pkgs\+=|need\+=|apt_install) *\(?"?[a-z][a-z0-9.+-]*' "$HERE"/scripts/*.sh "$HERE"/scripts/*/*.sh |
	sed -E 's/.*[("= ]//' | grep -vE '^(apt_install|need|pkgs)$' | sort -u)
missing=()
for p in $pkgs; do
	grep -qF -- "$p" "$HERE/README.md" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
	pass "README names every package the scripts install: $(echo $pkgs)"
else
	failed "README does not name: ${missing[*]}"
fi

[ $fail -eq 0 ] && echo "PASS: scripts" || echo "FAIL: scripts"
exit $fail
