using ElectionComms.Domain.PlatformEvents;

namespace ElectionComms.Domain.Tests.PlatformEvents;

/// <summary>§7 on the platform (issue 14 item 5): the designated administrator and the KQZ bot, and nobody else.</summary>
public sealed class GroupAdministrationCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);
    private static readonly PlatformAdministrator Director = new("100", "Drejtori", false);
    private static readonly PlatformAdministrator Bot = new("900", "KQZ", true);

    [Fact]
    public void The_director_and_the_bot_alone_are_in_order()
    {
        var check = GroupAdministrationCheck.For(1, Now);

        check.Record([Director, Bot], Bot.UserId, botProblem: null, Director.UserId, Now);

        Assert.False(check.HasProblem);
        Assert.Equal((Now, Now, 2), (check.CheckedAt!.Value, check.AttemptedAt, check.AdministratorCount));
    }

    [Fact]
    public void Everyone_else_is_an_extra_administrator_another_bot_included()
    {
        var check = GroupAdministrationCheck.For(1, Now);

        check.Record([Director, Bot, new("200", "Gjergj", false), new("300", "Postuesi", true)], Bot.UserId, null, Director.UserId, Now);

        Assert.True(check.HasProblem);
        Assert.Equal("Gjergj (200); Postuesi (300)", check.ExtraAdministrators);
        Assert.Null(check.DirectorProblem);
    }

    [Fact]
    public void A_director_without_a_linked_account_cannot_be_verified_and_one_who_is_not_listed_is_missing()
    {
        var check = GroupAdministrationCheck.For(1, Now);

        check.Record([Director, Bot], Bot.UserId, null, directorUserId: null, Now);
        Assert.Equal(DirectorProblem.NotLinked, check.DirectorProblem);

        // Unverified, the director's own account counts as someone else.
        Assert.Equal("Drejtori (100)", check.ExtraAdministrators);

        check.Record([Bot], Bot.UserId, null, Director.UserId, Now);
        Assert.Equal((DirectorProblem.NotAdministrator, null), (check.DirectorProblem, check.ExtraAdministrators));
    }

    [Fact]
    public void The_bots_own_change_keeps_the_rest_of_the_last_comparison_and_a_full_comparison_clears_its_detail()
    {
        var check = GroupAdministrationCheck.For(1, Now);
        check.Record([Director, Bot, new("200", "Gjergj", false)], Bot.UserId, null, Director.UserId, Now);

        check.RecordBot(BotRightsProblem.CannotRemove, "Besa Kola", Now.AddMinutes(5));
        Assert.Equal((BotRightsProblem.CannotRemove, "Besa Kola", "Gjergj (200)"), (check.BotProblem, check.BotProblemDetail, check.ExtraAdministrators));

        check.RecordBot(null, "Besa Kola", Now.AddMinutes(6));
        Assert.Equal((null, null), (check.BotProblem, check.BotProblemDetail));

        check.RecordBot(BotRightsProblem.Removed, "Besa Kola", Now.AddMinutes(7));
        check.Record([Director, Bot], Bot.UserId, null, Director.UserId, Now.AddMinutes(8));
        Assert.False(check.HasProblem);
        Assert.Null(check.BotProblemDetail);
    }

    [Fact]
    public void No_answer_changes_only_when_it_was_asked()
    {
        var check = GroupAdministrationCheck.For(1, Now);
        check.Record([Director, Bot, new("200", "Gjergj", false)], Bot.UserId, null, Director.UserId, Now);

        check.Attempted(Now.AddHours(1));

        Assert.Equal((Now, Now.AddHours(1), "Gjergj (200)"), (check.CheckedAt!.Value, check.AttemptedAt, check.ExtraAdministrators));
    }

    [Fact]
    public void A_long_list_is_cut_to_what_the_column_holds()
    {
        var check = GroupAdministrationCheck.For(1, Now);
        var many = Enumerable.Range(1, 200).Select(i => new PlatformAdministrator(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "Administrator " + i, false));

        check.Record([.. many, Director, Bot], Bot.UserId, null, Director.UserId, Now);

        Assert.Equal(GroupAdministrationCheck.DetailMaxLength, check.ExtraAdministrators!.Length);
        Assert.EndsWith("…", check.ExtraAdministrators, StringComparison.Ordinal);
        Assert.Equal(202, check.AdministratorCount);
    }
}
