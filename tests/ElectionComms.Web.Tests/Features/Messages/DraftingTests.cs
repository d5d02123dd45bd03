using System.Net;
using ElectionComms.Domain.Messages;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ElectionComms.Web.Tests.Features.Messages.MessageScenario;

namespace ElectionComms.Web.Tests.Features.Messages;

/// <summary>Drafting rules over HTTP: groups, test and live, one directorate, attachments, personal data (§10).</summary>
[Collection(PortalCollection.Name)]
public sealed class DraftingTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<PortalClient> OfficerAsync()
    {
        var officer = portal.CreatePortalClient();
        await officer.SignInAsync(DemoAccounts.CommunicationOfficer);
        return officer;
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, string message)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Messages.CountAsync()));
    }

    [Fact]
    public async Task Officer_sees_only_their_assigned_groups_on_the_form()
    {
        using var officer = await OfficerAsync();
        var html = await officer.GetHtmlAsync("/Messages/Edit");

        Assert.Contains("KZAZ 1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("KQV 0001 – KZAZ 1", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Group_the_officer_is_not_assigned_to_is_refused()
    {
        var other = await portal.WithDbAsync(db => db.Groups.Where(g => g.Name == "KQV 0001 – KZAZ 1").Select(g => g.Id).SingleAsync());
        using var officer = await OfficerAsync();

        await AssertRefusedAsync(await PostDraftAsync(officer, "Tekst", [other]), "Nuk jeni caktuar të transmetoni në grupin „KQV 0001 – KZAZ 1”.");
    }

    [Fact]
    public async Task Test_message_to_a_live_group_is_refused_and_to_a_test_group_is_saved_as_test()
    {
        var groups = await OfficerGroupsAsync(portal);
        await MarkTestGroupAsync(portal, groups[2]);
        using var officer = await OfficerAsync();

        await AssertRefusedAsync(await PostDraftAsync(officer, "Provë", [groups[0]], isTest: true), "Një mesazh prove shkon vetëm në grupe prove");
        await AssertRefusedAsync(await PostDraftAsync(officer, "I vërtetë", [groups[2]]), "është grup prove");

        var response = await PostDraftAsync(officer, "Provë e kanalit.", [groups[2]], isTest: true);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await portal.WithDbAsync(db => db.Messages.Select(m => m.IsTest).SingleAsync()));
        var html = await officer.GetHtmlAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("data-testid=\"mode-test\"", html, StringComparison.Ordinal);
        Assert.Contains("message-test", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Groups_of_two_directorates_are_refused_at_drafting()
    {
        var groups = await OfficerGroupsAsync(portal);
        var channel = await AssignOfficerToOtherDirectorateAsync(portal);
        using var officer = await OfficerAsync();

        await AssertRefusedAsync(await PostDraftAsync(officer, "Për të gjithë", [groups[0], channel]), "Grupet e zgjedhura u përkasin 2 drejtorive.");
    }

    [Fact]
    public async Task Attachment_that_is_not_a_pdf_or_image_is_refused_by_its_content()
    {
        var groups = await OfficerGroupsAsync(portal);
        using var officer = await OfficerAsync();
        var token = PortalClient.AntiforgeryToken(await officer.GetHtmlAsync("/Messages/Edit"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Udhëzimi bashkëngjitur."), "Input.TextSq" },
            { new StringContent(groups[0].ToString(System.Globalization.CultureInfo.InvariantCulture)), "Input.GroupIds" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent("MZ this is a program, not a PDF"u8.ToArray()), "Input.Attachment", "udhezimi.pdf" },
        };

        await AssertRefusedAsync(await officer.Http.PostAsync("/Messages/Edit", form), "Bashkëngjitja duhet të jetë PDF, PNG ose JPEG");
    }

    [Fact]
    public async Task Pdf_attachment_is_stored_with_its_hash_in_the_content()
    {
        var groups = await OfficerGroupsAsync(portal);
        using var officer = await OfficerAsync();
        var token = PortalClient.AntiforgeryToken(await officer.GetHtmlAsync("/Messages/Edit"));
        var pdf = "%PDF-1.7\n%udhezim\n"u8.ToArray();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Udhëzimi bashkëngjitur."), "Input.TextSq" },
            { new StringContent(groups[0].ToString(System.Globalization.CultureInfo.InvariantCulture)), "Input.GroupIds" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(pdf), "Input.Attachment", "udhezimi.pdf" },
        };

        Assert.Equal(HttpStatusCode.Redirect, (await officer.Http.PostAsync("/Messages/Edit", form)).StatusCode);
        var (sha, versionSha) = await portal.WithDbAsync(async db => (
            await db.MessageAttachments.Select(a => a.Sha256).SingleAsync(),
            await db.MessageVersions.Select(v => v.AttachmentSha256).SingleAsync()));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), sha);
        Assert.Equal(sha, versionSha);
    }

    [Fact]
    public async Task Submission_with_personal_data_is_blocked_until_justified_and_the_director_sees_marks_and_justification()
    {
        var groups = await OfficerGroupsAsync(portal);
        using var officer = await OfficerAsync();
        var id = await DraftAsync(officer, "Për pagesat kontaktoni z. Gjoka në 0692345678 ose gjoka.pagesat@gmail.com.", groups[0]);

        var blocked = await SubmitAsync(officer, id);
        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        var page = await blocked.Content.ReadAsStringAsync();
        Assert.Contains("të dhëna personale (të shënuara më poshtë)", page, StringComparison.Ordinal);
        Assert.Contains("<mark class=\"pii-finding\"", page, StringComparison.Ordinal);
        Assert.Equal(MessageStatus.Draft, await portal.WithDbAsync(db => db.Messages.Select(m => m.Status).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(officer, id, "Numri dhe adresa janë kanalet zyrtare të zyrës së pagesave.")).StatusCode);

        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        var review = await director.GetHtmlAsync(Details(id));
        Assert.Contains("<mark class=\"pii-finding\" title=\"Numër telefoni\">0692345678</mark>", review, StringComparison.Ordinal);
        Assert.Contains("Numri dhe adresa janë kanalet zyrtare të zyrës së pagesave.", review, StringComparison.Ordinal);
        Assert.Contains("të dhëna personale", await director.GetHtmlAsync("/Messages/Queue"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Officer_history_lists_their_messages_newest_first()
    {
        var groups = await OfficerGroupsAsync(portal);
        using var officer = await OfficerAsync();
        await DraftAsync(officer, "I pari", groups[0]);
        await DraftAsync(officer, "I dyti", groups[0]);

        var html = await officer.GetHtmlAsync("/Messages/Index?Mine=true");

        var second = html.IndexOf("I dyti", StringComparison.Ordinal);
        var first = html.IndexOf("I pari", StringComparison.Ordinal);
        Assert.True(second >= 0, "the newer message is listed");
        Assert.True(first >= 0, "the older message is listed");
        Assert.True(second < first, "the newer message comes first");
    }
}
