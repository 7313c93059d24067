using System.Text;

namespace JiraSdk.Errors;

/// <summary>
/// The one place a response becomes an exception: the pipeline's error mapping, the generated clients' response reader
/// and the universal request over an HttpClient without the pipeline all ask here, so one response gives one exception
/// type whichever way it was requested.
/// </summary>
internal static class JiraErrorFactory
{
    /// <summary>How much of an error body is read: Jira's error bodies are a few hundred bytes, login pages a few kilobytes.</summary>
    internal const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>The header in which Jira says why it refused a login before checking the password.</summary>
    internal const string DeniedReasonHeader = "X-Authentication-Denied-Reason";

    /// <summary>
    /// Whether <paramref name="response"/> is a failure judged by its status and headers alone: a status of 400 or more,
    /// an <c>X-Seraph-LoginReason</c> that reports failed credentials, or a CAPTCHA demand (Jira serves both anonymously,
    /// sometimes with 200).
    /// </summary>
    public static bool FailsByHeaders(HttpResponseMessage response) =>
        (int)response.StatusCode >= 400
        || SeraphLoginReason.IsFailure(Http.RateLimitHeaders.HeaderValue(response, JiraAuthenticationException.SeraphLoginReasonHeader))
        || Http.RateLimitHeaders.HeaderValue(response, DeniedReasonHeader) is not null;

    /// <summary>Whether a successful status carries HTML, which the body must then tell apart (a login or SSO page).</summary>
    public static bool MayBeLoginPage(HttpResponseMessage response) =>
        (int)response.StatusCode is >= 200 and < 300
        && response.Content is { } content
        && Http.MediaTypes.RawContentType(content) is { } type
        && (Http.MediaTypes.Is(type, "text/html") || Http.MediaTypes.Is(type, "application/xhtml+xml"));

    /// <summary>
    /// The exception for <paramref name="response"/> with its (bounded) body, or <c>null</c> when it is a success. Call
    /// when <see cref="FailsByHeaders"/> or <see cref="MayBeLoginPage"/> holds.
    /// </summary>
    public static JiraApiException? ForResponse(HttpResponseMessage response, string? body, DateTimeOffset now)
    {
        if (!FailsByHeaders(response) && !(MayBeLoginPage(response) && LooksLikeLoginPage(body))) return null;
        return Create((int)response.StatusCode, body, Http.ErrorMappingHandler.HeadersOf(response), now, response.RequestMessage);
    }

