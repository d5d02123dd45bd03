# shellcheck shell=bash
# Local PostgreSQL for development and tests. Source this file, do not run it.
#
#   source scripts/lib/pg.sh
#   ec_pg_start                 # start (initialising on first use) the project cluster
#   ec_pg_createdb NAME         # create database NAME if missing
#   ec_pg_dropdb NAME           # drop database NAME if present (WITH (FORCE))
#   ec_pg_stop                  # stop the project cluster
#   ec_pg_status                # print whether the cluster answers
#
# The cluster lives in <repo>/.local/pg (git-ignored):
#   .local/pg/data   data directory (owned by the postgres user when run as root)
#   .local/pg/run    unix socket directory
#   .local/pg/log    server log (postgres.log)
# It listens on 127.0.0.1 only, port $EC_PG_PORT (default 55432), auth=trust.
# Durability stays at PostgreSQL's defaults (fsync, full_page_writes and synchronous_commit on): scripts/run.sh
# keeps a user's data in this cluster, and it must survive a power cut. The tests share the cluster and only relax
# what cannot corrupt it, per connection (synchronous_commit=off, see TestDatabase.cs; ADR 0021).
# The postgres role also gets the password "postgres" so password auth works too.
#
# After ec_pg_start these are exported:
#   EC_PG_CONN   Npgsql base connection string, no Database=:
#                Host=127.0.0.1;Port=55432;Username=postgres;Password=postgres
#   EC_PG_PORT   the port
#   EC_PG_HOST   127.0.0.1
#
# External PostgreSQL: if ConnectionStrings__Default is set in the environment,
# no local server is started or stopped; ec_pg_start only derives EC_PG_CONN
# from it (without the Database= part) and EC_PG_EXTERNAL=1 is exported.
# ec_pg_createdb / ec_pg_dropdb then use psql against that server.
#
# Permissions (when run as root): initdb/pg_ctl run as the postgres system user
# via runuser. The folder .local/pg is chown'ed to postgres. Every ancestor
# directory of .local/pg must be traversable by postgres; if one is not (e.g. a
# checkout under /root), ec_pg_start adds o+x to that directory and says so.
# When not run as root, the server runs as the current user instead.

EC_ROOT="${EC_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
EC_PG_HOME="${EC_PG_HOME:-$EC_ROOT/.local/pg}"
EC_PG_PORT="${EC_PG_PORT:-55432}"
EC_PG_HOST="127.0.0.1"
export EC_ROOT EC_PG_PORT EC_PG_HOST

_ec_log() { printf '[pg] %s\n' "$*" >&2; }

# Put dotnet on PATH if it is installed in a usual place but not on PATH.
ec_ensure_dotnet() {
    if ! command -v dotnet >/dev/null 2>&1; then
        local d
        for d in /usr/share/dotnet /usr/lib/dotnet /usr/local/share/dotnet "${HOME:-/root}/.dotnet"; do
            if [ -x "$d/dotnet" ]; then
                export PATH="$d:$PATH"
                break
            fi
        done
    fi
    if ! command -v dotnet >/dev/null 2>&1; then
        echo "dotnet SDK not found on PATH" >&2
        return 1
    fi
    if [ -z "${DOTNET_ROOT:-}" ]; then
        DOTNET_ROOT="$(dirname "$(readlink -f "$(command -v dotnet)")")"
        export DOTNET_ROOT
    fi
}

# Runs a command as root (directly, or through sudo when not root).
_ec_as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n "$@"
    else
        _ec_log "need root to run: $*"
        return 1
    fi
}

# Runs a command as the user owning the cluster (postgres when we are root).
_ec_pg_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && "$@")
    fi
}

_ec_pg_find_bin() {
    local d
    if [ -x /usr/lib/postgresql/15/bin/initdb ]; then
        echo /usr/lib/postgresql/15/bin
        return 0
    fi
    # shellcheck disable=SC2012
    d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [ -n "$d" ] && [ -x "$d/initdb" ]; then
        echo "$d"
        return 0
    fi
    return 1
}

# Installs the PostgreSQL server from Debian packages if no initdb is present.
ec_pg_ensure_binaries() {
    if EC_PG_BIN="$(_ec_pg_find_bin)"; then
        export EC_PG_BIN
        return 0
    fi
    _ec_log "PostgreSQL server binaries missing; installing with apt-get"
    # Do not let the Debian package create and start its own 'main' cluster.
    if [ "$(id -u)" -eq 0 ] && [ ! -e /etc/postgresql-common/createcluster.d/electioncomms.conf ]; then
        mkdir -p /etc/postgresql-common/createcluster.d
        echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.d/electioncomms.conf
    fi
    _ec_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 || return 1
    if ! _ec_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 >&2; then
        _ec_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 || return 1
    fi
    if ! EC_PG_BIN="$(_ec_pg_find_bin)"; then
        _ec_log "initdb still missing after apt-get install"
        return 1
    fi
    export EC_PG_BIN
}

