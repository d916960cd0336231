#!/bin/bash
# scripts/deb-check.sh: install the package built by `make deb` (build/deb/)
# on this machine and check it: it holds every file `make install` installs,
# and CREATE EXTENSION pg_arabic works in a throwaway cluster, the learned
# tagger's model included.  Meant for a pristine Debian 12 root:
# `make deb-check` runs `make deb && bash scripts/deb-check.sh` in
# ../shared/tools/freshroot.sh.  Installs the package system-wide (root).
source "$(dirname "$0")/common.sh"
cd "$TOP"
fail=0
pass() { echo "PASS: $*"; }
failed() { echo "FAIL: $*"; fail=1; }

deb=$(ls build/deb/postgresql-*-pg-arabic_*_"$(dpkg --print-architecture)".deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || die "no package in build/deb: run make deb"
pkg=$(dpkg-deb -f "$deb" Package)
say "installing $(basename "$deb")"
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "./$deb" >/dev/null
dpkg -s "$pkg" | grep -q '^Status: install ok installed' && pass "$pkg installed" || failed "$pkg not installed"

# the package against `make install`: the same files under PostgreSQL's dirs
PGMAJOR=$(server_major)
PGBIN=/usr/lib/postgresql/$PGMAJOR/bin
PG_CONFIG=$PGBIN/pg_config
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pg_arabic_deb.XXXXXX")
chmod 755 "$tmp"
[ "$(cluster_user)" = "$(id -un)" ] || chown "$(cluster_user)" "$tmp"
cleanup() { stop_cluster "$tmp/data"; rm -rf "$tmp"; }
trap cleanup EXIT
make -s PG_CONFIG="$PG_CONFIG" all >/dev/null
make -s PG_CONFIG="$PG_CONFIG" DESTDIR="$tmp/destdir" install >/dev/null
make -s PG_CONFIG="$PG_CONFIG" clean >/dev/null
(cd "$tmp/destdir" && find . -type f | sed 's/^\.//' | sort) > "$tmp/make-install.list"
dpkg -L "$pkg" | grep -E '^/usr/(lib|share)/postgresql/' | while read -r f; do [ -f "$f" ] && echo "$f"; done |
	sort > "$tmp/package.list"
if diff -u "$tmp/make-install.list" "$tmp/package.list"; then
	pass "the package holds the $(wc -l < "$tmp/package.list") files of make install"
else
	failed "package files differ from make install (- make install, + package)"
fi

want=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" pg_arabic.control)
mkdir -p "$tmp/data" && chown "$(cluster_user)" "$tmp/data" 2>/dev/null || true
chmod 700 "$tmp/data"
cd "$tmp"	# somewhere the cluster user may enter
start_cluster "$tmp/data" 54999
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d postgres -c "$1" 2>&1; }
check() {
	local got
	got=$(q "$2") || true
	if [ "$got" = "$3" ]; then pass "$1: $got"; else failed "$1: got '$got', want '$3'"; fi
}
check "CREATE EXTENSION" "CREATE EXTENSION pg_arabic; SELECT extversion FROM pg_extension WHERE extname = 'pg_arabic'" "$want"
check "ar_normalize" "SELECT ar_normalize('الفَسَادُ') = ar_normalize('الفساد')" t
check "search with the ar configuration (stopwords from tsearch_data)" \
	"SELECT to_tsvector('ar', 'والمستشفيات في المدينة') @@ plainto_tsquery('ar', 'مستشفى')" t
check "ar_entities with the learned tagger (model file)" \
	"SET pg_arabic.entity_model = on; SELECT count(*) > 0 FROM ar_entities('زار وزير الخارجية مدينة تونس يوم الاثنين')" t
check "upgrade path from 1.0" "DROP EXTENSION pg_arabic; CREATE EXTENSION pg_arabic VERSION '1.0'; ALTER EXTENSION pg_arabic UPDATE;
	SELECT extversion FROM pg_extension WHERE extname = 'pg_arabic'" "$want"
[ $fail -eq 0 ] && say "the package works" || say "PACKAGE CHECK FAILED"
exit $fail