    /// <summary>Reads at most <see cref="MaxErrorBodyBytes"/> of the body of <paramref name="response"/> as text.</summary>
    public static async Task<string?> ReadBoundedBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is not { } content) return null;
        if (content is Http.BufferedBodyContent buffered)
        {
            var bytes = buffered.Bytes;
            return bytes.Count == 0 ? null : Encoding.UTF8.GetString(bytes.Array!, bytes.Offset, Math.Min(bytes.Count, MaxErrorBodyBytes));
        }
        try
        {
#if NET5_0_OR_GREATER
            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            // Grows with what arrives, up to the bound; never sized from Content-Length.
            var buffer = new byte[Math.Min(4096, MaxErrorBodyBytes)];
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length == MaxErrorBodyBytes) break;
                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxErrorBodyBytes));
                }
                var read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                length += read;
            }
            return length == 0 ? null : Encoding.UTF8.GetString(buffer, 0, length);
        }
        catch (Exception failure) when (Http.RetryHandler.IsTransientNetworkFailure(failure, cancellationToken) && failure is not JiraException)
        {
            throw JiraNetworkException.WhileReading(response.RequestMessage?.Method.Method, Http.RequestDescription.PathOf(response.RequestMessage), failure);
        }
    }

    /// <summary>Picks the member of the <see cref="JiraApiException"/> family that fits a failed response.</summary>
    public static JiraApiException Create(int statusCode, string? body, IReadOnlyDictionary<string, IEnumerable<string>> headers, DateTimeOffset now, HttpRequestMessage? request = null)
    {
        var error = CreateUndescribed(statusCode, body, headers, now, request);
        error.DescribeRequest(request);
        return error;
    }

    private static JiraApiException CreateUndescribed(int statusCode, string? body, IReadOnlyDictionary<string, IEnumerable<string>> headers, DateTimeOffset now, HttpRequestMessage? request)
    {
        var denied = HeaderLookup.First(headers, DeniedReasonHeader);
        if (denied is not null)
        {
            var login = DeniedReason.LoginUrl(denied);
            var message = DeniedReason.IsCaptcha(denied)
                ? $"Jira requires a CAPTCHA before it accepts these credentials again (too many failed logins): log in once in a browser at {login ?? "the site's login page"}, then retry."
                : $"Jira refused the login ({DeniedReasonHeader}: {DeniedReason.ReasonOf(denied)}); status {statusCode}.";
            return new JiraAuthenticationException(message, statusCode, body, headers, null);
        }

        var reason = HeaderLookup.First(headers, JiraAuthenticationException.SeraphLoginReasonHeader);
        if (SeraphLoginReason.IsFailure(reason))
            return new JiraAuthenticationException(
                $"Jira did not accept the credentials (X-Seraph-LoginReason: {reason}) and answered {statusCode} as if to an anonymous user; check the user name and API token.",
                statusCode, body, headers, null);

        if (statusCode is >= 200 and < 300)
            return new JiraAuthenticationException(
                $"Jira answered {statusCode} with an HTML login page instead of JSON: the credentials were not accepted, or a single sign-on proxy wants a browser login.",
                statusCode, body, headers, null);

        if (statusCode == 410)
            return RemovedEndpoints.Create(body, headers, request);

        var text = $"Jira answered {statusCode}.";
        return statusCode switch
        {
            400 => new JiraBadRequestException(text, statusCode, body, headers, null),
            401 => new JiraAuthenticationException(text, statusCode, body, headers, null),
            403 => new JiraForbiddenException(text, statusCode, body, headers, null),
            404 => new JiraNotFoundException(text, statusCode, body, headers, null),
            409 => new JiraConflictException(text, statusCode, body, headers, null),
            429 => new JiraRateLimitException(text, statusCode, body, headers, null, now),
            >= 500 and <= 599 => new JiraServerException(text, statusCode, body, headers, null),
            _ => new JiraApiException(text, statusCode, body, headers, null),
        };
    }

    private static readonly string[] LoginPageMarks =
    [
        "type=\"password\"", "type='password'", "os_username", "j_username", "login", "log in", "sign in", "signin", "samlrequest", "single sign-on", "sso",
    ];

    /// <summary>Whether an HTML body is a login or SSO page: Jira's own form, an identity provider's, or a proxy's.</summary>
    internal static bool LooksLikeLoginPage(string? body)
    {
        if (body is null) return false;
        foreach (var mark in LoginPageMarks)
            if (body.IndexOf(mark, StringComparison.OrdinalIgnoreCase) >= 0) return true;
        return false;
    }
}

/// <summary>The <c>X-Seraph-LoginReason</c> values that mean the credentials were rejected.</summary>
internal static class SeraphLoginReason
{
    public static bool IsFailure(string? reason) =>
        reason is not null
        && (reason.IndexOf("AUTHENTICATED_FAILED", StringComparison.OrdinalIgnoreCase) >= 0
            || reason.IndexOf("AUTHENTICATION_DENIED", StringComparison.OrdinalIgnoreCase) >= 0);
}

/// <summary>Reads <c>X-Authentication-Denied-Reason</c>, e.g. <c>CAPTCHA_CHALLENGE; login-url=https://jira.example.com/login.jsp</c>.</summary>
internal static class DeniedReason
{
    public static bool IsCaptcha(string value) => value.IndexOf("CAPTCHA_CHALLENGE", StringComparison.OrdinalIgnoreCase) >= 0;

    public static string ReasonOf(string value)
    {
        var semicolon = value.IndexOf(';');
        return (semicolon < 0 ? value : value.Substring(0, semicolon)).Trim();
    }

    public static string? LoginUrl(string value)
    {
        foreach (var part in value.Split(';'))
        {
            var trimmed = part.Trim();
            if (trimmed.StartsWith("login-url=", StringComparison.OrdinalIgnoreCase))
                return trimmed.Substring("login-url=".Length).Trim().Trim('"');
        }
        return null;
    }
}
