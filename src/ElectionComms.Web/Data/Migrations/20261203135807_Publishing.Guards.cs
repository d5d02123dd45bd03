namespace ElectionComms.Web.Data.Migrations;

/// <summary>
/// The outbox's guards (§7, issue 13), frozen with this migration: a delivery row needs an approval of the message's
/// current version with the same content hash, by someone other than the author — the same rule as the queue's —
/// so no page, bug or crafted request can put unapproved content on its way to a group. Its content hash and
/// target never change once written. A new or re-queued delivery wakes the dispatchers (NOTIFY, ADR 0024).
/// </summary>
public partial class Publishing
{
    private const string GuardsUp = """
        CREATE FUNCTION deliveries_require_approval() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' AND (NEW.message_id, NEW.version_id, NEW.approval_id, NEW.content_hash, NEW.group_id)
                IS DISTINCT FROM (OLD.message_id, OLD.version_id, OLD.approval_id, OLD.content_hash, OLD.group_id) THEN
                RAISE EXCEPTION 'deliveries: the approved content and target of delivery % never change', OLD.id
                    USING ERRCODE = 'check_violation', CONSTRAINT = 'deliveries_require_approval';
            END IF;
            IF TG_OP = 'INSERT' AND NOT EXISTS (
                SELECT 1
                FROM message_approvals a
                JOIN message_versions v ON v.id = a.version_id AND v.message_id = a.message_id
                JOIN messages m ON m.id = a.message_id
                JOIN message_version_targets t ON t.version_id = v.id AND t.group_id = NEW.group_id
                WHERE a.id = NEW.approval_id
                  AND a.message_id = NEW.message_id
                  AND a.version_id = NEW.version_id
                  AND a.content_hash = NEW.content_hash
                  AND v.content_hash = NEW.content_hash
                  AND m.current_version_id = NEW.version_id
                  AND m.current_content_hash = NEW.content_hash
                  AND a.approver_id <> m.author_id)
            THEN
                RAISE EXCEPTION 'deliveries: message % version % has no approval of content % for group %', NEW.message_id, NEW.version_id, NEW.content_hash, NEW.group_id
                    USING ERRCODE = 'check_violation', CONSTRAINT = 'deliveries_require_approval';
            END IF;
            RETURN NEW;
        END $$;

        CREATE TRIGGER deliveries_require_approval
            BEFORE INSERT OR UPDATE ON deliveries
            FOR EACH ROW EXECUTE FUNCTION deliveries_require_approval();

        CREATE FUNCTION deliveries_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('deliveries', '');
            RETURN NULL;
        END $$;

        CREATE TRIGGER deliveries_notify
            AFTER INSERT OR UPDATE OF status, not_before ON deliveries
            FOR EACH STATEMENT EXECUTE FUNCTION deliveries_notify();
        """;

    private const string GuardsDown = """
        DROP TRIGGER IF EXISTS deliveries_notify ON deliveries;
        DROP FUNCTION IF EXISTS deliveries_notify();
        DROP TRIGGER IF EXISTS deliveries_require_approval ON deliveries;
        DROP FUNCTION IF EXISTS deliveries_require_approval();
        """;
}
