# scripts/common.sh: shared by test.sh, demo.sh and the bench and measure runs (sourced, not run).
# Finds or installs PostgreSQL and the build dependencies, and manages a
# throwaway cluster run by an unprivileged user (postgres refuses root).

set -euo pipefail
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Bold only on a terminal: a log or a pipe gets plain text.
if [ -t 1 ]; then
	say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
else
	say() { printf '==> %s\n' "$*"; }
fi
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Run a command as root: directly when we are root, else through sudo.
as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Install Debian packages (checks install what they need this way).  apt's
# and debconf's chatter goes to a log, shown only when apt-get fails.
apt_install() {
	local log rc=0
	command -v apt-get >/dev/null || die "need $*, and there is no apt-get to install it"
	say "installing $*"
	log=$(mktemp "${TMPDIR:-/tmp}/pg_arabic_apt.XXXXXX")
	{
		as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
			as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
				-o Dpkg::Use-Pty=0 --no-install-recommends "$@"
	} >"$log" 2>&1 || rc=$?
	if [ $rc -ne 0 ]; then
		tail -n 40 "$log" >&2
		rm -f "$log"
		die "apt-get could not install $*"
	fi
	rm -f "$log"
}

# Major version of the newest installed PostgreSQL server, or empty.
server_major() {
	{ ls -d /usr/lib/postgresql/*/bin/postgres 2>/dev/null || true; } |
		sed -E 's|/usr/lib/postgresql/([0-9]+)/.*|\1|' | sort -n | tail -n 1
}

# Install what is missing: the server, its -dev package, ICU, pkg-config.
ensure_deps() {
	local major pkgs=()
	major=$(server_major)
	command -v apt-get >/dev/null || { [ -n "$major" ] || die "no PostgreSQL and no apt-get"; }
	[ -n "$major" ] || pkgs+=(postgresql)
	dpkg -s libicu-dev >/dev/null 2>&1 || pkgs+=(libicu-dev)
	command -v pkg-config >/dev/null || pkgs+=(pkg-config)
	command -v gcc >/dev/null || pkgs+=(gcc)
	command -v make >/dev/null || pkgs+=(make)
	# runuser, used to start the cluster as an unprivileged user
	command -v runuser >/dev/null || pkgs+=(util-linux)
	# python3: the news dev check of make test, make measure
	command -v python3 >/dev/null || pkgs+=(python3)
	if [ -n "$major" ]; then
		[ -x "/usr/lib/postgresql/$major/bin/pg_config" ] &&
			[ -f "/usr/include/postgresql/$major/server/postgres.h" ] ||
			pkgs+=("postgresql-server-dev-$major")
	fi
	if [ ${#pkgs[@]} -gt 0 ]; then
		apt_install "${pkgs[@]}"
		major=$(server_major)
		[ -n "$major" ] || die "PostgreSQL server still missing after apt-get"
		[ -f "/usr/include/postgresql/$major/server/postgres.h" ] ||
			apt_install "postgresql-server-dev-$major"
	fi
	PGMAJOR=$major
	PGBIN=/usr/lib/postgresql/$major/bin
	PG_CONFIG=$PGBIN/pg_config
	[ -x "$PG_CONFIG" ] || PG_CONFIG=$(command -v pg_config)
	use_sandbox
	export PG_CONFIG PGBIN PGMAJOR
}

# PG_ARABIC_SANDBOX=DIR: install into a private copy of the server's tree
# under DIR instead of the system's, so that several checkouts can build and
# test at once without root and without overwriting each other's install.
# PostgreSQL finds its share/ and lib/ relative to its binary, so a copy of
# /usr/lib/postgresql/N and /usr/share/postgresql/N is a server of its own.
use_sandbox() {
	[ -n "${PG_ARABIC_SANDBOX:-}" ] || return 0
	local sb=$PG_ARABIC_SANDBOX
	if [ ! -x "$sb/usr/lib/postgresql/$PGMAJOR/bin/postgres" ]; then
		mkdir -p "$sb/usr/lib/postgresql" "$sb/usr/share/postgresql"
		cp -a "/usr/lib/postgresql/$PGMAJOR" "$sb/usr/lib/postgresql/"
		cp -a "/usr/share/postgresql/$PGMAJOR" "$sb/usr/share/postgresql/"
		chmod -R a+rX "$sb"
	fi
	PGBIN=$sb/usr/lib/postgresql/$PGMAJOR/bin
}

build_and_install() {
	say "building pg_arabic against PostgreSQL $PGMAJOR"
	make -C "$TOP" -s PG_CONFIG="$PG_CONFIG" all
	if [ -n "${PG_ARABIC_SANDBOX:-}" ]; then
		say "installing into the sandbox $PG_ARABIC_SANDBOX"
		make -C "$TOP" -s PG_CONFIG="$PG_CONFIG" DESTDIR="$PG_ARABIC_SANDBOX" install
	else
		say "installing"
		as_root make -C "$TOP" -s PG_CONFIG="$PG_CONFIG" install
	fi
}

# The user that owns and runs clusters: ourselves, or "postgres" for root.
cluster_user() {
	if [ "$(id -u)" -eq 0 ]; then
		id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
		echo postgres
	else
		id -un
	fi
}

# Run a command as the cluster user.  From /, which every user may enter:
# runuser keeps the working directory, and postgres cannot enter /root/...
# (every path given to these commands is absolute).
as_cluster() {
	local u
	u=$(cluster_user)
	if [ "$u" = "$(id -un)" ]; then "$@"; else (cd / && runuser -u "$u" -- "$@"); fi
}

# Can the cluster user reach (and write into) a directory?
cluster_can_use() {
	as_cluster test -w "$1" -a -x "$1" 2>/dev/null
}

# start_cluster DATADIR PORT: initdb when new, start when stopped.
# The socket lives in DATADIR, the server listens on no TCP address.
start_cluster() {
	local data=$1 port=$2
	if [ ! -f "$data/PG_VERSION" ]; then
		say "creating a throwaway cluster in $data"
		as_cluster "$PGBIN/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
	fi
	if ! cluster_running "$data"; then
		as_cluster "$PGBIN/pg_ctl" -D "$data" -w -l "$data/server.log" \
			-o "-p $port -k $data -c listen_addresses=''" start >/dev/null
	fi
	export PGHOST=$data PGPORT=$port PGUSER=postgres
}

# Is the cluster in DATADIR running?
cluster_running() {
	[ -f "$1/PG_VERSION" ] && as_cluster "$PGBIN/pg_ctl" -D "$1" status >/dev/null 2>&1
}

# stop_cluster DATADIR: stop it if it runs.
stop_cluster() {
	local data=$1
	cluster_running "$data" || return 0
	as_cluster "$PGBIN/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}

# For the scripts that measure (make bench, make measure): a scratch database.
#   scratch_work WORK               WORK (a fresh mktemp -d) is removed on exit
#   scratch_database NAME PORT SPAN
# The database NAME_PID is on the server in PGHOST/PGPORT/PGUSER when PGHOST is
# set (installing pg_arabic there only when it is not available), else on a
# throwaway cluster in WORK/data on a port in PORT .. PORT+SPAN-1.  Sets DB and
# PSQL; on exit the database is dropped and the cluster stopped.
scratch_work() {
	SCRATCH_WORK=$1 SCRATCH_CLUSTER= SCRATCH_DB=
	trap scratch_cleanup EXIT
}

scratch_cleanup() {
	[ -z "$SCRATCH_DB" ] || "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $SCRATCH_DB" >/dev/null 2>&1 || true
	[ -z "$SCRATCH_CLUSTER" ] || stop_cluster "$SCRATCH_CLUSTER"
	rm -rf "$SCRATCH_WORK"
}

scratch_database() {
	if [ -z "${PGHOST:-}" ]; then
		build_and_install
		SCRATCH_CLUSTER=$SCRATCH_WORK/data
		mkdir -p "$SCRATCH_CLUSTER"
		chmod 755 "$SCRATCH_WORK" "$SCRATCH_CLUSTER"
		[ "$(cluster_user)" = "$(id -un)" ] || chown "$(cluster_user)" "$SCRATCH_CLUSTER"
		start_cluster "$SCRATCH_CLUSTER" $(($2 + $$ % $3))
	fi
	PSQL=(psql -X -q -v ON_ERROR_STOP=1)
	"${PSQL[@]}" -d postgres -At -c "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_arabic'" | grep -q 1 ||
		build_and_install
	DB=$1_$$
	"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB"
	SCRATCH_DB=$DB
}
