using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiraSdk.Generator.Normalizations;

/// <summary>
/// Applies our reasoned corrections to Atlassian's specs: the JSON files in <c>specs/patches</c>. Each file says what it
/// fixes and why, and holds JSON Patch (RFC 6902) steps whose <c>path</c> is relative to an operation (found by
/// <c>operationId</c>, so one patch serves v2 and v3) or a schema. A step whose target is missing fails the build:
/// a patch that silently stops applying after a spec update would hide the bug it fixed.
/// </summary>
internal sealed class SpecPatches(IReadOnlyList<SpecPatch> patches, string apiVersion) : ISpecNormalization
{
    public void Apply(SpecDocument document)
    {
        foreach (var patch in patches)
        {
            if (patch.ApiVersions is { Count: > 0 } versions && !versions.Contains(apiVersion)) continue;
            foreach (var step in patch.Steps)
            {
                var root = Resolve(document, step) ?? throw new InvalidOperationException(
                    $"patch {patch.Name}: target {step.Operation ?? step.Schema} not found in the {apiVersion} spec");
                JsonPatch.Apply(root, step.Op, step.Path, step.Value, patch.Name);
            }
            document.Log($"patch {patch.Name}: {patch.Fixes}");
        }
    }

    private static JsonNode? Resolve(SpecDocument document, SpecPatchStep step)
    {
        if (step.Operation is { } operationId)
            return document.Operations().FirstOrDefault(op => op.OperationId == operationId)?.Node;
        if (step.Schema is { } schema)
            return document.Schemas[schema];
        return document.Root;
    }

    /// <summary>Reads every <c>*.json</c> patch in a folder, in file-name order so the result does not depend on the file system.</summary>
    public static IReadOnlyList<SpecPatch> Load(string? directory)
    {
        if (directory is null || !Directory.Exists(directory)) return [];
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };
        return Directory.GetFiles(directory, "*.json").OrderBy(f => f, StringComparer.Ordinal).Select(file =>
        {
            var patch = JsonSerializer.Deserialize<SpecPatch>(File.ReadAllText(file), options)
                ?? throw new InvalidOperationException($"patch {file} is empty");
            if (string.IsNullOrWhiteSpace(patch.Fixes) || string.IsNullOrWhiteSpace(patch.Why))
                throw new InvalidOperationException($"patch {Path.GetFileName(file)} must say what it fixes and why");
            return patch with { Name = Path.GetFileNameWithoutExtension(file) };
        }).ToList();
    }
}

/// <summary>One patch file.</summary>
internal sealed record SpecPatch
{
    public string Name { get; init; } = "";
    public string Fixes { get; init; } = "";
    public string Why { get; init; } = "";
    public List<string>? ApiVersions { get; init; }
    public List<SpecPatchStep> Steps { get; init; } = [];
}

/// <summary>One JSON Patch step, relative to an operation, a schema, or the document.</summary>
internal sealed record SpecPatchStep
{
    public string? Operation { get; init; }
    public string? Schema { get; init; }
    public string Op { get; init; } = "";
    public string Path { get; init; } = "";
    public JsonNode? Value { get; init; }
}

/// <summary>The add/replace/remove subset of RFC 6902 over <see cref="JsonNode"/>.</summary>
internal static class JsonPatch
{
    public static void Apply(JsonNode root, string op, string path, JsonNode? value, string patchName)
    {
        var tokens = path.Split('/').Skip(1).Select(t => t.Replace("~1", "/").Replace("~0", "~")).ToArray();
        if (tokens.Length == 0) throw new InvalidOperationException($"patch {patchName}: empty path");
        var parent = root;
        foreach (var token in tokens[..^1])
        {
            parent = parent switch
            {
                JsonObject obj => obj[token],
                JsonArray array when int.TryParse(token, out var index) && index < array.Count => array[index],
                _ => null,
            } ?? throw new InvalidOperationException($"patch {patchName}: path {path} does not exist");
        }
        var last = tokens[^1];
        switch (op, parent)
        {
            case ("add", JsonObject obj):
                obj[last] = value?.DeepClone();
                break;
            case ("add", JsonArray array):
                if (last == "-") array.Add(value?.DeepClone());
                else array.Insert(int.Parse(last), value?.DeepClone());
                break;
            case ("replace", JsonObject obj) when obj.ContainsKey(last):
                obj[last] = value?.DeepClone();
                break;
            case ("remove", JsonObject obj) when obj.ContainsKey(last):
                obj.Remove(last);
                break;
            case ("remove", JsonArray array) when int.TryParse(last, out var removeAt) && removeAt < array.Count:
                array.RemoveAt(removeAt);
                break;
            default:
                throw new InvalidOperationException($"patch {patchName}: cannot {op} at {path}");
        }
    }
}
