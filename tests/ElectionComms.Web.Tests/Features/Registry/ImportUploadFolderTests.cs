using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Features.Registry;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ElectionComms.Web.Tests.Features.Registry;

/// <summary>
/// §10: uploaded rosters (names and numbers) wait in the portal's own folder, readable by its user only, and are gone
/// after apply, after discard, and within an hour when abandoned (ADR 0018).
/// </summary>
[Collection(PortalCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ImportUploadFolderTests(PortalFactory portal) : IAsyncLifetime
{
    private const UnixFileMode Owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private ImportStore Store => portal.Services.GetRequiredService<ImportStore>();

    [Fact]
    public async Task Upload_waits_in_the_portal_data_folder_readable_by_the_portal_user_only()
    {
        var units = await SeedUnits.LoadAsync(portal);
        using var clerk = await SignedInClerkAsync();

        var (url, _) = await clerk.PreviewAsync(portal.ElectionId, "lista.csv", RosterFiles.Csv([RosterFiles.Row(1, units.Kqv)]));

        var root = portal.Services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        Assert.Equal(Path.Combine(root, "App_Data", "uploads"), Store.Directory);
        Assert.False(Store.Directory.StartsWith(Path.GetTempPath(), StringComparison.Ordinal));
        Assert.Equal(Owner | UnixFileMode.UserExecute, File.GetUnixFileMode(Store.Directory));
        var files = FilesOf(IdOf(url));
        Assert.Equal(2, files.Length); // the upload and its preview
        Assert.All(files, f => Assert.Equal(Owner, File.GetUnixFileMode(f)));
    }

    [Fact]
    public async Task Upload_is_deleted_on_apply_and_on_discard()
    {
        var units = await SeedUnits.LoadAsync(portal);
        using var clerk = await SignedInClerkAsync();
        var file = RosterFiles.Csv([RosterFiles.Row(1, units.Kqv)]);

        var (applied, _) = await clerk.PreviewAsync(portal.ElectionId, "lista.csv", file);
        Assert.NotEmpty(FilesOf(IdOf(applied)));
        await clerk.ApplyAsync(applied);
        Assert.Empty(FilesOf(IdOf(applied)));

        var (discarded, _) = await clerk.PreviewAsync(portal.ElectionId, "lista.csv", file);
        Assert.NotEmpty(FilesOf(IdOf(discarded)));
        await clerk.PostFormAsync(discarded, [], discarded + "&handler=Discard");
        Assert.Empty(FilesOf(IdOf(discarded)));
    }

    [Fact]
    public async Task Upload_refused_at_apply_is_deleted_too()
    {
        var units = await SeedUnits.LoadAsync(portal);
        using var clerk = await SignedInClerkAsync();
        var (url, _) = await clerk.PreviewAsync(portal.ElectionId, "lista.csv", RosterFiles.Csv([RosterFiles.Row(1, units.Kqv), RosterFiles.Row(2, units.Kqv)]));
        await clerk.ImportAsync(portal.ElectionId, "tjeter.csv", RosterFiles.Csv([RosterFiles.Row(1, units.Kqv)]));

        var refused = await clerk.ApplyAsync(url);

        Assert.Contains("Regjistri ndryshoi pas paraparjes", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(FilesOf(IdOf(url)));
    }

    [Fact]
    public async Task Abandoned_uploads_are_removed_after_an_hour_and_younger_ones_stay()
    {
        var folder = Directory.CreateTempSubdirectory("ec-uploads-").FullName;
        try
        {
            var now = new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);
            var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Uploads:Folder", folder)]).Build();
            var store = new ImportStore(configuration, portal.Services.GetRequiredService<IHostEnvironment>(), new FixedClock(now));
            var old = Guid.NewGuid();
            var young = Guid.NewGuid();
            foreach (var (id, age) in new[] { (old, TimeSpan.FromMinutes(61)), (young, TimeSpan.FromMinutes(59)) })
            {
                foreach (var path in new[] { store.FilePath(id), Path.ChangeExtension(store.FilePath(id), ".json") })
                {
                    await File.WriteAllTextAsync(path, "x");
                    File.SetLastWriteTimeUtc(path, (now - age).UtcDateTime);
                }
            }

            Assert.Equal(1, store.RemoveAbandoned());

            Assert.False(File.Exists(store.FilePath(old)));
            Assert.False(File.Exists(Path.ChangeExtension(store.FilePath(old), ".json")));
            Assert.True(File.Exists(store.FilePath(young)));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Sweeper_runs_at_least_every_ten_minutes_so_no_upload_outlives_an_hour_by_more()
    {
        Assert.True(UploadSweeper.Interval <= TimeSpan.FromMinutes(10));
        Assert.Equal(TimeSpan.FromHours(1), ImportStore.MaxAge);
        Assert.Contains(portal.Services.GetServices<IHostedService>(), s => s is UploadSweeper);
    }

    private static Guid IdOf(string previewUrl) => Guid.Parse(previewUrl[(previewUrl.IndexOf("id=", StringComparison.Ordinal) + 3)..]);

    private string[] FilesOf(Guid id) => Directory.GetFiles(Store.Directory, id.ToString("N") + ".*");

    private async Task<PortalClient> SignedInClerkAsync()
    {
        var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);
        return clerk;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
