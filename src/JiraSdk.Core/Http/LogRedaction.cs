namespace JiraSdk.Http;

/// <summary>
/// What the SDK's logs may show of a request or response, by allow-list: only headers and query parameters known to
/// carry no credentials and no personal data are written as they are; every other value is written as
/// <see cref="Redacted"/>, so a header or parameter nobody thought of (a proxy's API key, a signed URL) never leaks.
/// </summary>
/// <remarks>
/// Logs and traces (<see cref="TracingHandler"/>) follow the same rule: both end up pasted into tickets. JQL is not on
/// the list: it quotes user names, e-mail addresses and summaries. <c>nextPageToken</c> is
/// not either: it is an opaque cursor that may encode the query, and is useless to a reader.
/// </remarks>
internal static class LogRedaction
{
    public const string Redacted = "[redacted]";

    private static readonly HashSet<string> SafeHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept", "Accept-Encoding", "Content-Type", "Content-Length", "Content-Encoding", "Retry-After",
        "RateLimit-Reason", "Beta-Retry-After", "X-Seraph-LoginReason", "X-AREQUESTID", "X-Atlassian-Force-Account-Id",
        "X-Atlassian-Token", "X-ExperimentalApi", "User-Agent", "Date",
    };

    // Jira's paging and shaping parameters (spec: startAt, maxResults, fields, expand, properties, fieldsByKeys, …).
    private static readonly HashSet<string> SafeQueryParameters = new(StringComparer.Ordinal)
    {
        "startAt", "maxResults", "fields", "expand", "properties", "fieldsByKeys", "validateQuery", "validation",
        "notifyUsers", "updateHistory", "orderBy", "reconcileIssues", "failFast",
    };

    /// <summary>Whether a header's value may be logged as it is.</summary>
    public static bool IsSafeHeader(string name) =>
        SafeHeaders.Contains(name) || name.StartsWith("X-RateLimit-", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a query parameter's value may be logged as it is (names are case-sensitive in Jira's API).</summary>
    public static bool IsSafeQueryParameter(string name) => SafeQueryParameters.Contains(name);

    /// <summary>
    /// Scheme, host, port and path, user info dropped, each query value not on the allow-list written as
    /// <c>name=[redacted]</c>. A relative URI keeps its path.
    /// </summary>
    public static string Url(Uri? uri)
    {
        if (uri is null) return string.Empty;
        if (!uri.IsAbsoluteUri)
        {
            var text = uri.OriginalString;
            var question = text.IndexOf('?');
            return question < 0 ? text : text.Substring(0, question) + Query(text.Substring(question));
        }
        var left = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        return uri.Query.Length <= 1 ? left : left + Query(uri.Query);
    }

    private static string Query(string query)
    {
        var pairs = query.Substring(1).Split('&');
        for (var i = 0; i < pairs.Length; i++)
        {
            var equals = pairs[i].IndexOf('=');
            var name = equals < 0 ? pairs[i] : pairs[i].Substring(0, equals);
            if (!IsSafeQueryParameter(Uri.UnescapeDataString(name)))
                pairs[i] = equals >= 0 && IsPlainName(name) ? name + "=" + Redacted : Redacted;
        }
        return "?" + string.Join("&", pairs);
    }

    // A parameter's name is logged only when it looks like one; a bare item ("?abc123") may itself be the secret.
    private static bool IsPlainName(string name)
    {
        if (name.Length is 0 or > 40) return false;
        foreach (var c in name)
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-' or '.')) return false;
        return true;
    }

    /// <summary>One header's value for a log line; <c>Location</c> shows its path only.</summary>
    public static string HeaderValue(string name, IEnumerable<string> values)
    {
        if (string.Equals(name, "Location", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "Content-Location", StringComparison.OrdinalIgnoreCase))
            return string.Join(",", values.Select(LocationPath));
        return IsSafeHeader(name) ? string.Join(",", values) : Redacted;
    }

    private static string LocationPath(string value)
    {
        if (!Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out var uri)) return Redacted;
        if (uri.IsAbsoluteUri) return uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        var text = uri.OriginalString;
        var cut = text.IndexOfAny(['?', '#']);
        return cut < 0 ? text : text.Substring(0, cut);
    }

    /// <summary><c>Name: value, …</c> for the headers of a request or response with its content headers.</summary>
    public static string Headers(System.Net.Http.Headers.HttpHeaders headers, HttpContent? content)
    {
        IEnumerable<KeyValuePair<string, IEnumerable<string>>> all = headers;
        if (content is not null) all = all.Concat(content.Headers);
        return string.Join(", ", all.Select(h => h.Key + ": " + HeaderValue(h.Key, h.Value)));
    }
}
