#!/usr/bin/env bash
# Runs every check and test of the solution:
#   PostgreSQL (local cluster, see scripts/lib/pg.sh) -> Chromium (apt, if missing)
#   -> dotnet tool restore -> dotnet restore -> dotnet build -warnaserror
#   -> dotnet format --verify-no-changes -> dotnet test of each test project.
# The last line of output is always "N passed, N failed" (", N skipped" added
# when some tests were not executed), summed over the TRX files of all projects.
# Exit status is non-zero if anything failed or no test ran.
#
#   scripts/test.sh                      everything
#   scripts/test.sh --summarize [DIR]    only print the summary of the TRX files in DIR
#                                        (default .local/test-results)
#
# Environment:
#   EC_TEST_FILTER     passed to dotnet test as --filter (e.g. "FullyQualifiedName~Ballot")
#   EC_TEST_PROJECTS   space-separated test project names (default: all three)
#   EC_TEST_TIMEOUT    time limit per test project (default 25m, see timeout(1))
#   EC_SKIP_FORMAT=1   skip the dotnet format check (local iteration only)
#   ConnectionStrings__Default  if set, that PostgreSQL is used and no local one is started;
#                      otherwise it is set to "$EC_PG_CONN;Database=electioncomms_test"
# Exported for the tests: ConnectionStrings__Default, EC_CHROMIUM_PATH (=/usr/bin/chromium),
# PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"
RESULTS="$ROOT/.local/test-results"
ALL_PROJECTS="ElectionComms.Domain.Tests ElectionComms.Web.Tests ElectionComms.Browser.Tests"

total_passed=0
total_failed=0
total_skipped=0
total_run=0

# Reads attribute $2 of the <Counters .../> element of TRX file $1 (0 if absent).
trx_counter() {
    local v
    v="$(tr '\r\n' '  ' <"$1" | grep -o '<Counters[^>]*>' | head -n 1 |
        sed -n "s/.*[[:space:]]$2=\"\([0-9]*\)\".*/\1/p" || true)"
    echo "${v:-0}"
}

# Adds the counters of one TRX file to the totals. Prints a one-line report.
add_trx() {
    local f="$1" total executed passed failed skipped
    total="$(trx_counter "$f" total)"
    executed="$(trx_counter "$f" executed)"
    passed="$(trx_counter "$f" passed)"
    failed=$(($(trx_counter "$f" failed) + $(trx_counter "$f" error) + $(trx_counter "$f" timeout) + $(trx_counter "$f" aborted)))
    skipped=$((total - executed))
    [ "$skipped" -lt 0 ] && skipped=0
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    total_skipped=$((total_skipped + skipped))
    total_run=$((total_run + executed))
    LAST_TOTAL="$total"
    LAST_FAILED="$failed"
    printf '  %-40s total=%s passed=%s failed=%s skipped=%s\n' "$(basename "$f" .trx)" "$total" "$passed" "$failed" "$skipped"
}

summary_line() {
    if [ "$total_skipped" -gt 0 ]; then
        echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
    else
        echo "$total_passed passed, $total_failed failed"
    fi
}

if [ "${1:-}" = "--summarize" ]; then
    dir="${2:-$RESULTS}"
    shopt -s nullglob
    for f in "$dir"/*.trx; do add_trx "$f"; done
    summary_line
    [ "$total_failed" -eq 0 ] && [ "$total_run" -gt 0 ]
    exit
fi

# shellcheck source=scripts/lib/pg.sh
source scripts/lib/pg.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No MSBuild worker nodes left behind after the script ends.
export MSBUILDDISABLENODEREUSE=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

START_TIME=$(date +%s)
pg_started_here=0

step() { printf '\n==> [%4ss] %s\n' "$(($(date +%s) - START_TIME))" "$*"; }

cleanup() {
    if [ "${CI:-}" = "true" ]; then
        dotnet build-server shutdown >/dev/null 2>&1 || true
        if [ "$pg_started_here" = "1" ]; then
            ec_pg_stop >/dev/null 2>&1 || true
        fi
    fi
}

# Ends the run early (restore/build/format failure): summary says 0 passed, 1 failed.
fail_early() {
    echo "FAILED: $*" >&2
    cleanup
    echo "0 passed, 1 failed"
    exit 1
}

ec_ensure_dotnet || {
    echo "0 passed, 1 failed"
    exit 1
}

step "PostgreSQL"
if [ -n "${ConnectionStrings__Default:-}" ]; then
    ec_pg_start || fail_early "ec_pg_start"
else
    if ec_pg_ensure_binaries && ! "$EC_PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$EC_PG_PORT" -U postgres -d postgres >/dev/null 2>&1; then
        pg_started_here=1
    fi
    ec_pg_start || fail_early "could not start PostgreSQL (see .local/pg/log)"
    ec_pg_createdb electioncomms_test || fail_early "could not create database electioncomms_test"
    export ConnectionStrings__Default="$EC_PG_CONN;Database=electioncomms_test"
fi
echo "ConnectionStrings__Default=$(printf '%s' "$ConnectionStrings__Default" | sed 's/\(Password=\)[^;]*/\1***/I')"

