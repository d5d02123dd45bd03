using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ElectionComms.Web.Data;

/// <summary>
/// Recognises a save refused by one named unique index, so a page can show the rule it broke (a duplicate handle,
/// a version number taken by a parallel upload) instead of a server error.
/// </summary>
public static class UniqueViolation
{
    public static bool IsUniqueViolation(this DbUpdateException exception, string indexName) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres
        && postgres.ConstraintName == indexName;
}
