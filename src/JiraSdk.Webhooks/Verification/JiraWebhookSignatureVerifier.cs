using System.Security.Cryptography;
using System.Text;

namespace JiraSdk.Webhooks.Verification;

/// <summary>
/// Checks <c>X-Hub-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of the exact raw body keyed with the webhook secret, in
/// constant time. Several secrets can be configured so a secret can be rotated without dropping deliveries.
/// Thread-safe. Its <see cref="ToString"/> never shows the secrets.
/// </summary>
public sealed class JiraWebhookSignatureVerifier
{
    /// <summary>The only signature method Jira uses today.</summary>
    public const string Sha256Method = "sha256";

    private const int Sha256Length = 32;
    private readonly byte[][] _keys;

    /// <summary>Creates a verifier that accepts signatures made with any of <paramref name="secrets"/>.</summary>
    /// <param name="secrets">The webhook secrets; empty means deliveries are not checked.</param>
    public JiraWebhookSignatureVerifier(IEnumerable<string> secrets)
    {
        if (secrets is null) throw new ArgumentNullException(nameof(secrets));
        _keys = secrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => Encoding.UTF8.GetBytes(s)).ToArray();
    }

    /// <summary>Whether any secret is configured, i.e. whether unsigned deliveries are rejected.</summary>
    public bool IsEnabled => _keys.Length > 0;

    /// <summary>Checks <paramref name="signatureHeader"/> against <paramref name="body"/>.</summary>
    /// <param name="body">The raw request body, byte for byte as received.</param>
    /// <param name="signatureHeader">The value of <c>X-Hub-Signature</c>, or <see langword="null"/> when absent.</param>
    public WebhookSignatureStatus Verify(ReadOnlySpan<byte> body, string? signatureHeader)
    {
        if (!IsEnabled) return WebhookSignatureStatus.NotChecked;
        if (string.IsNullOrWhiteSpace(signatureHeader)) return WebhookSignatureStatus.Missing;

        var separator = signatureHeader!.IndexOf('=');
        if (separator <= 0) return WebhookSignatureStatus.Malformed;
        var method = signatureHeader.Substring(0, separator).Trim();
        if (!string.Equals(method, Sha256Method, StringComparison.OrdinalIgnoreCase)) return WebhookSignatureStatus.UnsupportedMethod;

        var presented = new byte[Sha256Length];
        if (!TryDecodeHex(signatureHeader.AsSpan(separator + 1).Trim(), presented)) return WebhookSignatureStatus.Malformed;

        var matched = false;
        foreach (var key in _keys)
            matched |= FixedTimeEquals(ComputeHmac(key, body), presented);
        return matched ? WebhookSignatureStatus.Valid : WebhookSignatureStatus.Invalid;
    }

    /// <summary>
    /// Computes the <c>X-Hub-Signature</c> value Jira would send for <paramref name="body"/> under <paramref name="secret"/>
    /// (<c>sha256=</c> and lowercase hex), for tests and for forwarding deliveries.
    /// </summary>
    public static string ComputeSignature(string secret, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(secret)) throw new ArgumentException("The secret must not be empty.", nameof(secret));
        var hash = ComputeHmac(Encoding.UTF8.GetBytes(secret), body);
        var text = new StringBuilder(Sha256Method.Length + 1 + hash.Length * 2).Append(Sha256Method).Append('=');
        foreach (var b in hash) text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(JiraWebhookSignatureVerifier)} ({_keys.Length} secret(s))";

    private static byte[] ComputeHmac(byte[] key, ReadOnlySpan<byte> body)
    {
#if NET8_0_OR_GREATER
        return HMACSHA256.HashData(key, body);
#else
        using var hmac = new HMACSHA256(key);
        return hmac.ComputeHash(body.ToArray());
#endif
    }

    private static bool FixedTimeEquals(byte[] left, byte[] right)
    {
#if NET8_0_OR_GREATER
        return CryptographicOperations.FixedTimeEquals(left, right);
#else
        // No early exit: the time taken must not reveal how many leading bytes matched.
        if (left.Length != right.Length) return false;
        var difference = 0;
        for (var i = 0; i < left.Length; i++) difference |= left[i] ^ right[i];
        return difference == 0;
#endif
    }

    private static bool TryDecodeHex(ReadOnlySpan<char> hex, byte[] destination)
    {
        if (hex.Length != destination.Length * 2) return false;
        for (var i = 0; i < destination.Length; i++)
        {
            var high = HexValue(hex[2 * i]);
            var low = HexValue(hex[2 * i + 1]);
            if (high < 0 || low < 0) return false;
            destination[i] = (byte)((high << 4) | low);
        }
        return true;
    }

    private static int HexValue(char c) =>
        c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : -1;
}
