namespace JiraSdk.Auth;

/// <summary>
/// OAuth 1.0a settings for a Jira application link: the consumer key and RSA private key registered in Jira, and the
/// access token the token dance produced (see <see cref="JiraOAuth1TokenDance"/>). Give the key either as
/// <see cref="PrivateKeyPem"/> or as <see cref="PrivateKeyDer"/>.
/// </summary>
public sealed class JiraOAuth1Options
{
    /// <summary>The consumer key entered in Jira's application link (incoming authentication).</summary>
    public string ConsumerKey { get; set; } = string.Empty;

    /// <summary>
    /// The RSA private key as PEM text: PKCS#1 (<c>BEGIN RSA PRIVATE KEY</c>), PKCS#8 (<c>BEGIN PRIVATE KEY</c>, e.g. the
    /// <c>.pcks8</c> file from the usual openssl steps) or encrypted PKCS#8 (<c>BEGIN ENCRYPTED PRIVATE KEY</c>, with
    /// <see cref="PrivateKeyPassphrase"/>). Base64 text without the PEM lines is read as DER.
    /// </summary>
    public string? PrivateKeyPem { get; set; }

    /// <summary>The RSA private key as DER bytes (PKCS#1, PKCS#8 or encrypted PKCS#8).</summary>
    public byte[]? PrivateKeyDer { get; set; }

    /// <summary>The passphrase of an encrypted private key; ignored for an unencrypted one.</summary>
    public string? PrivateKeyPassphrase { get; set; }

    /// <summary>The access token (<c>oauth_token</c>) from the token dance. Required to call Jira; not needed by the dance itself.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The access token secret. RSA-SHA1 signatures do not use it; it is accepted so stored token pairs can be passed as they are.</summary>
    public string? AccessTokenSecret { get; set; }

    /// <summary>The clock used for <c>oauth_timestamp</c>; <see cref="TimeProvider.System"/> when <c>null</c>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Produces <c>oauth_nonce</c> values; tests set it for deterministic signatures. Random when <c>null</c>.</summary>
    internal Func<string>? NonceFactory { get; set; }

    /// <summary>Names the consumer; never shows the key or tokens.</summary>
    public override string ToString() => $"OAuth 1.0a options for consumer '{ConsumerKey}' (private key and tokens redacted)";
}
