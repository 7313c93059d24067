using System.Text.Json;

namespace JiraSdk.Errors;

/// <summary>
/// Raised when Jira answers a request with a status the operation does not treat as success.
/// Carries the status, Jira's <c>errorMessages</c> and <c>errors</c>, a bounded copy of the raw body and the
/// response headers. Never carries credentials.
/// </summary>
/// <remarks>
/// The constructor shape matches what the generated clients call, so the generated code throws this type directly.
/// </remarks>
public class JiraApiException : JiraException
{
    /// <summary>The longest part of a response body kept on the exception.</summary>
    public const int MaxBodyLength = 4096;

    /// <summary>Creates the exception from a failed response.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status code Jira returned.</param>
    /// <param name="response">The response body as text, if any; it is truncated to <see cref="MaxBodyLength"/>.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public JiraApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>>? headers, Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Body = Truncate(response);
        // A generated client's headers are read from the response now, so a kept exception does not keep the response.
        Headers = headers is Http.ResponseHeaderMap lazy ? lazy.Headers : headers ?? new Dictionary<string, IEnumerable<string>>();
        var parsed = ErrorCollectionParser.Parse(response);
        ErrorMessages = parsed.ErrorMessages;
        Errors = parsed.Errors;
    }

    /// <summary>The HTTP status code Jira returned.</summary>
    public int StatusCode { get; }

    /// <summary>The start of the response body (at most <see cref="MaxBodyLength"/> characters), or <c>null</c> when there was none.</summary>
    public string? Body { get; }

    /// <summary>The response headers (content headers included).</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>Jira's <c>errorMessages</c>: errors not tied to a field.</summary>
    public IReadOnlyList<string> ErrorMessages { get; }

    /// <summary>Jira's <c>errors</c>: messages keyed by the field they concern.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; }

    /// <summary>The HTTP method of the request that failed, when the SDK's pipeline saw the request.</summary>
    public string? RequestMethod { get; internal set; }

    /// <summary>
    /// The path of the request that failed (no query string, so no query secrets), when the SDK's pipeline saw the request.
    /// </summary>
    public string? RequestPath { get; internal set; }

    /// <summary>Records which request failed: its method and path, never its query or credentials.</summary>
    internal void DescribeRequest(HttpRequestMessage? request)
    {
        RequestMethod = request?.Method.Method;
        RequestPath = Http.RequestDescription.PathOf(request);
    }

    /// <inheritdoc />
    public override string Message
    {
        get
        {
            var details = ErrorMessages.Count == 0 && Errors.Count == 0
                ? string.Empty
                : " Jira says: " + string.Join("; ", ErrorMessages.Concat(Errors.Select(e => e.Key + ": " + e.Value)));
            var request = RequestMethod is null ? string.Empty : $" ({RequestMethod} {RequestPath})";
            return base.Message + request + details;
        }
    }

    private static string? Truncate(string? text) =>
        text is null || text.Length <= MaxBodyLength ? text : text.Substring(0, MaxBodyLength);
}

/// <summary>A <see cref="JiraApiException"/> whose body was read as the error type the operation declares.</summary>
/// <typeparam name="TResult">The declared error body type.</typeparam>
public class JiraApiException<TResult> : JiraApiException
{
    /// <summary>Creates the exception with the typed error body.</summary>
    public JiraApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>>? headers, TResult result, Exception? innerException)
        : base(message, statusCode, string.IsNullOrEmpty(response) ? BodyOf(result) : response, headers, innerException)
    {
        Result = result;
    }

    // The generated clients read typed error bodies straight from the stream, so the text is rebuilt from the result
    // to keep ErrorMessages, Errors and Body filled.
    private static string? BodyOf(TResult result)
    {
        if (result is null) return null;
        try
        {
            return JsonSerializer.Serialize(result, result.GetType());
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The error body as the type the operation declares.</summary>
    public TResult Result { get; }
}

internal static class ErrorCollectionParser
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    internal static (IReadOnlyList<string> ErrorMessages, IReadOnlyDictionary<string, string> Errors) Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body!.TrimStart()[0] != '{')
            return (Array.Empty<string>(), NoErrors);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var messages = new List<string>();
            if (root.TryGetProperty("errorMessages", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                    if (item.ValueKind == JsonValueKind.String) messages.Add(item.GetString()!);
            }
            // Gateway and OAuth failures answer {"code":401,"message":"..."} instead of an error collection.
            if (messages.Count == 0 && root.TryGetProperty("message", out var single) && single.ValueKind == JsonValueKind.String)
                messages.Add(single.GetString()!);
            var errors = new Dictionary<string, string>();
            if (root.TryGetProperty("errors", out var map) && map.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in map.EnumerateObject())
                    errors[entry.Name] = entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString()! : entry.Value.GetRawText();
            }
            return (messages, errors);
        }
        catch (JsonException)
        {
            // A body that is not JSON has no error collection; the raw text stays available on Body.
            return (Array.Empty<string>(), NoErrors);
        }
    }
}
