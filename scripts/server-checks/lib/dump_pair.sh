# scripts/server-checks/lib/dump_pair.sh: sourced by the checks that round-trip
# a database through pg_dump/pg_restore (20-dump-restore, 25-bm25-dump).
#
#   source "$(dirname "$0")/lib/dump_pair.sh" NAME
#
# creates two empty databases SRC=pg_arabic_NAME_src_PID and DST=..._dst_PID on
# the server in PGHOST/PGPORT/PGUSER, and a dump file DUMP; all are removed on
# exit.  PSQL is the psql command line (unaligned, stop on error);
# dump_restore dumps SRC into DUMP and restores it into DST with the pg_dump
# and pg_restore of PGBIN (from scripts/common.sh), else of PATH.
SRC=pg_arabic_${1}_src_$$
DST=pg_arabic_${1}_dst_$$
DUMP=$(mktemp "${TMPDIR:-/tmp}/pg_arabic_${1}.XXXXXX")
BIN=${PGBIN:+$PGBIN/}
PSQL=(psql -X -q -At -v ON_ERROR_STOP=1)
cleanup() {
	"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $SRC" -c "DROP DATABASE IF EXISTS $DST" >/dev/null 2>&1 || true
	rm -f "$DUMP"
}
trap cleanup EXIT

"${PSQL[@]}" -d postgres -c "CREATE DATABASE $SRC" -c "CREATE DATABASE $DST"

dump_restore() {
	"${BIN}pg_dump" -Fc -d "$SRC" -f "$DUMP"
	"${BIN}pg_restore" -d "$DST" --exit-on-error "$DUMP"
}
