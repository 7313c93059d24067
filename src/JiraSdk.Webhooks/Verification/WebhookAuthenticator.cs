namespace JiraSdk.Webhooks.Verification;

/// <summary>
/// Decides how a delivery is authenticated: <c>X-Hub-Signature</c> (admin and Data Center webhooks, HMAC over the body)
/// or <c>Authorization: Bearer</c> (OAuth 2.0 app webhooks, a JWT that does not need the body, so it is checked before
/// the body is read). Thread-safe.
/// </summary>
internal sealed class WebhookAuthenticator
{
    private readonly JiraWebhookSignatureVerifier _signatures;
    private readonly JiraWebhookJwtValidator _tokens;
    private readonly bool _allowUnsigned;

    public WebhookAuthenticator(JiraWebhookOptions options, TimeProvider timeProvider)
    {
        _signatures = new JiraWebhookSignatureVerifier(options.Secrets);
        _tokens = new JiraWebhookJwtValidator(options.ClientSecrets, options.ClockSkew, timeProvider);
        _allowUnsigned = options.AllowUnsigned;
    }

    /// <summary>Whether any secret or client secret is configured.</summary>
    public bool IsEnabled => _signatures.IsEnabled || _tokens.IsEnabled;

    /// <summary>
    /// What can be decided from the headers alone: a refusal (no credentials, or a bad bearer token), an acceptance
    /// (a valid token, no secrets, or unsigned allowed), or <see langword="null"/> when the body's signature decides.
    /// </summary>
    public async ValueTask<WebhookSignatureStatus?> CheckHeadersAsync(string? signatureHeader, string? authorizationHeader)
    {
        if (!IsEnabled) return WebhookSignatureStatus.NotChecked;
        var hasSignature = !string.IsNullOrWhiteSpace(signatureHeader);
        if (hasSignature && _signatures.IsEnabled) return null;
        if (IsBearer(authorizationHeader) && _tokens.IsEnabled) return await _tokens.ValidateAsync(authorizationHeader!).ConfigureAwait(false);
        // Credentials of a kind no secret is configured for cannot be checked, so they prove nothing.
        if (hasSignature || IsBearer(authorizationHeader)) return WebhookSignatureStatus.Invalid;
        return _allowUnsigned ? WebhookSignatureStatus.Unsigned : WebhookSignatureStatus.Missing;
    }

    /// <summary>Authenticates a whole delivery.</summary>
    public async ValueTask<WebhookSignatureStatus> AuthenticateAsync(ReadOnlyMemory<byte> body, string? signatureHeader, string? authorizationHeader) =>
        await CheckHeadersAsync(signatureHeader, authorizationHeader).ConfigureAwait(false) ?? _signatures.Verify(body.Span, signatureHeader);

    /// <summary>Whether a status lets the delivery through.</summary>
    public static bool Accepts(WebhookSignatureStatus status) =>
        status is WebhookSignatureStatus.Valid or WebhookSignatureStatus.NotChecked or WebhookSignatureStatus.Unsigned;

    private static bool IsBearer(string? authorizationHeader) =>
        authorizationHeader is not null && authorizationHeader.TrimStart().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
