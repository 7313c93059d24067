namespace JiraSdk.Http;

/// <summary>How a request is named in exceptions, logs and traces: never with its query string or credentials.</summary>
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

    /// <summary>
    /// The URL for logs and traces: scheme, host, port and path, with every query value whose name suggests a secret
    /// replaced by <c>***</c>. User info is dropped.
    /// </summary>
    public static string RedactedUrl(Uri? uri)
    {
        if (uri is null) return string.Empty;
        if (!uri.IsAbsoluteUri) return RedactQuery(uri.OriginalString);
        var left = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        return uri.Query.Length <= 1 ? left : left + RedactQuery(uri.Query);
    }

    private static string RedactQuery(string text)
    {
        var question = text.IndexOf('?');
        if (question < 0) return text;
        var pairs = text.Substring(question + 1).Split('&');
        for (var i = 0; i < pairs.Length; i++)
        {
            var equals = pairs[i].IndexOf('=');
            var name = equals < 0 ? pairs[i] : pairs[i].Substring(0, equals);
            if (equals >= 0 && IsSecretName(Uri.UnescapeDataString(name)))
                pairs[i] = name + "=***";
        }
        return text.Substring(0, question + 1) + string.Join("&", pairs);
    }

    private static readonly string[] SecretNameParts = ["token", "secret", "password", "passwd", "signature", "jwt", "apikey", "api_key", "code", "credential", "session"];

    internal static bool IsSecretName(string name)
    {
        foreach (var part in SecretNameParts)
            if (name.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0) return true;
        return false;
    }

    private static readonly HashSet<string> SecretHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie",
    };

    /// <summary>Whether a header's value must never be logged.</summary>
    public static bool IsSecretHeader(string name) => SecretHeaders.Contains(name) || IsSecretName(name);
}
