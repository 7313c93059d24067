using System.Text;
using JiraSdk.Generator;
using JiraSdk.Generator.Normalizations;

// Usage: JiraSdk.Generator --api-version v3 --specs-dir DIR --sources specs/sources.json --patches specs/patches
//                          --cache DIR --out normalized.json --code-out clients.g.cs
//                          [--client-name V3] [--accept latest] [--inputs "template;nswag.json"] [--tool "nswag command"]
//    (writes normalized.key, the content key of everything the code is generated from, only when it changes)
//    or: JiraSdk.Generator postprocess generated.g.cs paging.g.cs
// Prints MSBuild-formatted errors (one line) so a failure reads clearly in the build output.
try
{
    if (args is ["postprocess", var generatedFile, var pagingFile])
    {
        var generated = await File.ReadAllTextAsync(generatedFile);
        var fixedCode = CodeFixups.Apply(generated);
        if (fixedCode != generated) await File.WriteAllTextAsync(generatedFile, fixedCode);
        // MSBuild's Exec turns "origin: warning CODE: text" into a build warning.
        foreach (var leftover in CodeFixups.Unapplied(fixedCode))
            Console.WriteLine($"JiraSdk.Generator: warning JSG001: {Path.GetFileName(generatedFile)}: {leftover}; see generator/JiraSdk.Generator/CodeFixups.cs");

        var paging = PagingWriter.Write(fixedCode);
        await Output.WriteIfChangedAsync(pagingFile, paging.Code);
        var report = Path.ChangeExtension(pagingFile, ".txt");
        await File.WriteAllLinesAsync(report, paging.Written.Select(w => "+ " + w).Concat(paging.Skipped.Select(s => "- " + s)));
        Console.WriteLine($"JiraSdk.Generator: {paging.Written.Count} paged operations have a pageable Enumerate…Async twin; {paging.Skipped.Count} cannot (see {report})");
        return 0;
    }

    var options = Arguments.Parse(args);
    var apiVersion = options["api-version"];
    var clientName = options.GetValueOrDefault("client-name") is { Length: > 0 } name ? name : apiVersion.ToUpperInvariant();
    var accept = options.GetValueOrDefault("accept") ?? "";
    if (accept is not ("" or "recorded" or SpecSource.AcceptLatest))
        throw new GeneratorException($"JiraSpecsAccept is '{accept}'; leave it empty (the recorded snapshot) or set it to '{SpecSource.AcceptLatest}'");
    var entry = SpecSource.ReadEntry(options["sources"], apiVersion);
    using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
    var spec = await new SpecSource(http).ResolveAsync(entry, options["specs-dir"], options["cache"], accept == SpecSource.AcceptLatest, CancellationToken.None);

    var output = options["out"];
    var codeOutput = options["code-out"];
    var keyFile = Path.ChangeExtension(output, ".key");
    var patchFiles = Directory.Exists(options["patches"]) ? Directory.GetFiles(options["patches"], "*.json") : [];
    var otherInputs = (options.GetValueOrDefault("inputs") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    var key = GenerationKey.Compute(
        [("api", apiVersion), ("client", clientName), ("tool", options.GetValueOrDefault("tool") ?? "")],
        spec.Bytes,
        [typeof(Output).Assembly.Location, .. patchFiles, .. otherInputs]);
    if (File.Exists(keyFile) && await File.ReadAllTextAsync(keyFile) == key && File.Exists(output) && File.Exists(codeOutput))
    {
        Console.WriteLine($"JiraSdk {entry.File}: unchanged since the last generation (content key {key[..12]}), from {spec.Path}");
        return 0;
    }

    var document = SpecNormalizer.Normalize(Encoding.UTF8.GetString(spec.Bytes), SpecPatches.Load(options["patches"]), apiVersion);
    var normalized = SpecNormalizer.Serialize(document);
    var changed = await Output.WriteIfChangedAsync(output, normalized);
    if (changed) await File.WriteAllLinesAsync(Path.ChangeExtension(output, ".changes.txt"), document.Changes.Distinct());

    await Output.WriteIfChangedAsync(codeOutput, ClientsWriter.Write(document, clientName));

    var infoVersion = document.Root["info"]?["version"]?.GetValue<string>() ?? "?";
    Console.WriteLine(GenerationReport.Describe(GenerationReport.OperationsOf(spec.Bytes), infoVersion, document.Schemas.Count, spec, entry,
        Path.ChangeExtension(output, ".operations.txt"), changed));
    // Written last: the build regenerates code when this file changes, and a failure above leaves the old key, so the
    // next build tries again.
    await Output.WriteIfChangedAsync(keyFile, key);
    return 0;
}
catch (GeneratorException ex)
{
    Console.Error.WriteLine($"JiraSdk.Generator : error JIRASDK001: {ex.Message}");
    return 1;
}
catch (Exception ex) when (ex is InvalidOperationException or System.Text.Json.JsonException or IOException)
{
    Console.Error.WriteLine($"JiraSdk.Generator : error JIRASDK002: {ex.Message}");
    return 1;
}

/// <summary>Files the build's incremental checks look at: an unchanged file keeps its timestamp, so nothing recompiles.</summary>
internal static class Output
{
    public static async Task<bool> WriteIfChangedAsync(string path, string text)
    {
        if (File.Exists(path) && await File.ReadAllTextAsync(path) == text) return false;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, text);
        return true;
    }
}

internal static class Arguments
{
    private static readonly string[] Required = ["api-version", "specs-dir", "sources", "patches", "cache", "out", "code-out"];

    public static Dictionary<string, string> Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new GeneratorException($"unexpected argument '{args[i]}'");
            values[args[i][2..]] = args[i + 1];
        }
        var missing = Required.Where(name => !values.ContainsKey(name)).ToList();
        if (missing.Count > 0) throw new GeneratorException("missing " + string.Join(", ", missing.Select(m => "--" + m)));
        return values;
    }
}
