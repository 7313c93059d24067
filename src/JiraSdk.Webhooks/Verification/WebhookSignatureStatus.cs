namespace JiraSdk.Webhooks.Verification;

/// <summary>The outcome of checking a delivery's <c>X-Hub-Signature</c>.</summary>
public enum WebhookSignatureStatus
{
    /// <summary>The signature matches the body under one of the configured secrets.</summary>
    Valid,
    /// <summary>No secret is configured, so nothing was checked.</summary>
    NotChecked,
    /// <summary>A secret is configured but the delivery has no signature.</summary>
    Missing,
    /// <summary>The header is not <c>method=hex</c>.</summary>
    Malformed,
    /// <summary>The signature uses a method other than <c>sha256</c>.</summary>
    UnsupportedMethod,
    /// <summary>The signature does not match the body.</summary>
    Invalid,
}
