using System.Text.Json;

namespace JiraSdk.Generator;

/// <summary>
/// The lines a maintainer reads after pointing the build at a new spec: which snapshot was used, how many operations it
/// has, and which operations appeared or went away since the previous generation, named by the spec's own operationIds
/// and paths (as Atlassian publishes them, before any normalization).
/// </summary>
internal static class GenerationReport
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    /// <summary>Every operation of the spec as published: <c>operationId (METHOD /path)</c>, in document order.</summary>
    public static IReadOnlyList<string> OperationsOf(byte[] spec)
    {
        using var document = JsonDocument.Parse(spec, new JsonDocumentOptions { MaxDepth = 256 });
        var operations = new List<string>();
        if (!document.RootElement.TryGetProperty("paths", out var paths) || paths.ValueKind != JsonValueKind.Object) return operations;
        foreach (var path in paths.EnumerateObject())
        {
            if (path.Value.ValueKind != JsonValueKind.Object) continue;
            foreach (var method in HttpMethods)
            {
                if (!path.Value.TryGetProperty(method, out var operation) || operation.ValueKind != JsonValueKind.Object) continue;
                var id = operation.TryGetProperty("operationId", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : "(no operationId)";
                operations.Add($"{id} ({method.ToUpperInvariant()} {path.Name})");
            }
        }
        return operations;
    }

    /// <param name="operations">The spec's operations (<see cref="OperationsOf"/>).</param>
    /// <param name="infoVersion">The spec's <c>info.version</c>.</param>
    /// <param name="schemas">The number of schemas generated.</param>
    /// <param name="spec">The spec read.</param>
    /// <param name="entry">What specs/sources.json records.</param>
    /// <param name="operationsFile">Where the previous generation's operations are kept; rewritten with these.</param>
    /// <param name="changed">Whether the normalized spec changed.</param>
    public static string Describe(IReadOnlyList<string> operations, string infoVersion, int schemas, ResolvedSpec spec, SpecSourceEntry entry, string operationsFile, bool changed)
    {
        var previous = File.Exists(operationsFile) ? File.ReadAllLines(operationsFile) : null;
        File.WriteAllLines(operationsFile, operations);

        var report = new List<string>
        {
            $"JiraSdk {entry.File}: info.version {infoVersion}, {operations.Count} operations, {schemas} schemas, from {spec.Path}" +
            (changed ? "" : " (unchanged)"),
        };
        if (!entry.IsRecordedSnapshot(spec.Sha256))
        {
            report.Add(spec.Downloaded
                ? $"  Atlassian's current {entry.File} differs from the snapshot recorded in specs/sources.json ({entry.InfoVersion}); to adopt it, record \"infoVersion\": \"{infoVersion}\", \"sha256\": \"{spec.Sha256}\""
                : $"  this spec (sha256 {spec.Sha256}) differs from the snapshot recorded in specs/sources.json ({entry.InfoVersion}); update the record when adopting it");
        }
        if (previous is not null)
        {
            var added = operations.Except(previous).ToList();
            var removed = previous.Except(operations).ToList();
            if (added.Count + removed.Count > 0)
            {
                report.Add($"  operations since the last generation: +{added.Count} -{removed.Count}");
                report.AddRange(added.Select(op => "  + " + op));
                report.AddRange(removed.Select(op => "  - " + op));
            }
        }
        return string.Join(Environment.NewLine, report);
    }
}