_ec_pg_isready() {
    "$EC_PG_BIN/pg_isready" -q -h "$EC_PG_HOST" -p "$EC_PG_PORT" -U postgres -d postgres >/dev/null 2>&1
}

# Makes every ancestor of $1 traversable by the postgres user (adds o+x where needed).
_ec_pg_fix_traverse() {
    local target="$1" d
    d="$target"
    local dirs=()
    while [ "$d" != "/" ] && [ -n "$d" ]; do
        d="$(dirname "$d")"
        dirs+=("$d")
    done
    local i
    for ((i = ${#dirs[@]} - 1; i >= 0; i--)); do # from / downwards
        d="${dirs[i]}"
        if ! runuser -u postgres -- test -x "$d" 2>/dev/null; then
            _ec_log "granting traverse permission (chmod o+x) on $d for the postgres user"
            chmod o+x "$d"
        fi
    done
}

# Socket directory; falls back to /tmp when the path would be too long for a unix socket.
_ec_pg_socket_dir() {
    local dir="$EC_PG_HOME/run"
    if [ $((${#dir} + 20)) -gt 100 ]; then
        dir="/tmp/ec-pg-$(id -u)-$EC_PG_PORT"
    fi
    echo "$dir"
}

# Derives EC_PG_CONN (no Database=) from ConnectionStrings__Default.
_ec_pg_conn_from_external() {
    local cs="$1" part out=""
    local IFS=';'
    for part in $cs; do
        [ -z "$part" ] && continue
        case "${part%%=*}" in
            [Dd]atabase | [Dd][Bb]) ;;
            *) out="${out:+$out;}$part" ;;
        esac
    done
    echo "$out"
}

# Converts an Npgsql connection string to a libpq key=value string.
# Usage: ec_pg_libpq_conn "<npgsql conn string>" [dbname]
ec_pg_libpq_conn() {
    local cs="$1" db="${2:-}" part key val out=""
    local IFS=';'
    for part in $cs; do
        [ -z "$part" ] && continue
        key="$(echo "${part%%=*}" | tr '[:upper:]' '[:lower:]' | tr -d ' ')"
        val="${part#*=}"
        case "$key" in
            host | server) out="$out host=$val" ;;
            port) out="$out port=$val" ;;
            username | "user id" | userid | user) out="$out user=$val" ;;
            password | pwd) out="$out password=$val" ;;
            database | db) [ -z "$db" ] && db="$val" ;;
            sslmode) out="$out sslmode=$(echo "$val" | tr '[:upper:]' '[:lower:]')" ;;
        esac
    done
    [ -n "$db" ] && out="$out dbname=$db"
    echo "${out# }"
}

_ec_psql() {
    # _ec_psql DB args...
    local db="$1"
    shift
    local psql_bin="psql"
    if [ -n "${EC_PG_BIN:-}" ] && [ -x "$EC_PG_BIN/psql" ]; then
        psql_bin="$EC_PG_BIN/psql"
    fi
    if [ "${EC_PG_EXTERNAL:-0}" = "1" ]; then
        "$psql_bin" "$(ec_pg_libpq_conn "$EC_PG_CONN" "$db")" -v ON_ERROR_STOP=1 -X -q "$@"
    else
        PGPASSWORD=postgres "$psql_bin" -h "$EC_PG_HOST" -p "$EC_PG_PORT" -U postgres -d "$db" -v ON_ERROR_STOP=1 -X -q "$@"
    fi
}

