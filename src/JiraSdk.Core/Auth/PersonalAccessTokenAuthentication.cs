using System.Net.Http.Headers;

namespace JiraSdk.Auth;

/// <summary>A Data Center personal access token: <c>Authorization: Bearer token</c>.</summary>
internal sealed class PersonalAccessTokenAuthentication : JiraAuthentication
{
    private readonly string _token;

    internal PersonalAccessTokenAuthentication(string token)
    {
        if (token is null) throw new ArgumentNullException(nameof(token));
        if (token.Length == 0) throw new JiraCredentialsException("The personal access token is empty.");
        if (token.Any(char.IsWhiteSpace)) throw new JiraCredentialsException("The personal access token contains whitespace; copy it again without spaces or line breaks.");
        _token = token;
    }

    internal override ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return default;
    }

    /// <inheritdoc />
    public override string ToString() => "Personal access token authentication (token redacted)";
}
