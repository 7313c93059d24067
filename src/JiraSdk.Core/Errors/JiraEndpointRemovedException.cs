using System.Text.RegularExpressions;

namespace JiraSdk.Errors;

/// <summary>
/// Jira answered 410 Gone: the endpoint was removed (e.g. Jira Cloud's <c>/rest/api/{2,3}/search</c> in 2025, replaced by
/// <c>/search/jql</c>). <see cref="Replacement"/> names what to call instead when the SDK knows it. Never an empty result.
/// </summary>
public class JiraEndpointRemovedException : JiraApiException
{
    /// <summary>Creates the exception from a 410 response.</summary>
    /// <param name="message">What went wrong, naming the replacement when known.</param>
    /// <param name="statusCode">The HTTP status code Jira returned (410).</param>
    /// <param name="response">The response body as text, if any.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public JiraEndpointRemovedException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>>? headers, Exception? innerException)
        : base(message, statusCode, response, headers, innerException)
    {
    }

    /// <summary>The path that replaces the removed one (e.g. <c>/rest/api/3/search/jql</c>), when known.</summary>
    public string? Replacement { get; internal set; }

    /// <summary>The SDK method that calls the replacement (e.g. <c>JiraV3Api.SearchIssuesAsync</c>), when there is one.</summary>
    public string? ReplacementMethod { get; internal set; }
}

/// <summary>The endpoints Jira removed and what replaces them; source: Atlassian's changelog (CHANGE-2046, 2025).</summary>
internal static class RemovedEndpoints
{
    private static readonly Regex Search = new(@"^(?<base>.*/rest/api/(?<version>2|3|latest))/search/?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    public static JiraEndpointRemovedException Create(string? body, IReadOnlyDictionary<string, IEnumerable<string>> headers, HttpRequestMessage? request)
    {
        var path = Http.RequestDescription.PathOf(request);
        var match = path is null ? null : Search.Match(path);
        if (match is { Success: true })
        {
            var version = match.Groups["version"].Value == "2" ? "V2" : "V3";
            var replacement = match.Groups["base"].Value + "/search/jql";
            return new JiraEndpointRemovedException(
                $"Jira removed this endpoint (410 Gone). Use {replacement} instead: Jira{version}Api.SearchIssuesAsync (jira.{version}.SearchIssuesAsync) pages through it by token.",
                410, body, headers, null)
            {
                Replacement = replacement,
                ReplacementMethod = $"Jira{version}Api.SearchIssuesAsync",
            };
        }
        return new JiraEndpointRemovedException(
            "Jira removed this endpoint (410 Gone); Atlassian's REST API changelog names its replacement.", 410, body, headers, null);
    }
}