ec_pg_start() {
    if [ -n "${ConnectionStrings__Default:-}" ]; then
        EC_PG_EXTERNAL=1
        EC_PG_CONN="$(_ec_pg_conn_from_external "$ConnectionStrings__Default")"
        export EC_PG_EXTERNAL EC_PG_CONN
        _ec_log "ConnectionStrings__Default is set: using that PostgreSQL, not starting a local one"
        return 0
    fi
    EC_PG_EXTERNAL=0
    EC_PG_CONN="Host=$EC_PG_HOST;Port=$EC_PG_PORT;Username=postgres;Password=postgres"
    export EC_PG_EXTERNAL EC_PG_CONN

    ec_pg_ensure_binaries || return 1

    if _ec_pg_isready; then
        _ec_log "PostgreSQL already running on $EC_PG_HOST:$EC_PG_PORT"
        return 0
    fi

    local data="$EC_PG_HOME/data" run log fresh=0
    run="$(_ec_pg_socket_dir)"
    log="$EC_PG_HOME/log"
    mkdir -p "$EC_PG_HOME" "$log" "$run"

    if [ "$(id -u)" -eq 0 ]; then
        if ! id postgres >/dev/null 2>&1; then
            _ec_log "creating system user postgres"
            useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
        fi
        _ec_pg_fix_traverse "$EC_PG_HOME"
        chown -R postgres:postgres "$EC_PG_HOME" "$run"
    fi

    if [ ! -s "$data/PG_VERSION" ]; then
        _ec_log "initialising cluster in $data"
        rm -rf "$data"
        mkdir -p "$data"
        chmod 700 "$data"
        [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$data"
        _ec_pg_as_owner "$EC_PG_BIN/initdb" -D "$data" --auth=trust --username=postgres \
            --encoding=UTF8 --locale=C.UTF-8 >"$log/initdb.log" 2>&1 || {
            _ec_log "initdb failed; see $log/initdb.log"
            tail -n 20 "$log/initdb.log" >&2
            return 1
        }
        fresh=1
    fi

    _ec_log "starting PostgreSQL on $EC_PG_HOST:$EC_PG_PORT (log: $log/postgres.log)"
    if ! _ec_pg_as_owner "$EC_PG_BIN/pg_ctl" -D "$data" -l "$log/postgres.log" -w -t 60 \
        -o "-c listen_addresses=$EC_PG_HOST -p $EC_PG_PORT -k '$run' -c max_connections=200" \
        start >/dev/null; then
        _ec_log "pg_ctl start failed; last log lines:"
        tail -n 20 "$log/postgres.log" >&2 || true
        return 1
    fi

    local _
    for _ in $(seq 1 30); do
        _ec_pg_isready && break
        sleep 1
    done
    if ! _ec_pg_isready; then
        _ec_log "PostgreSQL did not become ready"
        return 1
    fi

    if [ "$fresh" = "1" ]; then
        _ec_psql postgres -c "ALTER ROLE postgres PASSWORD 'postgres'" >/dev/null
    fi
}

ec_pg_createdb() {
    local name="${1:?database name required}"
    if [ -z "${EC_PG_CONN:-}" ]; then
        ec_pg_start || return 1
    fi
    if [ "${EC_PG_EXTERNAL:-0}" != "1" ]; then ec_pg_ensure_binaries || return 1; fi
    local exists
    exists="$(_ec_psql postgres -tA -c "SELECT 1 FROM pg_database WHERE datname = '${name//\'/\'\'}'")" || return 1
    if [ "$exists" != "1" ]; then
        _ec_log "creating database $name"
        _ec_psql postgres -c "CREATE DATABASE \"${name//\"/\"\"}\" ENCODING 'UTF8' TEMPLATE template0" || return 1
    fi
}

ec_pg_dropdb() {
    local name="${1:?database name required}"
    if [ -z "${EC_PG_CONN:-}" ]; then
        ec_pg_start || return 1
    fi
    if [ "${EC_PG_EXTERNAL:-0}" != "1" ]; then ec_pg_ensure_binaries || return 1; fi
    _ec_log "dropping database $name (if it exists)"
    _ec_psql postgres -c "DROP DATABASE IF EXISTS \"${name//\"/\"\"}\" WITH (FORCE)"
}

ec_pg_stop() {
    if [ -n "${ConnectionStrings__Default:-}" ] && [ "${EC_PG_EXTERNAL:-1}" = "1" ]; then
        _ec_log "ConnectionStrings__Default is set: not stopping anything"
        return 0
    fi
    local data="$EC_PG_HOME/data"
    if [ ! -s "$data/PG_VERSION" ]; then
        _ec_log "no cluster in $data"
        return 0
    fi
    ec_pg_ensure_binaries || return 1
    if _ec_pg_as_owner "$EC_PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        _ec_log "stopping PostgreSQL ($data)"
        _ec_pg_as_owner "$EC_PG_BIN/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null
    else
        _ec_log "PostgreSQL ($data) is not running"
    fi
}

ec_pg_status() {
    ec_pg_ensure_binaries || return 1
    if _ec_pg_isready; then
        echo "PostgreSQL is accepting connections on $EC_PG_HOST:$EC_PG_PORT"
    else
        echo "PostgreSQL is not running on $EC_PG_HOST:$EC_PG_PORT"
        return 1
    fi
}
