using System.Security.Cryptography;
using System.Text.Json;

namespace JiraSdk.Generator;

/// <summary>What <c>specs/sources.json</c> records about one spec: where Atlassian publishes it and which snapshot we built against.</summary>
internal sealed record SpecSourceEntry(string File, string Url, string InfoVersion, string Sha256, string? SharedCopySha256)
{
    /// <summary>True when the bytes are the recorded snapshot, compact as served or pretty-printed as in ../shared/specs.</summary>
    public bool IsRecordedSnapshot(string sha256) => sha256 == Sha256 || sha256 == SharedCopySha256;
}

/// <summary>A spec the generator reads: its bytes, where they came from and their sha256.</summary>
internal sealed record ResolvedSpec(string Path, byte[] Bytes, string Sha256, bool Downloaded);

/// <summary>Finds a spec on disk or downloads it from its official URL, checking the recorded sha256.</summary>
internal sealed class SpecSource(HttpClient http)
{
    /// <summary>The value of <c>-p:JiraSpecsAccept</c> that generates from whatever Atlassian serves today.</summary>
    public const string AcceptLatest = "latest";

    public static SpecSourceEntry ReadEntry(string sourcesFile, string apiVersion)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(sourcesFile));
        if (!document.RootElement.GetProperty("specs").TryGetProperty(apiVersion, out var entry))
            throw new GeneratorException($"{sourcesFile} has no entry for '{apiVersion}'");
        return new SpecSourceEntry(
            entry.GetProperty("file").GetString()!,
            entry.GetProperty("url").GetString()!,
            entry.GetProperty("infoVersion").GetString()!,
            entry.GetProperty("sha256").GetString()!,
            entry.TryGetProperty("sharedCopySha256", out var shared) ? shared.GetString() : null);
    }

    /// <summary>
    /// The spec in <paramref name="specsDirectory"/> when it is there (any content: pointing the build at a newer spec is how
    /// maintainers regenerate); otherwise the recorded snapshot, from <paramref name="cacheDirectory"/> or downloaded into it.
    /// </summary>
    /// <param name="acceptLatest">
    /// Download and use whatever Atlassian serves now, even when it is not the recorded snapshot (<c>-p:JiraSpecsAccept=latest</c>).
    /// Without it, a download that differs from the record stops the generation with one message saying so.
    /// </param>
    public async Task<ResolvedSpec> ResolveAsync(SpecSourceEntry entry, string specsDirectory, string cacheDirectory, bool acceptLatest, CancellationToken cancellationToken)
    {
        var local = Path.Combine(specsDirectory, entry.File);
        if (File.Exists(local)) return Read(local, await File.ReadAllBytesAsync(local, cancellationToken), downloaded: false);

        var cached = Path.Combine(cacheDirectory, entry.File);
        if (!acceptLatest && File.Exists(cached))
        {
            var bytes = await File.ReadAllBytesAsync(cached, cancellationToken);
            if (entry.IsRecordedSnapshot(Sha256Of(bytes))) return Read(cached, bytes, downloaded: false);
        }

        byte[] download;
        try
        {
            download = await http.GetByteArrayAsync(entry.Url, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            throw new GeneratorException(Missing(entry, specsDirectory, $"the download failed: {ex.Message}"));
        }
        var actual = Sha256Of(download);
        if (!acceptLatest && !entry.IsRecordedSnapshot(actual))
        {
            throw new GeneratorException(
                $"Atlassian's current {entry.File} ({entry.Url}) has sha256 {actual}, not the snapshot recorded in specs/sources.json " +
                $"({entry.InfoVersion}, sha256 {entry.Sha256}). To generate from the current file, build with -p:JiraSpecsAccept=latest " +
                $"(the build then prints the operations that changed and the sha256 to record); or put the recorded file in {specsDirectory} " +
                "(or point the build at another folder with -p:JiraSpecsDir=<folder>).");
        }
        Directory.CreateDirectory(cacheDirectory);
        await File.WriteAllBytesAsync(cached, download, cancellationToken);
        return new ResolvedSpec(cached, download, actual, Downloaded: true);
    }

    public static string Sha256Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static ResolvedSpec Read(string path, byte[] bytes, bool downloaded) => new(path, bytes, Sha256Of(bytes), downloaded);

    private static string Missing(SpecSourceEntry entry, string specsDirectory, string reason) =>
        $"The Jira spec {entry.File} was not found in {specsDirectory} and {reason}. Provide it in one of two ways: " +
        $"put the file in that folder (or point the build at another folder with -p:JiraSpecsDir=<folder>), " +
        $"or let the build download it from {entry.Url} (needs network access; the file must have sha256 {entry.Sha256}, " +
        $"or build with -p:JiraSpecsAccept=latest to take whatever is served there now).";
}

/// <summary>A failure the build reports as one clear error line.</summary>
internal sealed class GeneratorException(string message) : Exception(message);
