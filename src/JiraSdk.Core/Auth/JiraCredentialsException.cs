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
/// The stored OAuth 2.0 grant can no longer be used: Atlassian answered <c>invalid_grant</c> (the refresh token was
/// revoked, expired or already rotated away), or no refresh token was issued. The user has to authorize the app again.
/// The refresh token is then marked dead: no further token call is made with it, and every later call raises this.
/// </summary>
/// <remarks>An authentication failure like any other refused credential, so one <c>catch</c> of
/// <see cref="JiraAuthenticationException"/> covers it.</remarks>
public sealed class JiraReauthorizationRequiredException : JiraAuthenticationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why reauthorization is needed, without secrets.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public JiraReauthorizationRequiredException(string message, Exception? innerException = null) : base(message, 0, null, null, innerException)
    {
    }

    /// <summary>From the token endpoint's answer: its status and (secret-free) OAuth error body.</summary>
    internal JiraReauthorizationRequiredException(string message, int statusCode, string? body) : base(message, statusCode, body, null, null)
    {
    }
}

/// <summary>
/// Renewed OAuth 2.0 tokens could not be saved (<see cref="JiraOAuth2Options.SaveTokensAsync"/> or the token store
/// failed). Atlassian rotates refresh tokens, so an unsaved one is lost on restart: the call fails loudly instead of
/// succeeding with tokens only memory holds. Never retried as a network failure; saving is tried again on the next call.
/// </summary>
public sealed class JiraTokenPersistenceException : JiraCredentialsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, without secrets.</param>
    /// <param name="innerException">The store's failure.</param>
    public JiraTokenPersistenceException(string message, Exception? innerException = null) : base(message, innerException)
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
