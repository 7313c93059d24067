using System.Globalization;
using System.Text;

namespace JiraSdk.Auth;

/// <summary>The RFC 5849 §3.4.1 signature base string: method, base string URI and normalized parameters.</summary>
internal static class OAuth1SignatureBaseString
{
    /// <summary>Builds the base string.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="requestUri">The absolute request URI as sent; its query parameters are included.</param>
    /// <param name="bodyParameters">Decoded parameters of a form-encoded body (none otherwise).</param>
    /// <param name="protocolParameters">The <c>oauth_*</c> parameters without <c>oauth_signature</c> and <c>realm</c>.</param>
    internal static string Build(
        string method,
        Uri requestUri,
        IEnumerable<KeyValuePair<string, string>> bodyParameters,
        IEnumerable<KeyValuePair<string, string>> protocolParameters)
    {
        var parameters = PercentEncoding.ParseForm(QueryWithoutQuestionMark(requestUri))
            .Concat(bodyParameters)
            .Concat(protocolParameters);
        return method.ToUpperInvariant()
            + "&" + PercentEncoding.Encode(BaseStringUri(requestUri))
            + "&" + PercentEncoding.Encode(NormalizeParameters(parameters));
    }

    /// <summary>§3.4.1.2: scheme and host in lower case, the port only when it is not the scheme's default, the path as sent, no query or fragment.</summary>
    internal static string BaseStringUri(Uri requestUri)
    {
        if (!requestUri.IsAbsoluteUri) throw new ArgumentException("OAuth 1.0a signs absolute URIs only.", nameof(requestUri));
        var scheme = requestUri.Scheme.ToLowerInvariant();
        var host = requestUri.Host.ToLowerInvariant();
        var isDefaultPort = (scheme == "http" && requestUri.Port == 80) || (scheme == "https" && requestUri.Port == 443);
        var authority = isDefaultPort ? host : host + ":" + requestUri.Port.ToString(CultureInfo.InvariantCulture);
        var path = requestUri.AbsolutePath.Length == 0 ? "/" : requestUri.AbsolutePath;
        return scheme + "://" + authority + path;
    }

    /// <summary>§3.4.1.3.2: encode names and values, sort by name then value (byte order), join with '=' and '&amp;'.</summary>
    internal static string NormalizeParameters(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var encoded = parameters
            .Select(p => new KeyValuePair<string, string>(PercentEncoding.Encode(p.Key), PercentEncoding.Encode(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        var builder = new StringBuilder();
        foreach (var pair in encoded)
        {
            if (builder.Length > 0) builder.Append('&');
            builder.Append(pair.Key).Append('=').Append(pair.Value);
        }
        return builder.ToString();
    }

    private static string QueryWithoutQuestionMark(Uri uri) => uri.Query.Length > 1 ? uri.Query.Substring(1) : string.Empty;
}
