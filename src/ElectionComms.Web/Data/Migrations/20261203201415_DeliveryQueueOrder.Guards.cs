namespace ElectionComms.Web.Data.Migrations;

/// <summary>
/// Dispatchers are woken only by work (frozen with this migration): a delivery that is new, queued again or to be
/// deleted after a recall. Before, every change of status notified, so a fan-out of 6,000 deliveries sent some
/// 12,000 notifications that each dispatcher then answered with a pass over the queue. Row-level, so the reason is
/// the row's new status; PostgreSQL folds identical notifications of one transaction into one, so an approval with
/// 6,000 deliveries still sends one.
/// </summary>
public partial class DeliveryQueueOrder
{
    private const string NotifyUp = """
        DROP TRIGGER IF EXISTS deliveries_notify ON deliveries;
        CREATE TRIGGER deliveries_notify
            AFTER INSERT OR UPDATE OF status, not_before ON deliveries
            FOR EACH ROW WHEN (NEW.status IN ('Queued', 'Recalling'))
            EXECUTE FUNCTION deliveries_notify();
        """;

    private const string NotifyDown = """
        DROP TRIGGER IF EXISTS deliveries_notify ON deliveries;
        CREATE TRIGGER deliveries_notify
            AFTER INSERT OR UPDATE OF status, not_before ON deliveries
            FOR EACH STATEMENT EXECUTE FUNCTION deliveries_notify();
        """;
}
