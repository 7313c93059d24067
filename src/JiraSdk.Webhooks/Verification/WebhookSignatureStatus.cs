namespace JiraSdk.Webhooks.Verification;

/// <summary>The outcome of authenticating a delivery: its <c>X-Hub-Signature</c> or its <c>Authorization: Bearer</c> token.</summary>
public enum WebhookSignatureStatus
{
    /// <summary>The signature or token is valid under one of the configured secrets.</summary>
    Valid,
    /// <summary>No secret is configured, so nothing was checked.</summary>
    NotChecked,
    /// <summary>A secret is configured but the delivery has neither a signature nor a bearer token.</summary>
    Missing,
    /// <summary>The header is not <c>method=hex</c>, or the bearer token is not a JSON Web Token.</summary>
    Malformed,
    /// <summary>The signature uses a method other than <c>sha256</c>, or the token an algorithm other than <c>HS256</c>.</summary>
    UnsupportedMethod,
    /// <summary>The signature does not match the body, or the token's signature matches none of the client secrets.</summary>
    Invalid,
    /// <summary>The token is expired, or has no expiry (a token that never expires is refused).</summary>
    Expired,
    /// <summary>
    /// The delivery carries no signature and was accepted anyway, because
    /// <see cref="JiraWebhookOptions.AllowUnsigned"/> is set.
    /// </summary>
    Unsigned,
    /// <summary>The token is not valid yet: its <c>nbf</c> or <c>iat</c> is later than now plus the clock skew.</summary>
    NotYetValid,
}
