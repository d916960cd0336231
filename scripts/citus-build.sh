#!/bin/bash
# scripts/citus-build.sh: build and install Citus from ../shared/citus (its
# source and build.sh) for the PostgreSQL that pg_arabic is built against;
# into the sandbox when PG_ARABIC_SANDBOX is set, else into the system (as
# root).  Does nothing when Citus is already there; exits 3 when there is no
# ../shared/citus to build from (a fresh machine without it skips Citus).
source "$(dirname "$0")/common.sh"

ensure_deps
SRC=$TOP/../shared/citus
libdir=$("$PG_CONFIG" --pkglibdir)
sharedir=$("$PG_CONFIG" --sharedir)
dest=${PG_ARABIC_SANDBOX:-}
[ -f "$dest$libdir/citus.so" ] && { echo "citus already installed in $dest$libdir"; exit 0; }

if [ -z "$dest" ] || [ ! -f "$libdir/citus.so" ]; then
	[ -x "$SRC/build.sh" ] || { echo "no ../shared/citus/build.sh: cannot build Citus"; exit 3; }
	work=$(mktemp -d "${TMPDIR:-/tmp}/citus_build.XXXXXX")
	say "building Citus from ../shared/citus (a few minutes) in $work"
	# build.sh runs `make install`: DESTDIR in the environment sends it to
	# the sandbox.  Its pg_config is the first on PATH: ours.
	as_root env PATH="$(dirname "$PG_CONFIG"):$PATH" ${dest:+DESTDIR=$dest} \
		nice -n 10 bash "$SRC/build.sh" "$work"
	rm -rf "$work"
fi
if [ -n "$dest" ] && [ ! -f "$dest$libdir/citus.so" ]; then
	# Citus is in the system tree already (build.sh skipped): copy it over.
	say "copying the system's Citus into the sandbox"
	cp -a "$libdir"/citus* "$dest$libdir/"
	cp -a "$sharedir"/extension/citus* "$dest$sharedir/extension/"
fi
[ -f "$dest$libdir/citus.so" ] || die "Citus build did not install citus.so into $dest$libdir"
say "Citus installed in $dest$libdir"
