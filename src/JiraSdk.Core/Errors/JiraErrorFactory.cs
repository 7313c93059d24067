namespace JiraSdk.Errors;

/// <summary>Picks the member of the <see cref="JiraApiException"/> family that fits a failed response.</summary>
internal static class JiraErrorFactory
{
    public static JiraApiException Create(int statusCode, string? body, IReadOnlyDictionary<string, IEnumerable<string>> headers, DateTimeOffset now)
    {
        var reason = HeaderLookup.First(headers, JiraAuthenticationException.SeraphLoginReasonHeader);
        if (SeraphLoginReason.IsFailure(reason))
            return new JiraAuthenticationException(
                $"Jira did not accept the credentials (X-Seraph-LoginReason: {reason}); status {statusCode}.", statusCode, body, headers, null);

        var message = $"Jira answered {statusCode}.";
        return statusCode switch
        {
            400 => new JiraBadRequestException(message, statusCode, body, headers, null),
            401 => new JiraAuthenticationException(message, statusCode, body, headers, null),
            403 => new JiraForbiddenException(message, statusCode, body, headers, null),
            404 => new JiraNotFoundException(message, statusCode, body, headers, null),
            409 => new JiraConflictException(message, statusCode, body, headers, null),
            429 => new JiraRateLimitException(message, statusCode, body, headers, null, now),
            >= 500 and <= 599 => new JiraServerException(message, statusCode, body, headers, null),
            _ => new JiraApiException(message, statusCode, body, headers, null),
        };
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