step "Chromium"
if [ ! -x /usr/bin/chromium ]; then
    echo "installing Debian package chromium"
    if [ "$(id -u)" -eq 0 ]; then
        (export DEBIAN_FRONTEND=noninteractive && apt-get update -q && apt-get install -y -q chromium) ||
            echo "WARNING: chromium install failed; browser tests will fail" >&2
    else
        (sudo -n env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
            sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium) ||
            echo "WARNING: chromium install failed; browser tests will fail" >&2
    fi
fi
if [ -x /usr/bin/chromium ]; then
    export EC_CHROMIUM_PATH=/usr/bin/chromium
    /usr/bin/chromium --version 2>/dev/null || true
fi

step "dotnet tool restore"
dotnet tool restore || fail_early "dotnet tool restore"

step "dotnet restore"
if ! dotnet restore ElectionComms.sln; then
    echo "restore failed; retrying once" >&2
    sleep 5
    dotnet restore ElectionComms.sln || fail_early "dotnet restore"
fi

step "dotnet build (Release, warnings as errors)"
dotnet build ElectionComms.sln -c Release -warnaserror --no-restore --nologo || fail_early "dotnet build"

if [ "${EC_SKIP_FORMAT:-0}" = "1" ]; then
    step "dotnet format: skipped (EC_SKIP_FORMAT=1)"
else
    step "dotnet format --verify-no-changes"
    dotnet format ElectionComms.sln --verify-no-changes --no-restore ||
        fail_early "dotnet format found changes to make (run: dotnet format ElectionComms.sln)"
fi

rm -rf "$RESULTS"
mkdir -p "$RESULTS"

filter_args=()
if [ -n "${EC_TEST_FILTER:-}" ]; then
    filter_args=(--filter "$EC_TEST_FILTER")
fi

reports=()
for proj in ${EC_TEST_PROJECTS:-$ALL_PROJECTS}; do
    csproj="tests/$proj/$proj.csproj"
    step "dotnet test $proj"
    if [ ! -f "$csproj" ]; then
        echo "missing $csproj" >&2
        reports+=("$proj: project file missing")
        total_failed=$((total_failed + 1))
        continue
    fi
    rc=0
    timeout -k 30s "${EC_TEST_TIMEOUT:-25m}" \
        dotnet test "$csproj" --no-build -c Release --nologo \
        --logger "trx;LogFileName=$proj.trx" --results-directory "$RESULTS" \
        "${filter_args[@]}" || rc=$?
    trx="$RESULTS/$proj.trx"
    if [ ! -f "$trx" ]; then
        echo "no TRX written for $proj (exit code $rc)" >&2
        reports+=("$proj: no results (exit code $rc)")
        total_failed=$((total_failed + 1))
        continue
    fi
    LAST_TOTAL=0
    LAST_FAILED=0
    reports+=("$(add_trx "$trx")")
    add_trx "$trx" >/dev/null
    if [ "$rc" -ne 0 ] && [ "$LAST_FAILED" -eq 0 ]; then
        if [ -n "${EC_TEST_FILTER:-}" ] && [ "$LAST_TOTAL" -eq 0 ]; then
            : # filter matched nothing in this project
        else
            echo "dotnet test exited with $rc for $proj although no test failed (crash, timeout?)" >&2
            reports+=("  $proj: dotnet test exit code $rc counted as 1 failure")
            total_failed=$((total_failed + 1))
        fi
    fi
done

step "summary (TRX files in ${RESULTS#"$ROOT"/})"
for r in "${reports[@]}"; do echo "$r"; done

status=0
if [ "$total_failed" -gt 0 ]; then
    status=1
fi
if [ "$total_run" -eq 0 ]; then
    echo "no test was executed" >&2
    status=1
fi
cleanup
summary_line
exit "$status"
