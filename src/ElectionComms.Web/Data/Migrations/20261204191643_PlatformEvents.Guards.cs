namespace ElectionComms.Web.Data.Migrations;

/// <summary>
/// The platform-events processors are woken by a new bot action (frozen with this migration): a decision writes its
/// actions in its transaction, and the statement trigger notifies "bot_actions" with the commit. New inbox updates
/// notify "platform_updates" from the inserting statement itself (Features/PlatformEvents/Inbox.cs).
/// </summary>
public partial class PlatformEvents
{
    private const string NotifyUp = """
        CREATE FUNCTION bot_actions_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('bot_actions', '');
            RETURN NULL;
        END $$;
        CREATE TRIGGER bot_actions_notify AFTER INSERT ON bot_actions
            FOR EACH STATEMENT EXECUTE FUNCTION bot_actions_notify();
        """;

    private const string NotifyDown = """
        DROP TRIGGER IF EXISTS bot_actions_notify ON bot_actions;
        DROP FUNCTION IF EXISTS bot_actions_notify();
        """;
}
