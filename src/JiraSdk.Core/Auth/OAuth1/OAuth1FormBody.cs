using System.Text;

namespace JiraSdk.Auth;

/// <summary>Reads the parameters of a form-encoded request body, which RFC 5849 §3.4.1.3.1 includes in the signature.</summary>
internal static class OAuth1FormBody
{
    private static readonly KeyValuePair<string, string>[] None = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>Returns the decoded body parameters, or none when the body is absent or not form-encoded.</summary>
    /// <remarks>Reading buffers the content, so it is still sent in full afterwards.</remarks>
    internal static async Task<IReadOnlyList<KeyValuePair<string, string>>> ReadParametersAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null || !FormContent.IsFormMediaType(content.Headers.ContentType?.ToString())) return None;
#if NET8_0_OR_GREATER
        var bytes = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
        cancellationToken.ThrowIfCancellationRequested();
        var bytes = await content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
        return PercentEncoding.ParseForm(Encoding.UTF8.GetString(bytes)).ToList();
    }
}
