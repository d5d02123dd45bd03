using ElectionComms.Domain.Common;
using ElectionComms.Web.Localisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace ElectionComms.Web.Common;

/// <summary>
/// The one translation of a refused change into the user's words: a domain rule, a refusal already worded (an
/// Identity result), a row changed meanwhile by someone else, or a constraint that only the database can see.
/// Anything else is a fault and is not caught.
/// </summary>
public sealed class ChangeFailures(DomainErrors errors, IStringLocalizer<Strings> localizer)
{
    /// <summary>
    /// Constraints (and the names guard triggers raise with) whose refusal is a rule users can act on, with the words
    /// that name it. ChangeFailuresTests checks that each still exists in the schema.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string> Constraints = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ix_groups_platform_platform_id"] = "Error.Group.DuplicatePlatformId",
        ["ck_groups_administrator_rank"] = "Error.Group.AdministratorRankTooLow",
        ["ix_people_election_id_phone"] = "Registry.PhoneTakenOnReinstate",
        ["ix_official_accounts_platform_handle"] = "Error.Account.DuplicateHandle",
        ["ix_logo_versions_version"] = "Logos.VersionTaken",

        // A second row where one is allowed was written by a parallel request: the same as a row changed meanwhile.
        ["ix_group_memberships_group_id_person_id"] = ChangedMeanwhile,
        ["ix_publishing_queue_message_id_version_id"] = ChangedMeanwhile,
        ["pk_group_administration_checks"] = ChangedMeanwhile,
        ["pk_staff_platform_links"] = ChangedMeanwhile,
    };

    internal const string ChangedMeanwhile = "";

    /// <param name="exception">What the change threw.</param>
    /// <param name="changedMeanwhileKey">The resource naming what was changed meanwhile ("Error.Group.Concurrency").</param>
    /// <returns>The message to show, or null when the exception is not a refusal.</returns>
    public string? Describe(Exception exception, string changedMeanwhileKey) => exception switch
    {
        DomainException domain => errors.Describe(domain),
        ChangeRefusedException refused => refused.Message,
        DbUpdateConcurrencyException => localizer[changedMeanwhileKey],
        DbUpdateException { InnerException: PostgresException { ConstraintName: { } name } } when Constraints.TryGetValue(name, out var key) =>
            key == ChangedMeanwhile ? localizer[changedMeanwhileKey] : localizer[key, string.Empty],
        _ => null,
    };
}

/// <summary>A refusal already in the user's words, such as the errors of an Identity result.</summary>
public sealed class ChangeRefusedException(string message) : Exception(message);
