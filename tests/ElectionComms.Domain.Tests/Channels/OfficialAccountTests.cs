using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.Organisation;

namespace ElectionComms.Domain.Tests.Channels;

/// <summary>§4 account kinds and the §5a creation procedure.</summary>
public sealed class OfficialAccountTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly StaffMember Director = Staff(Rank.Director);
    private static readonly StaffMember SecretaryGeneral = Staff(Rank.SecretaryGeneral);

    [Theory]
    [InlineData(Platform.Telegram, ControlClass.ThirdParty)]
    [InlineData(Platform.WhatsApp, ControlClass.ThirdParty)]
    [InlineData(Platform.Helpline, ControlClass.PublicAuthority)]
    [InlineData(Platform.KqzApp, ControlClass.KqzControlled)]
    public void Request_takes_the_control_class_the_platform_implies(Platform platform, ControlClass expected)
    {
        var account = Request(platform);
        Assert.Equal(expected, account.ControlClass);
        Assert.Equal(AccountStatus.Requested, account.Status);
        Assert.Equal((Director.Id, Now), (account.RequestedById, account.RequestedAt));
        Assert.Null(account.DecidedAt);
    }

    [Fact]
    public void Request_on_another_platform_needs_a_chosen_control_class()
    {
        Assert.Equal("Account.ControlClassRequired", Refused(() => Request(Platform.Other)));
        Assert.Equal(ControlClass.KqzControlled, Request(Platform.Other, ControlClass.KqzControlled).ControlClass);
    }

    [Fact]
    public void Control_class_that_contradicts_the_platform_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => Request(Platform.WhatsApp, ControlClass.KqzControlled));
        Assert.Equal("Account.ControlClassMismatch", error.Code);
        Assert.Equal([Platform.WhatsApp, ControlClass.ThirdParty], error.Arguments);
    }

    [Fact]
    public void Request_trims_the_handle_and_name()
    {
        var account = OfficialAccount.Request(Platform.Telegram, null, "  @kqz_njoftime ", " KQZ ", 3, "Njoftime", Director.Id, Now);
        Assert.Equal(("@kqz_njoftime", "KQZ"), (account.Handle, account.Name));
    }

    [Theory]
    [InlineData("", "KQZ", "Qëllimi", 3, "Account.HandleRequired")]
    [InlineData("@kqz", " ", "Qëllimi", 3, "Account.NameRequired")]
    [InlineData("@kqz", "KQZ", "", 3, "Account.PurposeRequired")]
    [InlineData("@kqz", "KQZ", "Qëllimi", 0, "Account.DirectorateRequired")]
    public void Request_with_a_missing_field_is_refused(string handle, string name, string purpose, int directorate, string code)
    {
        Assert.Equal(code, Refused(() => OfficialAccount.Request(Platform.Telegram, null, handle, name, directorate, purpose, Director.Id, Now)));
    }

    [Fact]
    public void Over_long_handle_is_refused()
    {
        var handle = "@" + new string('k', OfficialAccount.HandleMaxLength);
        Assert.Equal("Account.HandleTooLong", Refused(() => OfficialAccount.Request(Platform.Telegram, null, handle, "KQZ", 3, "Qëllimi", Director.Id, Now)));
    }

    [Fact]
    public void Unknown_platform_is_refused()
    {
        Assert.Equal("Account.UnknownPlatform", Refused(() => Request((Platform)99)));
    }

    [Fact]
    public void Secretary_general_approval_makes_the_account_active()
    {
        var account = Request(Platform.Telegram);
        account.Approve(SecretaryGeneral, Now.AddHours(1));
        Assert.Equal(AccountStatus.Active, account.Status);
        Assert.Equal((SecretaryGeneral.Id, Now.AddHours(1)), (account.DecidedById, account.DecidedAt));
    }

    [Fact]
    public void Director_cannot_approve()
    {
        var account = Request(Platform.Telegram);
        Assert.Equal("Account.OnlySecretaryGeneralDecides", Refused(() => account.Approve(Staff(Rank.Director), Now)));
        Assert.Equal(AccountStatus.Requested, account.Status);
    }

    [Fact]
    public void Deactivated_secretary_general_cannot_approve()
    {
        var former = Staff(Rank.SecretaryGeneral);
        former.Deactivate(0, Now);
        Assert.Equal("Account.OnlySecretaryGeneralDecides", Refused(() => Request(Platform.Telegram).Approve(former, Now)));
    }

    [Fact]
    public void Nobody_decides_on_their_own_request()
    {
        var own = OfficialAccount.Request(Platform.Telegram, null, "@kqz_sp", "KQZ", 1, "Koordinim", SecretaryGeneral.Id, Now);
        Assert.Equal("Account.OwnRequest", Refused(() => own.Approve(SecretaryGeneral, Now)));
        Assert.Equal("Account.OwnRequest", Refused(() => own.Refuse(SecretaryGeneral, "Arsye", Now)));
        Assert.Equal(AccountStatus.Requested, own.Status);
    }

    [Fact]
    public void Refusal_needs_a_reason_and_records_it()
    {
        var account = Request(Platform.Telegram);
        Assert.Equal("Account.ReasonRequired", Refused(() => account.Refuse(SecretaryGeneral, "   ", Now)));
        Assert.Equal(AccountStatus.Requested, account.Status);
        Assert.Null(account.DecidedAt);

        account.Refuse(SecretaryGeneral, " Dublikatë e @kqz_njoftime ", Now);
        Assert.Equal((AccountStatus.Refused, "Dublikatë e @kqz_njoftime"), (account.Status, account.StatusReason));
    }

    [Fact]
    public void Decided_request_cannot_be_decided_again()
    {
        var account = Request(Platform.Telegram);
        account.Approve(SecretaryGeneral, Now);
        var error = Assert.Throws<DomainException>(() => account.Refuse(SecretaryGeneral, "Arsye", Now));
        Assert.Equal("Account.IllegalTransition", error.Code);
        Assert.Equal([AccountStatus.Active, AccountStatus.Requested], error.Arguments);
    }

    [Fact]
    public void Active_account_is_suspended_resumed_and_closed_with_reasons()
    {
        var account = Active();
        Assert.Equal("Account.ReasonRequired", Refused(() => account.Suspend(string.Empty)));
        account.Suspend("Mirëmbajtje");
        Assert.Equal((AccountStatus.Suspended, "Mirëmbajtje"), (account.Status, account.StatusReason));
        account.Resume();
        Assert.Equal((AccountStatus.Active, null), (account.Status, account.StatusReason));
        account.Close("Zëvendësohet");
        Assert.Equal((AccountStatus.Closed, "Zëvendësohet"), (account.Status, account.StatusReason));
    }

    [Fact]
    public void Requested_or_closed_accounts_cannot_be_suspended_resumed_or_closed()
    {
        var requested = Request(Platform.Telegram);
        Assert.Equal("Account.IllegalTransition", Refused(() => requested.Suspend("Arsye")));
        Assert.Equal("Account.IllegalTransition", Refused(() => requested.Close("Arsye")));
        var closed = Active();
        closed.Close("Arsye");
        Assert.Equal("Account.IllegalTransition", Refused(() => closed.Resume()));
        Assert.Equal("Account.IllegalTransition", Refused(() => closed.Close("Arsye")));
        Assert.Equal("Account.IllegalTransition", Refused(() => Active().Resume()));
    }

    [Fact]
    public void Only_an_active_account_on_a_messaging_platform_carries_groups()
    {
        Assert.Equal("Group.AccountNotActive", Refused(() => Request(Platform.Telegram).EnsureCarriesGroups()));
        Assert.Equal("Group.PlatformHasNoGroups", Refused(() => Active(Platform.Helpline).EnsureCarriesGroups()));
        Active().EnsureCarriesGroups();
    }

    private static OfficialAccount Request(Platform platform, ControlClass? control = null) =>
        OfficialAccount.Request(platform, control, "@kqz_test", "KQZ – Test", 3, "Njoftime", Director.Id, Now);

    private static OfficialAccount Active(Platform platform = Platform.Telegram)
    {
        var account = Request(platform);
        account.Approve(SecretaryGeneral, Now);
        return account;
    }

    private static StaffMember Staff(Rank rank) =>
        StaffMember.Create(Guid.NewGuid(), "Emri Mbiemri", $"{Guid.NewGuid():N}@kqz.gov.al", null, rank, 1, Now);

    private static string Refused(Action action) => Assert.Throws<DomainException>(action).Code;
}
