using System.Security.Cryptography;
using System.Text;

namespace JiraSdk.Webhooks.Delivery;

/// <summary>
/// The de-duplication keys of a delivery: its <c>X-Atlassian-Webhook-Identifier</c> (stable across Jira's retries) and
/// the SHA-256 digest of its body, so a captured signed body re-sent with a new or no identifier is not processed again
/// while the store remembers the digest (its retention period: the replay window).
/// </summary>
internal static class WebhookDeliveryKeys
{
    public const string IdentifierPrefix = "id:";
    public const string DigestPrefix = "sha256:";
    public const string HandledPrefix = "handled:";

    public static string Digest(ReadOnlySpan<byte> body)
    {
#if NET8_0_OR_GREATER
        var hash = SHA256.HashData(body);
#else
        byte[] hash;
        using (var sha = SHA256.Create()) hash = sha.ComputeHash(body.ToArray());
#endif
        var text = new StringBuilder(DigestPrefix.Length + hash.Length * 2).Append(DigestPrefix);
        foreach (var b in hash) text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        return text.ToString();
    }

    public static IReadOnlyList<string> For(WebhookDelivery delivery)
    {
        var digest = Digest(delivery.Body.Span);
        return delivery.Context.DeliveryId is { } id ? new[] { IdentifierPrefix + id, digest } : new[] { digest };
    }
}
