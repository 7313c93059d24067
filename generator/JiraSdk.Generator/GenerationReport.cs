namespace JiraSdk.Generator;

/// <summary>
/// The line a maintainer reads after pointing the build at a new spec: which snapshot was used, how many operations it
/// has, and which operations appeared or went away since the previous generation.
/// </summary>
internal static class GenerationReport
{
    public static string Describe(SpecDocument document, SpecSourceEntry entry, string specPath, string sha256, string operationsFile, bool changed)
    {
        var operations = document.Operations().Select(op => op.ToString()).ToList();
        var previous = File.Exists(operationsFile) ? File.ReadAllLines(operationsFile) : null;
        File.WriteAllLines(operationsFile, operations);

        var version = document.Root["info"]?["version"]?.GetValue<string>() ?? "?";
        var report = new List<string>
        {
            $"JiraSdk {entry.File}: info.version {version}, {operations.Count} operations, {document.Schemas.Count} schemas, from {specPath}" +
            (changed ? "" : " (unchanged)"),
        };
        if (!entry.IsRecordedSnapshot(sha256))
            report.Add($"  this spec differs from the snapshot recorded in specs/sources.json ({entry.InfoVersion}); update the record when adopting it");
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
