using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JiraSdk.Webhooks.Verification;

/// <summary>
/// Checks the <c>Authorization: Bearer &lt;JWT&gt;</c> of an OAuth 2.0 app's dynamic-webhook delivery: algorithm pinned to
/// HS256 (<c>none</c>, RS256, HS512 … are refused), signature under any of the app's client secrets, and <c>exp</c>
/// (required), <c>nbf</c> and <c>iat</c> against an injectable clock with a small skew. Source: Jira Cloud's webhook
/// documentation (OAuth 2.0 apps' webhooks carry a JWT signed with the client secret), see <c>webhooks/EVENTS.md</c> §3.
/// The token does not cover the body, so it authenticates the sender, not the payload. Connect's JWT (<c>qsh</c>) is out
/// of scope. Thread-safe; never shows secrets.
/// </summary>
internal sealed class JiraWebhookJwtValidator
{
    private const string BearerScheme = "Bearer ";
    // IdentityModel refuses HS256 keys under 256 bits (IDX10720). HMAC pads keys shorter than its 64-byte block with
    // zeros (RFC 2104, section 2), so padding a short secret to 32 bytes yields the same MAC Jira computed.
    private const int MinimumKeyBytes = 32;

    private readonly JsonWebTokenHandler _handler = new();
    private readonly TokenValidationParameters _parameters;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _clockSkew;

    public JiraWebhookJwtValidator(IEnumerable<string> clientSecrets, TimeSpan clockSkew, TimeProvider timeProvider)
    {
        var keys = clientSecrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => (SecurityKey)new SymmetricSecurityKey(KeyBytes(s))).ToArray();
        KeyCount = keys.Length;
        _timeProvider = timeProvider;
        _clockSkew = clockSkew < TimeSpan.Zero ? TimeSpan.Zero : clockSkew;
        _parameters = new TokenValidationParameters
        {
            ValidAlgorithms = new[] { SecurityAlgorithms.HmacSha256 },
            IssuerSigningKeys = keys,
            TryAllIssuerSigningKeys = true,
            RequireSignedTokens = true,
            // Jira documents no issuer or audience for these tokens; the secret is what binds them to the app.
            ValidateIssuer = false,
            ValidateAudience = false,
            // Checked below against the injected TimeProvider, so tests and the skew are deterministic.
            ValidateLifetime = false,
            RequireExpirationTime = false,
        };
    }

    public int KeyCount { get; }

    public bool IsEnabled => KeyCount > 0;

    public async ValueTask<WebhookSignatureStatus> ValidateAsync(string authorizationHeader)
    {
        if (!IsEnabled) return WebhookSignatureStatus.Invalid;
        var value = authorizationHeader.Trim();
        if (!value.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase)) return WebhookSignatureStatus.Malformed;
        var token = value.Substring(BearerScheme.Length).Trim();

        JsonWebToken jwt;
        try
        {
            if (!_handler.CanReadToken(token)) return WebhookSignatureStatus.Malformed;
            jwt = new JsonWebToken(token);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException)
        {
            return WebhookSignatureStatus.Malformed;
        }
        if (!string.Equals(jwt.Alg, SecurityAlgorithms.HmacSha256, StringComparison.Ordinal)) return WebhookSignatureStatus.UnsupportedMethod;

        var result = await _handler.ValidateTokenAsync(jwt, _parameters).ConfigureAwait(false);
        if (!result.IsValid) return WebhookSignatureStatus.Invalid;

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        // JsonWebToken reports an absent claim as DateTime.MinValue.
        if (jwt.ValidTo == DateTime.MinValue || now > jwt.ValidTo + _clockSkew) return WebhookSignatureStatus.Expired;
        if (jwt.ValidFrom != DateTime.MinValue && now + _clockSkew < jwt.ValidFrom) return WebhookSignatureStatus.NotYetValid;
        if (jwt.IssuedAt != DateTime.MinValue && now + _clockSkew < jwt.IssuedAt) return WebhookSignatureStatus.NotYetValid;
        return WebhookSignatureStatus.Valid;
    }

    public override string ToString() => $"{nameof(JiraWebhookJwtValidator)} ({KeyCount} client secret(s))";

    private static byte[] KeyBytes(string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        if (bytes.Length >= MinimumKeyBytes) return bytes;
        var padded = new byte[MinimumKeyBytes];
        Buffer.BlockCopy(bytes, 0, padded, 0, bytes.Length);
        return padded;
    }
}
