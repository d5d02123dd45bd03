namespace ElectionComms.Domain.PlatformEvents;

/// <summary>What keeps the KQZ bot from doing its work in a Telegram group (issue 14 item 5).</summary>
public enum BotRightsProblem
{
    Removed = 1,
    NotAdministrator = 2,
    CannotPost = 3,
    CannotInvite = 4,
    CannotRemove = 5,

    /// <summary>The platform refused to show the group to the bot (chat not found, or another refusal).</summary>
    Unreachable = 6,
}

/// <summary>How the group's designated administrator (§7) is missing on the platform.</summary>
public enum DirectorProblem
{
    /// <summary>The administrator has not linked their platform account, so the portal cannot see them there.</summary>
    NotLinked = 1,
    NotAdministrator = 2,
}

/// <summary>An administrator as the platform lists them.</summary>
public sealed record PlatformAdministrator(string UserId, string Name, bool IsBot);

/// <summary>
/// The last comparison of a Telegram group's administrators with §7 (issue 14 item 5): the designated administrator
/// of director rank must be one, the KQZ bot must be one with the rights it needs, and nobody else may be one — any
/// other administrator could post to the group what no director approved. One row per group; a problem puts the group
/// on the inventory's problem list. The bot's own changes (<c>my_chat_member</c>) update the bot's part at once.
/// </summary>
public sealed class GroupAdministrationCheck
{
    public const int DetailMaxLength = 1000;

    private GroupAdministrationCheck()
    {
    }

    public int GroupId { get; private set; }

    /// <summary>When the platform last answered the comparison, or the bot's rights last changed.</summary>
    public DateTimeOffset? CheckedAt { get; private set; }

    /// <summary>When the portal last asked, answered or not; the periodic check takes the longest-unasked groups first.</summary>
    public DateTimeOffset AttemptedAt { get; private set; }

    public BotRightsProblem? BotProblem { get; private set; }

    /// <summary>Who changed the bot's rights, or what the platform said when it refused.</summary>
    public string? BotProblemDetail { get; private set; }

    public DirectorProblem? DirectorProblem { get; private set; }

    /// <summary>Administrators who should not be, as "name (id)", separated by "; ".</summary>
    public string? ExtraAdministrators { get; private set; }

    public int AdministratorCount { get; private set; }

    public bool HasProblem => BotProblem is not null || DirectorProblem is not null || ExtraAdministrators is not null;

    public static GroupAdministrationCheck For(int groupId, DateTimeOffset now) => new() { GroupId = groupId, AttemptedAt = now };

    /// <summary>Compares the platform's list of administrators with §7.</summary>
    /// <param name="botUserId">The KQZ bot's own user id.</param>
    /// <param name="botProblem">What the bot's own entry lacks (<c>null</c> when it has every right it needs).</param>
    /// <param name="directorUserId">The designated administrator's linked account, or null when they have not linked one.</param>
    public void Record(IReadOnlyCollection<PlatformAdministrator> administrators, string botUserId, BotRightsProblem? botProblem, string? directorUserId, DateTimeOffset now)
    {
        BotProblem = botProblem;
        BotProblemDetail = null;
        DirectorProblem = directorUserId is null ? PlatformEvents.DirectorProblem.NotLinked
            : administrators.Any(a => a.UserId == directorUserId) ? null
            : PlatformEvents.DirectorProblem.NotAdministrator;
        var extra = string.Join("; ", administrators
            .Where(a => a.UserId != botUserId && a.UserId != directorUserId)
            .Select(a => $"{a.Name} ({a.UserId})"));
        ExtraAdministrators = extra.Length == 0 ? null : Cut(extra);
        AdministratorCount = administrators.Count;
        CheckedAt = AttemptedAt = now;
    }

    /// <summary>The bot's own place changed, or the platform refused to show the group: the rest of the last comparison stays.</summary>
    public void RecordBot(BotRightsProblem? problem, string? detail, DateTimeOffset now)
    {
        BotProblem = problem;
        BotProblemDetail = problem is null || detail is null ? null : Cut(detail);
        CheckedAt = AttemptedAt = now;
    }

    /// <summary>The platform did not answer: nothing is known that was not known before; asked again after the others.</summary>
    public void Attempted(DateTimeOffset now) => AttemptedAt = now;

    private static string Cut(string text) => text.Length <= DetailMaxLength ? text : text[..(DetailMaxLength - 1)] + "…";
}
