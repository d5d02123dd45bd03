namespace ElectionComms.Web.Data.Migrations;

/// <summary>
/// The database's own guard that nothing unapproved is published (§7), whatever page, bug or crafted request
/// writes the rows: a queue row needs an approval of the message's current version with the same content hash;
/// an approval must not be the author's and must match its version's hash; versions and approvals never change.
/// Frozen with this migration (issue 12): a later change to the guards is a new migration with its own SQL, so
/// that this one runs the same statements on every database, whenever it is applied.
/// </summary>
public partial class Messaging
{
    private const string GuardsUp = """
        CREATE FUNCTION publishing_queue_require_approval() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NOT EXISTS (
                SELECT 1
                FROM message_approvals a
                JOIN message_versions v ON v.id = a.version_id AND v.message_id = a.message_id
                JOIN messages m ON m.id = a.message_id
                WHERE a.id = NEW.approval_id
                  AND a.message_id = NEW.message_id
                  AND a.version_id = NEW.version_id
                  AND a.content_hash = NEW.content_hash
                  AND v.content_hash = NEW.content_hash
                  AND m.current_version_id = NEW.version_id
                  AND m.current_content_hash = NEW.content_hash
                  AND a.approver_id <> m.author_id)
            THEN
                RAISE EXCEPTION 'publishing_queue: message % version % has no approval of content %', NEW.message_id, NEW.version_id, NEW.content_hash
                    USING ERRCODE = 'check_violation', CONSTRAINT = 'publishing_queue_requires_approval';
            END IF;
            RETURN NEW;
        END $$;

        CREATE TRIGGER publishing_queue_requires_approval
            BEFORE INSERT OR UPDATE OF message_id, version_id, approval_id, content_hash ON publishing_queue
            FOR EACH ROW EXECUTE FUNCTION publishing_queue_require_approval();

        CREATE FUNCTION message_approvals_check() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                RAISE EXCEPTION 'message_approvals are append-only' USING ERRCODE = 'check_violation';
            END IF;
            IF NOT EXISTS (
                SELECT 1
                FROM message_versions v
                JOIN messages m ON m.id = v.message_id
                WHERE v.id = NEW.version_id
                  AND v.message_id = NEW.message_id
                  AND v.content_hash = NEW.content_hash
                  AND m.author_id <> NEW.approver_id)
            THEN
                RAISE EXCEPTION 'message_approvals: approval of message % does not match its version or is the author''s', NEW.message_id
                    USING ERRCODE = 'check_violation', CONSTRAINT = 'message_approvals_match_version';
            END IF;
            RETURN NEW;
        END $$;

        CREATE TRIGGER message_approvals_match_version
            BEFORE INSERT OR UPDATE OR DELETE ON message_approvals
            FOR EACH ROW EXECUTE FUNCTION message_approvals_check();

        CREATE FUNCTION message_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                RAISE EXCEPTION 'message_versions are never deleted' USING ERRCODE = 'check_violation';
            END IF;
            IF (NEW.message_id, NEW.number, NEW.text_sq, NEW.text_en, NEW.attachment_id, NEW.attachment_sha256, NEW.send_at,
                NEW.is_test, NEW.content_hash, NEW.created_by_id, NEW.created_at)
               IS DISTINCT FROM
               (OLD.message_id, OLD.number, OLD.text_sq, OLD.text_en, OLD.attachment_id, OLD.attachment_sha256, OLD.send_at,
                OLD.is_test, OLD.content_hash, OLD.created_by_id, OLD.created_at)
            THEN
                RAISE EXCEPTION 'message_versions: the content of version % never changes; add a new version', OLD.id
                    USING ERRCODE = 'check_violation', CONSTRAINT = 'message_versions_immutable';
            END IF;
            RETURN NEW;
        END $$;

        CREATE TRIGGER message_versions_immutable
            BEFORE UPDATE OR DELETE ON message_versions
            FOR EACH ROW EXECUTE FUNCTION message_versions_immutable();

        CREATE FUNCTION message_version_targets_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'message_version_targets never change' USING ERRCODE = 'check_violation';
        END $$;

        CREATE TRIGGER message_version_targets_immutable
            BEFORE UPDATE OR DELETE ON message_version_targets
            FOR EACH ROW EXECUTE FUNCTION message_version_targets_immutable();
        """;

    private const string GuardsDown = """
        DROP TRIGGER IF EXISTS message_version_targets_immutable ON message_version_targets;
        DROP FUNCTION IF EXISTS message_version_targets_immutable();
        DROP TRIGGER IF EXISTS message_versions_immutable ON message_versions;
        DROP FUNCTION IF EXISTS message_versions_immutable();
        DROP TRIGGER IF EXISTS message_approvals_match_version ON message_approvals;
        DROP FUNCTION IF EXISTS message_approvals_check();
        DROP TRIGGER IF EXISTS publishing_queue_requires_approval ON publishing_queue;
        DROP FUNCTION IF EXISTS publishing_queue_require_approval();
        """;
}
