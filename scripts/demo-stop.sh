#!/bin/bash
# scripts/demo-stop.sh: stop the demo cluster started by `make demo`, and say
# so only when there was one running.
source "$(dirname "$0")/common.sh"
PGMAJOR=$(server_major)
[ -n "$PGMAJOR" ] || { echo "no demo cluster (no PostgreSQL installed)"; exit 0; }
PGBIN=/usr/lib/postgresql/$PGMAJOR/bin
[ -f "$TOP/.demo/datadir" ] || { echo "no demo cluster"; exit 0; }
DATA=$(cat "$TOP/.demo/datadir")
if ! cluster_running "$DATA"; then
	echo "the demo cluster in $DATA is not running"
	exit 0
fi
stop_cluster "$DATA"
if cluster_running "$DATA"; then
	die "the demo cluster in $DATA did not stop"
fi
say "demo cluster stopped ($DATA)"
