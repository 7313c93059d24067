using System.Text.Json;
using JiraSdk.Errors;
using JiraSdk.Serialization;

namespace JiraSdk.Issues;

/// <summary>
/// Where <see cref="IssueFields"/> reports a field its accessors cannot read: the diagnostics of the response the fields
/// came from. Fields are read lazily, after the response is, so the JSON path is relative to the issue
/// (<c>$.fields.status.name</c>) rather than to the body; the response type and request path say which call it was.
/// </summary>
internal sealed class FieldShapeReport(JiraSchemaDiagnostics diagnostics, string? responseType, string? requestPath)
{
    public void Mismatch(string path, string expected, JsonElement actual)
    {
        var fieldId = FieldIdOf(path);
        if (diagnostics.Strict)
            throw new JiraFieldException(fieldId, $"Field '{fieldId}' should hold {expected} at $.fields.{path} but holds a JSON {actual.ValueKind.ToString().ToLowerInvariant()}.");
        diagnostics.Report(new JiraSchemaMismatch(JiraSchemaMismatchKind.UnexpectedFieldShape, "$.fields." + path, expected, responseType, requestPath));
    }

    private static string FieldIdOf(string path)
    {
        var end = path.IndexOfAny(['.', '[']);
        return end < 0 ? path : path.Substring(0, end);
    }
}
