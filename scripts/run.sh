#!/usr/bin/env bash
# Starts the ElectionComms portal at http://127.0.0.1:5080 with demo data.
#
#   scripts/run.sh            start (keeps the existing database and its data)
#   scripts/run.sh --reset    drop and recreate the database first (fresh demo data)
#
# Environment:
#   EC_DEMO_SCALE              small | medium (default) | national  -> Demo__Scale
#   EC_WEB_PORT                HTTP port (default 5080)
#   EC_PG_PORT                 port of the local PostgreSQL (default 55432)
#   EC_FAKE_PLATFORMS          1 (default): start the fake Telegram Bot API and
#                              the fake WhatsApp Cloud API
#                              (tools/ElectionComms.FakePlatforms) and point the
#                              portal's bots and numbers at them; 0: use
#                              Publishing__* as set
#   EC_FAKE_TELEGRAM_PORT      Telegram's port (default 58081); what it received
#                              is listed at http://127.0.0.1:58081/
#   EC_FAKE_WHATSAPP_PORT      WhatsApp's port (default 58082), likewise
#   ConnectionStrings__Default if set, that PostgreSQL database is used and no
#                              local server is started
#
# The local PostgreSQL keeps running after the portal stops; stop it with
#   bash -c 'source scripts/lib/pg.sh && ec_pg_stop'
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/pg.sh
source scripts/lib/pg.sh

reset=0
for arg in "$@"; do
    case "$arg" in
        --reset) reset=1 ;;
        -h | --help)
            sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "unknown argument: $arg (use --reset or --help)" >&2
            exit 2
            ;;
    esac
done

scale="${EC_DEMO_SCALE:-medium}"
case "$scale" in
    small | medium | national) ;;
    *)
        echo "EC_DEMO_SCALE must be small, medium or national (got '$scale')" >&2
        exit 2
        ;;
esac

ec_ensure_dotnet
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

db_name="electioncomms"
if [ -n "${ConnectionStrings__Default:-}" ]; then
    ec_pg_start # external mode: only derives EC_PG_CONN
    if [ "$reset" = "1" ]; then
        # database named in the external connection string (default electioncomms)
        ext_db="$(printf '%s' "$ConnectionStrings__Default" | tr ';' '\n' | sed -n 's/^[[:space:]]*[Dd]atabase[[:space:]]*=[[:space:]]*//p' | tail -n 1)"
        ec_pg_dropdb "${ext_db:-$db_name}"
        ec_pg_createdb "${ext_db:-$db_name}"
    fi
else
    ec_pg_start
    if [ "$reset" = "1" ]; then
        ec_pg_dropdb "$db_name"
    fi
    ec_pg_createdb "$db_name"
    export ConnectionStrings__Default="$EC_PG_CONN;Database=$db_name"
fi

port="${EC_WEB_PORT:-5080}"
export ASPNETCORE_ENVIRONMENT=Development
export ASPNETCORE_URLS="http://127.0.0.1:$port"
export Demo__Scale="$scale"

# Telegram and WhatsApp cannot be reached from development machines: by default approved messages go to fakes on
# loopback that record them (a development tool, never part of the portal), with made-up tokens. The demo's WhatsApp
# groups are run from phones and posted by hand; a group given a Cloud API group id on KZAZ 1's first number
# (+355690010001) is sent to the fake WhatsApp.
fakes="${EC_FAKE_PLATFORMS:-1}"
fake_note="off (EC_FAKE_PLATFORMS=0): Publishing__* settings apply"
if [ "$fakes" = "1" ]; then
    fake_port="${EC_FAKE_TELEGRAM_PORT:-58081}"
    wa_port="${EC_FAKE_WHATSAPP_PORT:-58082}"
    dotnet build tools/ElectionComms.FakePlatforms -c Release --nologo -v quiet >/dev/null
    FAKE_TELEGRAM_URL="http://127.0.0.1:$fake_port" FAKE_WHATSAPP_URL="http://127.0.0.1:$wa_port" \
        FAKE_WHATSAPP_NUMBERS="106540352242922=EAAdemoWhatsAppToken" \
        dotnet tools/ElectionComms.FakePlatforms/bin/Release/net10.0/ElectionComms.FakePlatforms.dll &
    fake_pid=$!
    trap 'kill "$fake_pid" 2>/dev/null || true' EXIT
    export Publishing__Telegram__BaseUrl="http://127.0.0.1:$fake_port"
    export Publishing__Telegram__Tokens__kqz_administrata="100001:demo-administrata-token"
    export Publishing__Telegram__Tokens__kqz_njoftime="100002:demo-njoftime-token"
    export Publishing__WhatsApp__BaseUrl="http://127.0.0.1:$wa_port"
    export Publishing__WhatsApp__Numbers__355690010001__PhoneNumberId="106540352242922"
    export Publishing__WhatsApp__Numbers__355690010001__AccessToken="EAAdemoWhatsAppToken"
    fake_note="fake Telegram at http://127.0.0.1:$fake_port/, fake WhatsApp at http://127.0.0.1:$wa_port/ (each lists what it received)"
fi

cat <<EOF

  ElectionComms portal: http://127.0.0.1:$port
  Members' app (§4 b):  http://127.0.0.1:$port/app  (opened from a personal invitation to an "Aplikacioni" group)
  Platforms:            $fake_note
  Demo data scale:      $scale   (EC_DEMO_SCALE=small|medium|national)
  Demo accounts:        see README.md, section "Demo accounts"
  Database:             $(printf '%s' "$ConnectionStrings__Default" | sed 's/\(Password=\)[^;]*/\1***/I')
  Stop with Ctrl+C.    First start builds, migrates and seeds: give it a minute.

EOF

# Not exec: the fake platforms stop with the portal (trap above).
dotnet run --project src/ElectionComms.Web -c Release --no-launch-profile
