using System.Globalization;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace JiraSdk.Auth;

/// <summary>
/// Signs requests with OAuth 1.0a RSA-SHA1 (RFC 5849 §3.4.3) and renders the <c>Authorization: OAuth …</c> parameters.
/// Signing runs in BouncyCastle, so it works where the operating system's crypto policy refuses SHA-1.
/// </summary>
internal sealed class OAuth1Signer
{
    internal const string SignatureMethod = "RSA-SHA1";

    private readonly string _consumerKey;
    private readonly RsaKeyParameters _privateKey;
    private readonly TimeProvider _timeProvider;
    private readonly Func<string> _nonceFactory;

    internal OAuth1Signer(string consumerKey, RsaKeyParameters privateKey, TimeProvider? timeProvider, Func<string>? nonceFactory)
    {
        _consumerKey = consumerKey;
        _privateKey = privateKey;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _nonceFactory = nonceFactory ?? RandomNonce;
    }

    /// <summary>Reads the key from the options and checks the consumer key; fails now rather than at the first request.</summary>
    internal static OAuth1Signer FromOptions(JiraOAuth1Options options)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        if (string.IsNullOrWhiteSpace(options.ConsumerKey))
            throw new JiraCredentialsException("OAuth 1.0a needs the consumer key entered in Jira's application link (JiraOAuth1Options.ConsumerKey).");
        var key = (options.PrivateKeyPem, options.PrivateKeyDer) switch
        {
            ({ } pem, null) => RsaPrivateKeyReader.ReadPem(pem, options.PrivateKeyPassphrase),
            (null, { } der) => RsaPrivateKeyReader.ReadDer(der, options.PrivateKeyPassphrase),
            (null, null) => throw new JiraPrivateKeyException("OAuth 1.0a needs the RSA private key: set JiraOAuth1Options.PrivateKeyPem or PrivateKeyDer."),
            _ => throw new JiraPrivateKeyException("Set only one of JiraOAuth1Options.PrivateKeyPem and PrivateKeyDer."),
        };
        return new OAuth1Signer(options.ConsumerKey, key, options.TimeProvider, options.NonceFactory);
    }

    /// <summary>
    /// Builds the <c>Authorization</c> header parameter (the part after <c>OAuth </c>) for one attempt, with a fresh
    /// nonce and timestamp.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="requestUri">The absolute URI as it will be sent.</param>
    /// <param name="bodyParameters">Decoded parameters of a form-encoded body.</param>
    /// <param name="extraProtocolParameters">Further <c>oauth_*</c> parameters: token, callback, verifier.</param>
    internal string CreateAuthorizationParameter(
        string method,
        Uri requestUri,
        IEnumerable<KeyValuePair<string, string>> bodyParameters,
        IEnumerable<KeyValuePair<string, string>> extraProtocolParameters)
    {
        var protocol = new List<KeyValuePair<string, string>>
        {
            new("oauth_consumer_key", _consumerKey),
            new("oauth_nonce", _nonceFactory()),
            new("oauth_signature_method", SignatureMethod),
            new("oauth_timestamp", _timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            new("oauth_version", "1.0"),
        };
        protocol.AddRange(extraProtocolParameters);
        var baseString = OAuth1SignatureBaseString.Build(method, requestUri, bodyParameters, protocol);
        protocol.Add(new("oauth_signature", Sign(baseString)));

        // §3.5.1: each value percent-encoded and quoted, pairs separated by a comma.
        return string.Join(", ", protocol.Select(p => PercentEncoding.Encode(p.Key) + "=\"" + PercentEncoding.Encode(p.Value) + "\""));
    }

    /// <summary>RSASSA-PKCS1-v1_5 over SHA-1 of the base string's bytes, base64 encoded (§3.4.3).</summary>
    internal string Sign(string signatureBaseString)
    {
        var signer = SignerUtilities.GetSigner("SHA1withRSA");
        signer.Init(true, _privateKey);
        var bytes = Encoding.ASCII.GetBytes(signatureBaseString);
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return Convert.ToBase64String(signer.GenerateSignature());
    }

    private static string RandomNonce()
    {
        var builder = new StringBuilder(32);
        foreach (var b in CryptoRandom.Bytes(16)) builder.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        return builder.ToString();
    }
}
