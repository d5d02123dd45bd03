namespace ElectionComms.Web.Data.Migrations;

/// <summary>
/// Pacing that holds across every dispatcher on the database (issue 13 item 4, ADR 0024), frozen with this
/// migration: one row per bot or business number ("bot:Telegram:kqz_administrata") and per group ("group:42"),
/// holding the earliest time its next message may start. Dispatchers reserve slots with one upsert each, so two
/// processes together never exceed a limit. Deliveries already queued to groups no API can reach become manual.
/// </summary>
public partial class PublishingPacing
{
    private const string PacingUp = """
        CREATE TABLE pacing_slots (
            key text PRIMARY KEY,
            next_at timestamptz NOT NULL
        );

        UPDATE deliveries d SET method = 'Manual'
        FROM groups g
        WHERE g.id = d.group_id
          AND NOT (g.platform = 'Telegram' OR (g.platform = 'WhatsApp' AND g.platform_id NOT ILIKE 'https://%'));
        """;

    private const string PacingDown = """
        DROP TABLE IF EXISTS pacing_slots;
        """;
}
