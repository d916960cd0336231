#!/bin/bash
# scripts/test.sh: everything `make test` does, on a fresh Debian machine or a
# developer's: dependencies, build, core unit tests, install, then every
# pg_regress suite in a C-locale and in a UTF-8-locale database of a throwaway
# cluster.  Exit status is non-zero if any step fails.
#
# For a quicker loop while developing (CI always runs everything):
#   REGRESS="entities bm25" make test   only these pg_regress suites
#   QUICK=1 make test                   skip sanitizers, fuzzing and server checks
#   SERVER_CHECKS="20-dump-restore" make test   only these server checks
source "$(dirname "$0")/common.sh"

ensure_deps
cd "$TOP"
make -s PG_CONFIG="$PG_CONFIG" all
say "core unit tests"
make -s PG_CONFIG="$PG_CONFIG" unit
# more core checks (sanitizers, valgrind, fuzzing): scripts/core-checks/*.sh
for check in scripts/core-checks/*.sh; do
	[ -e "$check" ] || continue
	[ -z "${QUICK:-}" ] || continue
	say "core check: $(basename "$check" .sh)"
	bash "$check"
done
build_and_install

DATA=$(mktemp -d "${TMPDIR:-/tmp}/pg_arabic_test.XXXXXX")
chmod 755 "$DATA"
[ "$(cluster_user)" = "$(id -un)" ] || chown "$(cluster_user)" "$DATA"
cleanup() { stop_cluster "$DATA"; rm -rf "$DATA"; }
trap cleanup EXIT
PORT=$((54000 + $$ % 900))
start_cluster "$DATA" "$PORT"

[ -n "${REGRESS:-}" ] || REGRESS=$(make -s --no-print-directory PG_CONFIG="$PG_CONFIG" print-regress)
PG_REGRESS=$(dirname "$("$PG_CONFIG" --pgxs)")/../test/regress/pg_regress
status=0
for variant in c utf8; do
	say "pg_regress ($variant locale database): $REGRESS"
	opts=()
	[ "$variant" = c ] && opts+=(--no-locale)
	mkdir -p "results/$variant"
	# psql prints in the client encoding; make it independent of the caller's.
	# Only the test lines and the summary are shown, not pg_regress's setup
	# chatter (database creation, command tags, banners).
	rc=0
	PGCLIENTENCODING=UTF8 "$PG_REGRESS" --host="$PGHOST" --port="$PGPORT" --user=postgres \
		--inputdir=. --outputdir="results/$variant" --dbname="pg_arabic_regress_$variant" --load-extension=pg_arabic \
		"${opts[@]}" $REGRESS >"results/$variant/pg_regress.log" 2>&1 || rc=$?
	sed -E -e '/^=+/d' -e '/^\(using postmaster/d' -e '/^[A-Z][A-Z ]*$/d' -e 's/^ +(.* tests? .*[.]) *$/\1/' \
		"results/$variant/pg_regress.log"
	if [ $rc -ne 0 ]; then
		status=1
		[ -f "results/$variant/regression.diffs" ] && head -n 200 "results/$variant/regression.diffs"
	fi
done
# checks that need the server (hostile inputs, soak...): scripts/server-checks/*.sh,
# run with PGHOST/PGPORT/PGUSER set; each creates and drops its own database
for check in scripts/server-checks/*.sh; do
	[ -e "$check" ] || continue
	if [ -n "${SERVER_CHECKS:-}" ]; then
		case " $SERVER_CHECKS " in *" $(basename "$check" .sh) "*) ;; *) continue ;; esac
	elif [ -n "${QUICK:-}" ]; then
		continue
	fi
	say "server check: $(basename "$check" .sh)"
	bash "$check" || status=1
done
if grep -E 'PANIC|TRAP|terminated by signal' "$DATA/server.log"; then
	echo "server log shows a crash"
	status=1
fi
[ $status -eq 0 ] && say "all tests passed" || say "TESTS FAILED"
exit $status
