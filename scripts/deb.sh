#!/bin/bash
# scripts/deb.sh: `make deb`, the Debian package postgresql-<major>-pg-arabic
# built with PostgreSQL's standard tooling (debian/, pg_buildext), for every
# installed PostgreSQL major that debian/pgversions allows.  Builds in a clean
# copy of the source under build/deb/, where the .deb files land.
source "$(dirname "$0")/common.sh"

# Build dependencies only (debian/control): the server itself is not needed
# to build, and installing the package pulls it in.
need=()
for p in build-essential debhelper dpkg-dev postgresql-server-dev-all libicu-dev pkg-config; do
	dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
[ ${#need[@]} -eq 0 ] || apt_install "${need[@]}"

cd "$TOP"
version=$(dpkg-parsechangelog -S Version)
out=$TOP/build/deb
src=$out/pg-arabic-$version
rm -rf "$out" && mkdir -p "$src"
# the source files (tracked or not ignored, as they are in the working tree),
# or everything when this is not a git checkout
if git -C "$TOP" rev-parse --git-dir >/dev/null 2>&1; then
	git -C "$TOP" ls-files -z --cached --others --exclude-standard |
		while IFS= read -r -d '' f; do [ ! -e "$f" ] || cp --parents -P -t "$src" "$f"; done
else
	tar -C "$TOP" --exclude=./build --exclude=./.demo --exclude=./results -cf - . | tar -C "$src" -xf -
	make -C "$src" -s clean >/dev/null 2>&1 || true
fi
say "building the Debian package $version in build/deb"
# debian/control is regenerated when the installed majors differ from it
(cd "$src" && PG_UPDATECONTROL=yes dpkg-buildpackage -b -us -uc >"$out/build.log" 2>&1) || {
	tail -n 40 "$out/build.log"
	die "dpkg-buildpackage failed: build/deb/build.log"
}
rm -rf "$src"
for deb in "$out"/*.deb; do
	say "$(basename "$deb")"
	dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print "  " $NF}'
done
