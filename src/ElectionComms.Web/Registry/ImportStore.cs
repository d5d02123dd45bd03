using System.Security.Cryptography;
using System.Text.Json;

namespace ElectionComms.Web.Registry;

/// <summary>What the server keeps about one uploaded roster between preview and apply.</summary>
public sealed record StoredImport(
    Guid Id, Guid OwnerId, int ElectionId, string FileName, RosterFormat Format, ImportMode Mode, string Sha256,
    long Size, DateTimeOffset UploadedAt, ImportOutcome? Preview);

/// <summary>
/// Uploaded roster files wait on disk (never in memory) between preview and apply, in the directory set by
/// Registry:ImportDirectory (default: the system temp directory). Files older than a day are removed on the next upload.
/// </summary>
public sealed class ImportStore(IConfiguration configuration, TimeProvider clock)
{
    /// <summary>20 MB: about 200,000 roster rows, four times the national administration.</summary>
    public const long MaxFileBytes = 20L * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private string Directory
    {
        get
        {
            var path = configuration["Registry:ImportDirectory"];
            path = string.IsNullOrWhiteSpace(path) ? Path.Combine(Path.GetTempPath(), "electioncomms-imports") : path;
            System.IO.Directory.CreateDirectory(path);
            return path;
        }
    }

    public string FilePath(Guid id) => Path.Combine(Directory, id.ToString("N") + ".upload");

    /// <summary>Copies the upload to disk, hashing it on the way; null when it exceeds <see cref="MaxFileBytes"/>.</summary>
    public async Task<StoredImport?> SaveAsync(
        IFormFile file, Guid ownerId, int electionId, ImportMode mode, CancellationToken cancellationToken)
    {
        RemoveExpired();
        if (file.Length > MaxFileBytes)
        {
            return null;
        }

        var id = Guid.NewGuid();
        var path = FilePath(id);
        await using (var source = file.OpenReadStream())
        await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
        {
            await source.CopyToAsync(target, cancellationToken);
        }

        RosterFormat format;
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

    /// <summary>The import, if it exists and belongs to <paramref name="ownerId"/>.</summary>
    public async Task<StoredImport?> FindAsync(Guid id, Guid ownerId, CancellationToken cancellationToken)
    {
        var meta = MetaPath(id);
        if (!File.Exists(meta) || !File.Exists(FilePath(id)))
        {
            return null;
        }

        await using var stream = File.OpenRead(meta);
        var import = await JsonSerializer.DeserializeAsync<StoredImport>(stream, Json, cancellationToken);
        return import?.OwnerId == ownerId ? import : null;
    }

    public async Task WriteAsync(StoredImport import, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(MetaPath(import.Id), FileMode.Create, FileAccess.Write, FileShare.None);
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

    private void RemoveExpired()
    {
        var limit = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        foreach (var file in new DirectoryInfo(Directory).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc < limit)
            {
                try
                {
                    file.Delete();
                }
                catch (IOException)
                {
                    // Another request is reading it; the next upload tries again.
                }
            }
        }
    }
}
