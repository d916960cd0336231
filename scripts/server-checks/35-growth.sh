#!/bin/bash
# scripts/server-checks/35-growth.sh: texts of 100 MB whose characters grow
# when normalized (presentation forms) go through ar_normalize, ar_stem and
# to_tsvector: the output is sized by what each form really adds (ﻻ, 3 bytes,
# becomes لا, 4), not by the longest expansion.  Needs PGHOST/PGPORT/PGUSER.
set -euo pipefail

DB=pg_arabic_growth_$$
PSQL=(psql -X -q -At -v ON_ERROR_STOP=1)
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
fail=0

"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB"
trap '"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true' EXIT
q() { "${PSQL[@]}" -d "$DB" "$@"; }
q -c "CREATE EXTENSION pg_arabic"

# name | expression | expected result
while IFS='|' read -r name expr want; do
	got=$(q -c "SELECT $expr" 2>&1) || true
	if [ "$got" = "$want" ]; then
		echo "PASS: $name: $got"
	else
		echo "FAIL: $name: got '$got', want '$want'"
		fail=1
	fi
done <<'CHECKS'
ar_normalize of 33,333,333 ﻻ (100 MB)|octet_length(ar_normalize(repeat('ﻻ', 33333333)))|133333332
ar_normalize display of 33,333,333 ﻻ|octet_length(ar_normalize(repeat('ﻻ', 33333333), 'display'))|133333332
ar_stem of 33,333,333 ﻻ|octet_length(ar_stem(repeat('ﻻ', 33333333)))|133333332
ar_normalize of 3,000,000 ﷺ (9 MB, grows elevenfold)|octet_length(ar_normalize(repeat('ﷺ', 3000000), 'presentation'))|99000000
CHECKS

[ $fail -eq 0 ] && echo "PASS: growth" || echo "FAIL: growth"
exit $fail
