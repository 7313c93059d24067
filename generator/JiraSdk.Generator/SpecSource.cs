using System.Security.Cryptography;
using System.Text.Json;

namespace JiraSdk.Generator;

/// <summary>What <c>specs/sources.json</c> records about one spec: where Atlassian publishes it and which snapshot we built against.</summary>
internal sealed record SpecSourceEntry(string File, string Url, string InfoVersion, string Sha256, string? SharedCopySha256)
{
    /// <summary>True when the bytes are the recorded snapshot, compact as served or pretty-printed as in ../shared/specs.</summary>
    public bool IsRecordedSnapshot(string sha256) => sha256 == Sha256 || sha256 == SharedCopySha256;
}

/// <summary>Finds a spec on disk or downloads it from its official URL, checking the recorded sha256.</summary>
internal sealed class SpecSource(HttpClient http)
{
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
    /// maintainers regenerate); otherwise a verified download cached in <paramref name="cacheDirectory"/>.
    /// </summary>
    public async Task<string> ResolveAsync(SpecSourceEntry entry, string specsDirectory, string cacheDirectory, CancellationToken cancellationToken)
    {
        var local = Path.Combine(specsDirectory, entry.File);
        if (File.Exists(local)) return local;

        var cached = Path.Combine(cacheDirectory, entry.File);
        if (File.Exists(cached) && Sha256Of(await File.ReadAllBytesAsync(cached, cancellationToken)) == entry.Sha256) return cached;

        byte[] bytes;
        try
        {
            bytes = await http.GetByteArrayAsync(entry.Url, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            throw new GeneratorException(Missing(entry, specsDirectory, $"the download failed: {ex.Message}"));
        }
        var actual = Sha256Of(bytes);
        if (actual != entry.Sha256)
            throw new GeneratorException(Missing(entry, specsDirectory, $"the download has sha256 {actual}, not the recorded {entry.Sha256}"));
        Directory.CreateDirectory(cacheDirectory);
        await File.WriteAllBytesAsync(cached, bytes, cancellationToken);
        return cached;
    }

    public static string Sha256Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string Missing(SpecSourceEntry entry, string specsDirectory, string reason) =>
        $"The Jira spec {entry.File} was not found in {specsDirectory} and {reason}. Provide it in one of two ways: " +
        $"put the file in that folder (or point the build at another folder with -p:JiraSpecsDir=<folder>), " +
        $"or let the build download it from {entry.Url} (needs network access; the file must have sha256 {entry.Sha256}).";
}

/// <summary>A failure the build reports as one clear error line.</summary>
internal sealed class GeneratorException(string message) : Exception(message);
