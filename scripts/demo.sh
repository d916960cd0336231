#!/bin/bash
# scripts/demo.sh: build, install, start (or reuse) a throwaway cluster kept in
# .demo/, load the sample corpus demo/articles.tsv and show what works.
source "$(dirname "$0")/common.sh"

ensure_deps
cd "$TOP"
build_and_install

# The cluster lives in .demo/ unless the cluster user cannot reach it (root
# working under /root): then in a per-checkout directory under /var/tmp.
mkdir -p .demo
DATA=$TOP/.demo/data
if [ "$(cluster_user)" != "$(id -un)" ]; then
	mkdir -p "$DATA" && chown "$(cluster_user)" "$DATA" && chmod 700 "$DATA"
	if ! cluster_can_use "$DATA"; then
		DATA=/var/tmp/pg_arabic_demo_$(printf '%s' "$TOP" | md5sum | cut -c1-8)
		mkdir -p "$DATA" && chown "$(cluster_user)" "$DATA" && chmod 700 "$DATA"
		rm -rf "$TOP/.demo/data"
	fi
fi
echo "$DATA" > .demo/datadir
start_cluster "$DATA" 54328

psql_demo() { psql -X -q -v ON_ERROR_STOP=1 -d pg_arabic_demo "$@"; }
psql -X -q -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='pg_arabic_demo'" | grep -q 1 ||
	psql -X -q -d postgres -c "CREATE DATABASE pg_arabic_demo"
say "loading demo/articles.tsv"
psql_demo -f demo/load.sql < /dev/null
psql_demo -c "\\copy articles(id, published, title, body) FROM 'demo/articles.tsv'"
psql_demo -f demo/tour.sql
# real news: the ANT corpus (demo/ant), with load and query timings
command -v xz >/dev/null || apt_install xz-utils
say "loading demo/ant: 10,138 real news articles (ANT corpus, Apache-2.0)"
psql_demo -f demo/ant.sql
say "demo done in $SECONDS s"

cat <<EOT

Connect:   psql -h $DATA -p 54328 -U postgres pg_arabic_demo
Stop:      make demo-stop
EOT
