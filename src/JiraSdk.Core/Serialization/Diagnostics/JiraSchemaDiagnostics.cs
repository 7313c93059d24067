using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace JiraSdk.Serialization;

/// <summary>
/// Where the SDK reports responses that do not match Atlassian's spec. Jira is newer than its spec, so by default a
/// value-level mismatch (an enum value added since, a new discriminator, an unreadable date, one value where a list is
/// declared) is read as well as it can be and reported here: once per place (JSON path with array indexes folded, per
/// response type) through <see cref="MismatchFound"/> and a warning log event (<see cref="LogEventId"/>). With
/// <see cref="Strict"/> the same mismatch fails the call with a <c>JiraSerializationException</c> instead, for tests.
/// </summary>
/// <remarks>
/// Set one on <c>JiraClientOptions.SchemaDiagnostics</c>; the client's pipeline attaches it to every request, and the
/// generated clients find it when they read the response. Reports never carry the value, only where and what type.
/// </remarks>
public sealed class JiraSchemaDiagnostics
{
    /// <summary>The id of the log event written for each new mismatch (category <c>JiraSdk.Serialization</c>).</summary>
    public static readonly EventId LogEventId = new(3001, "JiraSchemaMismatch");

    /// <summary>The logger category the pipeline creates the logger with.</summary>
    public const string LoggerCategory = "JiraSdk.Serialization";

    /// <summary>How many distinct places are remembered; beyond it every mismatch is reported again rather than growing without bound.</summary>
    internal const int MaxRemembered = 4096;

    private readonly ConcurrentDictionary<string, bool> _reported = new(StringComparer.Ordinal);

    /// <summary>Fail the call on a mismatch (<c>JiraSerializationException</c> naming the JSON path) instead of reading tolerantly.</summary>
    public bool Strict { get; set; }

    /// <summary>Where the warning log event goes; the client's pipeline fills it from its logger factory when unset.</summary>
    public ILogger? Logger { get; set; }

    /// <summary>Raised once per place a mismatch is first seen. Handlers run on the reading thread; keep them short and non-throwing.</summary>
    public event Action<JiraSchemaMismatch>? MismatchFound;

    internal void Report(JiraSchemaMismatch mismatch)
    {
        var key = $"{mismatch.Kind}|{mismatch.ResponseType}|{ArrayIndexes.Replace(mismatch.JsonPath, "[*]")}|{mismatch.ExpectedType}";
        if (_reported.Count < MaxRemembered)
        {
            if (!_reported.TryAdd(key, true)) return;
        }
        else if (_reported.ContainsKey(key))
        {
            return;
        }
        if (Logger is { } logger) SerializationLog.SchemaMismatch(logger, mismatch.Kind.ToString(), mismatch.JsonPath, mismatch.ExpectedType, mismatch.ResponseType ?? "the body");
        MismatchFound?.Invoke(mismatch);
    }

    private static readonly Regex ArrayIndexes = new(@"\[\d+\]", RegexOptions.CultureInvariant);
}
