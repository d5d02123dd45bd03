using ElectionComms.Domain.Common;
using ElectionComms.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ElectionComms.Web.Features.Channels.Groups;

/// <summary>
/// Saves group changes and turns what only the database can see — a platform identifier taken by a concurrent
/// save, a stale row version, the §7 trigger — into the same domain errors the pages already show.
/// </summary>
public sealed class GroupSaver(AppDbContext db)
{
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Group.Concurrency");
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation("ix_groups_platform_platform_id"))
        {
            throw new DomainException("Group.DuplicatePlatformId");
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { ConstraintName: "ck_groups_administrator_rank" })
        {
            throw new DomainException("Group.AdministratorRankTooLow", string.Empty);
        }
    }
}
