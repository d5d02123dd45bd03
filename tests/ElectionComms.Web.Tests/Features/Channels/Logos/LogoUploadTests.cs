using System.Net;
using System.Text;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Features.Channels.Logos;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Tests.Features.Channels.Logos;

/// <summary>§6: a new KQZ logo version is accepted only when its bytes are a safe PNG or SVG of a usable size.</summary>
[Collection(PortalCollection.Name)]
public sealed class LogoUploadTests(PortalFactory portal) : IAsyncLifetime
{
    public static TheoryData<string, string, byte[], string> RefusedFiles => new()
    {
        { "text named .png", "logo.png", Encoding.UTF8.GetBytes("Ky nuk është imazh, vetëm tekst."), "Skedari nuk është imazh PNG ose SVG (kontrollohet përmbajtja, jo emri)." },
        { "svg with script", "logo.svg", LogoFiles.Svg("<script>alert(1)</script>"), "SVG-ja përmban përmbajtje aktive („script”) dhe refuzohet." },
        { "svg with onload", "logo.svg", LogoFiles.Svg(rootAttributes: " onload=\"alert(1)\""), "SVG-ja përmban përmbajtje aktive („onload”) dhe refuzohet." },
        { "svg with javascript link", "logo.svg", LogoFiles.Svg("<a href=\"javascript:alert(1)\"><rect width=\"9\" height=\"9\"/></a>"), "SVG-ja përmban përmbajtje aktive („href”) dhe refuzohet." },
        { "svg with foreignObject", "logo.svg", LogoFiles.Svg("<foreignObject><div>x</div></foreignObject>"), "SVG-ja përmban përmbajtje aktive („foreignObject”) dhe refuzohet." },
        { "png below 160 px", "logo.png", LogoFiles.Png(pixelsPerModule: 2), "Imazhi është 58×58 piksel; duhet të jetë nga 160 deri në 4096 piksel për çdo anë." },
        { "png over 1 MB", "logo.png", LogoFiles.Oversize(), "Skedari është më i madh se 1024 KB." },
    };

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Director_uploads_a_real_png_and_it_becomes_the_current_version()
    {
        var png = LogoFiles.Png();
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.LogisticsDirector);

        var response = await director.UploadAsync("logo-kqz-2027.svg", png, declaredType: "image/svg+xml");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var saved = await portal.WithDbAsync(db => db.LogoVersions.AsNoTracking().SingleAsync(l => l.Version == 3));
        Assert.Equal("image/png", saved.ContentType);
        Assert.Equal((290, 290), (saved.Width, saved.Height));
        Assert.Equal(png, saved.Content);
        Assert.Equal(1, await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Entity == "LogoVersion" && e.Action == "LogoVersion.Created" && e.EntityId == saved.Id.ToString())));

        var html = await director.GetHtmlAsync(LogoFiles.IndexUrl);
        Assert.Contains("Versioni 3 është tani logoja aktuale.", html, StringComparison.Ordinal);
        Assert.Contains("src=\"/Channels/Logos/Image/3\"", html, StringComparison.Ordinal);
        Assert.Contains(saved.Sha256[..12], html, StringComparison.Ordinal);

        var image = await director.GetAsync("/Channels/Logos/Image/3");
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(png, await image.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Secretary_general_uploads_an_svg_which_is_served_inline_under_a_script_free_policy()
    {
        using var sg = portal.CreatePortalClient();
        await sg.SignInAsync(DemoAccounts.SecretaryGeneral);
        Assert.Equal(HttpStatusCode.Redirect, (await sg.UploadAsync("logo.svg", LogoFiles.Svg())).StatusCode);
        Assert.Equal("image/svg+xml", await portal.WithDbAsync(db => db.LogoVersions.Where(l => l.Version == 3).Select(l => l.ContentType).SingleAsync()));

        var image = await sg.GetAsync("/Channels/Logos/Image/3");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/svg+xml", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", image.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(LogoRegister.SvgPolicy, image.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task Unsafe_or_unusable_file_is_refused_with_a_message_and_no_version_is_added(string scenario, string fileName, byte[] content, string message)
    {
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);

        var response = await director.UploadAsync(fileName, content);
        Assert.True(response.StatusCode == HttpStatusCode.OK, scenario);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await portal.WithDbAsync(db => db.LogoVersions.CountAsync()));
    }

    [Fact]
    public async Task Request_beyond_the_upload_limit_is_stopped_with_a_friendly_message()
    {
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);

        var response = await director.UploadAsync("logo.png", LogoFiles.Oversize(3 * 1024 * 1024));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith(LogoFiles.IndexUrl, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Skedari është shumë i madh: logoja mund të jetë deri në 1024 KB.", await director.GetHtmlAsync(LogoFiles.IndexUrl), StringComparison.Ordinal);
        Assert.Equal(2, await portal.WithDbAsync(db => db.LogoVersions.CountAsync()));
    }

    [Fact]
    public async Task Upload_without_a_file_names_the_missing_field()
    {
        using var director = portal.CreatePortalClient();
        await director.SignInAsync(DemoAccounts.AdministrationDirector);
        var response = await director.PostFormAsync(LogoFiles.IndexUrl, ("Input.File", string.Empty));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Fusha „Skedari i logos” është e detyrueshme.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await portal.WithDbAsync(db => db.LogoVersions.CountAsync()));
    }

    [Theory]
    [InlineData("Clerk")]
    [InlineData("Auditor")]
    public async Task Clerk_and_auditor_see_the_register_but_cannot_upload(string role)
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.All.Single(a => a.Role == role));

        var html = await client.GetHtmlAsync(LogoFiles.IndexUrl);
        Assert.Contains("data-testid=\"logo-versions\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("multipart/form-data", html, StringComparison.Ordinal);
        Responses.AssertRefused(await client.UploadAsync("logo.svg", LogoFiles.Svg()), role + " uploads a logo");
        Assert.Equal(2, await portal.WithDbAsync(db => db.LogoVersions.CountAsync()));
    }

    [Theory]
    [InlineData("CommunicationOfficer")]
    [InlineData("HelplineOperator")]
    [InlineData("SystemAdministrator")]
    public async Task Other_roles_cannot_open_the_logo_register(string role)
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoAccounts.All.Single(a => a.Role == role));
        Responses.AssertRefused(await client.GetAsync(LogoFiles.IndexUrl), role + " opens the logo register");
        Responses.AssertRefused(await client.GetAsync("/Channels/Logos/Image/2"), role + " opens a logo image");
    }
}
