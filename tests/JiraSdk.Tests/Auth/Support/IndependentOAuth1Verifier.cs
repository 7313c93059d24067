using System.Security.Cryptography;
using System.Text;

namespace JiraSdk.Tests.Auth.Support;

/// <summary>
/// An OAuth 1.0a RSA-SHA1 provider-side check written from RFC 5849 for the tests: it rebuilds the signature base
/// string from the request as received on the wire, with its own parsing and encoding (Uri.EscapeDataString, which is
/// RFC 3986 on .NET), and verifies the signature with System.Security.Cryptography. It shares no code with the signer.
/// </summary>
internal static class IndependentOAuth1Verifier
{
    internal sealed record Result(bool Valid, string Problem, IReadOnlyDictionary<string, string> OAuthParameters, string BaseString);

    /// <param name="method">The request method.</param>
    /// <param name="scheme">"http" or "https".</param>
    /// <param name="host">The Host header (with a port when it is not the default).</param>
    /// <param name="rawTarget">The request target exactly as sent: path and query.</param>
    /// <param name="contentType">The Content-Type header, if any.</param>
    /// <param name="body">The body bytes.</param>
    /// <param name="authorization">The Authorization header value.</param>
    /// <param name="publicKey">The consumer's public key.</param>
    internal static Result Verify(string method, string scheme, string host, string rawTarget, string? contentType, byte[] body, string? authorization, RSA publicKey)
    {
        var empty = new Dictionary<string, string>();
        if (authorization is null || !authorization.StartsWith("OAuth ", StringComparison.Ordinal))
            return new Result(false, "parameter_absent", empty, "");

        var oauth = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in authorization.Substring(6).Split(','))
        {
            var item = part.Trim();
            var eq = item.IndexOf('=');
            if (eq <= 0 || item.Length < eq + 3 || item[eq + 1] != '"' || item[^1] != '"') return new Result(false, "parameter_rejected", empty, "");
            var name = Uri.UnescapeDataString(item.Substring(0, eq));
            if (oauth.ContainsKey(name)) return new Result(false, "parameter_rejected (duplicate " + name + ")", empty, "");
            oauth[name] = Uri.UnescapeDataString(item.Substring(eq + 2, item.Length - eq - 3));
        }
        foreach (var required in new[] { "oauth_consumer_key", "oauth_signature_method", "oauth_signature", "oauth_timestamp", "oauth_nonce" })
            if (!oauth.ContainsKey(required)) return new Result(false, "parameter_absent " + required, oauth, "");
        if (oauth["oauth_signature_method"] != "RSA-SHA1") return new Result(false, "signature_method_rejected", oauth, "");

        var pairs = new List<(string Name, string Value)>();
        var question = rawTarget.IndexOf('?');
        var path = question < 0 ? rawTarget : rawTarget.Substring(0, question);
        if (question >= 0) pairs.AddRange(FormPairs(rawTarget.Substring(question + 1)));
        if (contentType is not null && contentType.Split(';')[0].Trim().Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            pairs.AddRange(FormPairs(Encoding.ASCII.GetString(body)));
        pairs.AddRange(oauth.Where(p => p.Key != "oauth_signature" && p.Key != "realm").Select(p => (p.Key, p.Value)));

        var normalized = string.Join("&", pairs
            .Select(p => (Name: Uri.EscapeDataString(p.Name), Value: Uri.EscapeDataString(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));

        var authority = host.ToLowerInvariant();
        if ((scheme == "http" && authority.EndsWith(":80")) || (scheme == "https" && authority.EndsWith(":443")))
            authority = authority.Substring(0, authority.LastIndexOf(':'));
        var baseUri = scheme.ToLowerInvariant() + "://" + authority + path;
        var baseString = method.ToUpperInvariant() + "&" + Uri.EscapeDataString(baseUri) + "&" + Uri.EscapeDataString(normalized);

        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(oauth["oauth_signature"]);
        }
        catch (FormatException)
        {
            return new Result(false, "signature_invalid (not base64)", oauth, baseString);
        }
        var valid = publicKey.VerifyData(Encoding.ASCII.GetBytes(baseString), signature, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);
        return new Result(valid, valid ? "" : "signature_invalid", oauth, baseString);
    }

    /// <summary>application/x-www-form-urlencoded decoding: '+' is a space, then percent-decoding.</summary>
    internal static IEnumerable<(string Name, string Value)> FormPairs(string form)
    {
        foreach (var pair in form.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var name = eq < 0 ? pair : pair.Substring(0, eq);
            var value = eq < 0 ? "" : pair.Substring(eq + 1);
            yield return (Uri.UnescapeDataString(name.Replace('+', ' ')), Uri.UnescapeDataString(value.Replace('+', ' ')));
        }
    }
}
