namespace JiraSdk.Http;

/// <summary>How a request is named in exceptions and retry logs: never with its query string or credentials (logs and traces redact URLs through <see cref="LogRedaction"/>).</summary>
internal static class RequestDescription
{
    /// <summary>Whether two URLs share scheme, host and port: credentials may only follow a request within one origin.</summary>
    public static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    /// <summary>The request path without query or user info, e.g. <c>/rest/api/3/issue/DOCS-1</c>.</summary>
    public static string? PathOf(HttpRequestMessage? request)
    {
        var uri = request?.RequestUri;
        if (uri is null) return null;
        return uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0];
    }
}
