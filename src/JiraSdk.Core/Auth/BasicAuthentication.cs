using System.Net.Http.Headers;
using System.Text;

namespace JiraSdk.Auth;

/// <summary>HTTP Basic: <c>Authorization: Basic base64(utf8(user:secret))</c>.</summary>
internal sealed class BasicAuthentication : JiraAuthentication
{
    private readonly string _user;
    private readonly string _encodedCredentials;

    internal BasicAuthentication(string user, string secret)
    {
        if (user is null) throw new ArgumentNullException(nameof(user));
        if (secret is null) throw new ArgumentNullException(nameof(secret));
        if (user.Length == 0) throw new JiraCredentialsException("Basic authentication needs a user name or email address; it is empty.");
        if (user.IndexOf(':') >= 0) throw new JiraCredentialsException("A Basic authentication user name cannot contain ':'.");
        if (secret.Length == 0) throw new JiraCredentialsException("Basic authentication needs an API token or password; it is empty.");
        _user = user;
        _encodedCredentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + secret));
    }

    internal override ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _encodedCredentials);
        return default;
    }

    /// <inheritdoc />
    public override string ToString() => $"Basic authentication for {_user} (secret redacted)";
}
