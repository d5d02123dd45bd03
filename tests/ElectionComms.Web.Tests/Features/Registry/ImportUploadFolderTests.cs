using ElectionComms.Web.Data.Seed;
using ElectionComms.Web.Features.Registry;
using ElectionComms.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

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

    /// <summary>
    /// The running sweeper, on a clock moved a minute at a time and only once the sweep of each tick has read the
    /// time: an upload is still there at 59 minutes and gone at 70 (an hour and at most ten minutes). Fails for a sweep
    /// interval over ten minutes or an age over an hour.
    /// </summary>
    [Fact]
    public async Task Sweeper_removes_an_abandoned_upload_no_later_than_ten_minutes_after_its_hour()
    {
        Assert.Contains(portal.Services.GetServices<IHostedService>(), s => s is UploadSweeper);
        var folder = Directory.CreateTempSubdirectory("ec-sweeper-").FullName;
        try
        {
            var fake = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero));
            var clock = new SweepClock(fake);
            var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Uploads:Folder", folder)]).Build();
            var store = new ImportStore(configuration, portal.Services.GetRequiredService<IHostEnvironment>(), clock);
            var path = store.FilePath(Guid.NewGuid());
            await File.WriteAllTextAsync(path, "x");
            File.SetLastWriteTimeUtc(path, fake.GetUtcNow().UtcDateTime);
            using var sweeper = new UploadSweeper(store, clock, NullLogger<UploadSweeper>.Instance);
            await sweeper.StartAsync(CancellationToken.None);
            await UntilAsync(() => clock.Reads >= 1, "the first sweep");

            for (var minute = 1; minute <= 70; minute++)
            {
                fake.Advance(TimeSpan.FromMinutes(1));
                await UntilAsync(() => clock.Reads >= 1 + clock.Ticks, $"the sweep at minute {minute}");
                if (minute == 59)
                {
                    Assert.True(File.Exists(path), "removed before its hour");
                }
            }

            Assert.True(clock.Ticks > 0, "the sweeper never ran on its timer");
            await UntilAsync(() => !File.Exists(path), "the upload to be removed 70 minutes after it was written");
            await sweeper.StopAsync(CancellationToken.None);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), $"Waited 10 s for {what}");
            await Task.Delay(5);
        }
    }

    private static Guid IdOf(string previewUrl) => Guid.Parse(previewUrl[(previewUrl.IndexOf("id=", StringComparison.Ordinal) + 3)..]);

    private string[] FilesOf(Guid id) => Directory.GetFiles(Store.Directory, id.ToString("N") + ".*");

    private async Task<PortalClient> SignedInClerkAsync()
    {
        var clerk = portal.CreatePortalClient();
        await clerk.SignInAsync(DemoAccounts.Clerk);
        return clerk;
    }

    /// <summary>The fake clock, counting its timer's ticks and the reads of the time (one per sweep).</summary>
    private sealed class SweepClock(FakeTimeProvider fake) : TimeProvider
    {
        private int ticks;
        private int reads;

        public int Ticks => Volatile.Read(ref ticks);

        public int Reads => Volatile.Read(ref reads);

        public override DateTimeOffset GetUtcNow()
        {
            Interlocked.Increment(ref reads);
            return fake.GetUtcNow();
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            fake.CreateTimer(s =>
            {
                Interlocked.Increment(ref ticks);
                callback(s);
            }, state, dueTime, period);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
