#!/bin/bash
# scripts/measure/run.sh: everything `make measure` does: the README's measured
# figures (stemming, retrieval, entities, speed) from the data in DATA_DIR.
#
# usage: scripts/measure/run.sh [DATA_DIR]   (default ../shared/eval/data when
#        present; README.md, "Measuring", says where each data set comes from)
# Uses the server in PGHOST/PGPORT/PGUSER when PGHOST is set (installing
# pg_arabic there only when it is not available), else a throwaway cluster.
# MEASURE_MB sets the size of the speed corpus (default 20).
source "$(dirname "$0")/../common.sh"

DATA_DIR=${1:-${MEASURE_DATA:-}}
if [ -z "$DATA_DIR" ]; then
	DATA_DIR=$(cd "$TOP/.." && pwd)/shared/eval/data
	[ -d "$DATA_DIR" ] || die "give the data directory: scripts/measure/run.sh DATA_DIR (see README.md, Measuring)"
fi
DATA_DIR=$(cd "$DATA_DIR" && pwd)

ensure_deps
cd "$TOP"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pg_arabic_measure.XXXXXX")
scratch_work "$WORK"

scratch_database pg_arabic_measure 55900 90
"${PSQL[@]}" -d "$DB" -c "CREATE EXTENSION pg_arabic"
export PGDATABASE=$DB

M=$TOP/scripts/measure
say "stemming: conflation F1 on $DATA_DIR/lemma"
python3 "$M/stem.py" "$DATA_DIR" snowball ar_stem ar_root
say "retrieval: MRR@10 on $DATA_DIR/ir"
python3 "$M/ir.py" "$DATA_DIR" simple arabic ar
python3 "$M/ir.py" --rank bm25 "$DATA_DIR" ar
say "entities: PER/LOC/ORG F1 on $DATA_DIR/ner, sentences 3500 and after"
python3 "$M/ner.py" "$DATA_DIR"
python3 "$M/ner.py" "$DATA_DIR" --rules-only | tail -n 1
say "speed (ratios, one backend)"
python3 "$M/speed.py" "$DATA_DIR" --mb "${MEASURE_MB:-20}"
