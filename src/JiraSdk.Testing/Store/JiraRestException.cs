using System.Net;

namespace JiraSdk.Testing.Store;

/// <summary>
/// A request the sandbox refuses, answered in Jira's error shape <c>{"errorMessages":[…],"errors":{…}}</c>
/// (spec schema <c>ErrorCollection</c>).
/// </summary>
internal sealed class JiraRestException : Exception
{
    public JiraRestException(HttpStatusCode status, string message, IReadOnlyDictionary<string, string>? errors = null)
        : this(status, message.Length == 0 ? Array.Empty<string>() : new[] { message }, errors)
    {
    }

    public JiraRestException(HttpStatusCode status, IReadOnlyList<string> messages, IReadOnlyDictionary<string, string>? errors = null)
        : base(messages.Count > 0 ? messages[0] : errors?.Values.FirstOrDefault() ?? status.ToString())
    {
        Status = status;
        ErrorMessages = messages;
        Errors = errors ?? new Dictionary<string, string>();
    }

    public HttpStatusCode Status { get; }
    public IReadOnlyList<string> ErrorMessages { get; }
    public IReadOnlyDictionary<string, string> Errors { get; }

    public static JiraRestException NotFound(string message) => new(HttpStatusCode.NotFound, message);
    public static JiraRestException BadRequest(string message) => new(HttpStatusCode.BadRequest, message);
    public static JiraRestException Field(string field, string message) =>
        new(HttpStatusCode.BadRequest, Array.Empty<string>(), new Dictionary<string, string> { [field] = message });

    /// <summary>Jira's wording for an issue that does not exist or the caller cannot see.</summary>
    public static JiraRestException IssueNotFound() => NotFound("Issue does not exist or you do not have permission to see it.");
}
