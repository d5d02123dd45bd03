using System.Security.Cryptography;
using System.Text.Json;

namespace ElectionComms.Web.Features.Registry;

/// <summary>What the server keeps about one uploaded roster between preview and apply.</summary>
public sealed record StoredImport(
    Guid Id, Guid OwnerId, int ElectionId, string FileName, TableFormat Format, ImportMode Mode, string Sha256,
    long Size, DateTimeOffset UploadedAt, ImportOutcome? Preview);

/// <summary>
/// Uploaded roster files hold names and numbers (§10). They wait on disk (never in memory) between preview and apply in
/// the portal's own folder, Uploads:Folder (default App_Data/uploads under the content root), which only the portal's
/// user may read (folder 0700, files 0600). They are deleted on apply or discard, and abandoned ones within an hour by
/// <see cref="UploadSweeper"/> (ADR 0018).
/// </summary>
public sealed class ImportStore(IConfiguration configuration, IHostEnvironment environment, TimeProvider clock)
{
    /// <summary>20 MB: about 200,000 roster rows, four times the national administration.</summary>
    public const long MaxFileBytes = 20L * 1024 * 1024;

    /// <summary>An upload neither applied nor discarded within this time is deleted.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>The folder, created 0700 (and set so if it already existed).</summary>
    public string Directory
    {
        get
        {
            var path = configuration["Uploads:Folder"];
            path = Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? Path.Combine("App_Data", "uploads") : path, environment.ContentRootPath);
            if (OperatingSystem.IsWindows())
            {
                System.IO.Directory.CreateDirectory(path);
            }
            else
            {
                System.IO.Directory.CreateDirectory(path, FolderMode);
                if (File.GetUnixFileMode(path) != FolderMode)
                {
                    File.SetUnixFileMode(path, FolderMode);
                }
            }

            return path;
        }
    }

    public string FilePath(Guid id) => Path.Combine(Directory, id.ToString("N") + ".upload");

    /// <summary>Copies the upload to disk, hashing it on the way; null when it exceeds <see cref="MaxFileBytes"/>.</summary>
    public async Task<StoredImport?> SaveAsync(
        IFormFile file, Guid ownerId, int electionId, ImportMode mode, CancellationToken cancellationToken)
    {
        if (file.Length > MaxFileBytes)
        {
            return null;
        }

        var id = Guid.NewGuid();
        var path = FilePath(id);
        await using (var source = file.OpenReadStream())
        await using (var target = new FileStream(path, Private(FileMode.CreateNew, 64 * 1024)))
        {
            await source.CopyToAsync(target, cancellationToken);
        }

        TableFormat format;
        await using (var stored = File.OpenRead(path))
        {
            format = RosterReader.FormatOf(file.FileName, stored);
        }

        var import = new StoredImport(
            id, ownerId, electionId, Path.GetFileName(file.FileName), format, mode, await HashAsync(id, cancellationToken),
            file.Length, clock.GetUtcNow(), null);
        await WriteAsync(import, cancellationToken);
        return import;
    }

    /// <summary>The import, if it exists; whose it is and who may use it is <see cref="RegistryUploadRequirement"/>'s question.</summary>
    public async Task<StoredImport?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var meta = MetaPath(id);
        if (!File.Exists(meta) || !File.Exists(FilePath(id)))
        {
            return null;
        }

        await using var stream = File.OpenRead(meta);
        var import = await JsonSerializer.DeserializeAsync<StoredImport>(stream, Json, cancellationToken);
        return import;
    }

    public async Task WriteAsync(StoredImport import, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(MetaPath(import.Id), Private(FileMode.Create, 4096));
        await JsonSerializer.SerializeAsync(stream, import, Json, cancellationToken);
    }

    public async Task<string> HashAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(FilePath(id));
        return Convert.ToHexString(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    public void Delete(Guid id)
    {
        File.Delete(FilePath(id));
        File.Delete(MetaPath(id));
    }

    private string MetaPath(Guid id) => Path.Combine(Directory, id.ToString("N") + ".json");

    /// <summary>
    /// Deletes the uploads older than <see cref="MaxAge"/> (by the time the file was written) with their previews;
    /// returns how many imports were removed. Called by <see cref="UploadSweeper"/>.
    /// </summary>
    public int RemoveAbandoned()
    {
        var limit = clock.GetUtcNow().UtcDateTime - MaxAge;
        var removed = 0;
        foreach (var file in new DirectoryInfo(Directory).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc >= limit)
            {
                continue;
            }

            try
            {
                file.Delete();
                removed += file.Extension == ".upload" ? 1 : 0;
            }
            catch (IOException)
            {
                // Another request is reading it; the next sweep tries again.
            }
        }

        return removed;
    }

    /// <summary>Created readable and writable by the portal's user only (0600), whatever the process umask.</summary>
    private static FileStreamOptions Private(FileMode mode, int bufferSize)
    {
        var options = new FileStreamOptions
        {
            Mode = mode,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = bufferSize,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode600;
        }

        return options;
    }
}
