using JiraSdk.Errors;

namespace JiraSdk.Auth;

/// <summary>
/// Raised when credentials cannot be set up or used: a bad configuration, a failed token exchange or a refused
/// OAuth request. The message never contains a secret.
/// </summary>
public class JiraCredentialsException : JiraException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, without secrets.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public JiraCredentialsException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}

/// <summary>
/// Raised when an OAuth 1.0a private key cannot be read: malformed, truncated, encrypted with another passphrase,
/// not RSA, or a public key where the private one was expected. Raised when the authentication is created, never at
/// the first request. The message never contains key material.
/// </summary>
public sealed class JiraPrivateKeyException : JiraCredentialsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the key, without key material.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public JiraPrivateKeyException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}

/// <summary>
/// Raised when the stored OAuth 2.0 grant can no longer be used (the refresh token was revoked, expired, already
/// rotated away, or none was issued): the user has to authorize the app again.
/// </summary>
public sealed class JiraReauthorizationRequiredException : JiraCredentialsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why reauthorization is needed, without secrets.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public JiraReauthorizationRequiredException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}

/// <summary>
/// Raised when the Jira Cloud site (cloud id) for OAuth 2.0 requests cannot be chosen: the token reaches no site,
/// reaches several and none was configured, or the configured one is not among them.
/// </summary>
public sealed class JiraCloudSiteSelectionException : JiraCredentialsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why no site could be chosen; lists the sites.</param>
    /// <param name="availableSites">The sites the token can reach.</param>
    public JiraCloudSiteSelectionException(string message, IReadOnlyList<JiraCloudResource> availableSites) : base(message)
    {
        AvailableSites = availableSites ?? throw new ArgumentNullException(nameof(availableSites));
    }

    /// <summary>The sites the token can reach (from the accessible-resources endpoint).</summary>
    public IReadOnlyList<JiraCloudResource> AvailableSites { get; }
}
