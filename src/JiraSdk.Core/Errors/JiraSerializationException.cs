using System.Text.Json;

namespace JiraSdk.Errors;

/// <summary>
/// A response body was not JSON, or not the shape the operation declares. <see cref="JsonPath"/> says where reading failed.
/// </summary>
/// <remarks>
/// It derives from <see cref="JiraApiException"/> so it carries the status, headers and a bounded copy of the body, and the
/// generated clients can raise it with the constructor shape they use for every failure.
/// </remarks>
public class JiraSerializationException : JiraApiException
{
    /// <summary>Creates the exception; the JSON path is taken from <paramref name="innerException"/> when it is a <see cref="JsonException"/>.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status code Jira returned.</param>
    /// <param name="response">The response body as text, if it was kept.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="innerException">The underlying cause, usually a <see cref="JsonException"/>.</param>
    public JiraSerializationException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>>? headers, Exception? innerException)
        : base(WithPath(message, innerException), statusCode, response, headers, innerException)
    {
        // A body that is not JSON at all fails before the reader has a path: the failure is at the root.
        JsonPath = innerException is JsonException json ? json.Path ?? "$" : null;
    }

    /// <summary>The JSON path at which reading failed (e.g. <c>$.issues[3].fields</c>), when known.</summary>
    public string? JsonPath { get; }

    /// <summary>The error for a response body that did not read as JSON of the expected shape.</summary>
    /// <param name="message">What was expected.</param>
    /// <param name="response">The response, for status, headers and the request it answered.</param>
    /// <param name="body">The body's bytes; only the start is decoded, as only the start is kept.</param>
    /// <param name="cause">The reader's error, which carries the JSON path.</param>
    /// <param name="text">The body already decoded, when the caller has it.</param>
    internal static JiraSerializationException ForBody(string message, HttpResponseMessage response, ArraySegment<byte> body, JsonException cause, string? text = null)
    {
        text ??= body.Array is null ? null : System.Text.Encoding.UTF8.GetString(body.Array, body.Offset, Math.Min(body.Count, MaxBodyLength * 4));
        var error = new JiraSerializationException(message, (int)response.StatusCode, text, Http.ErrorMappingHandler.HeadersOf(response), cause);
        error.DescribeRequest(response.RequestMessage);
        return error;
    }

    private static string WithPath(string message, Exception? inner) =>
        inner is not JsonException json ? message
        : json.LineNumber is null ? $"{message} (at {json.Path ?? "$"})"
        : $"{message} (at {json.Path ?? "$"}, line {json.LineNumber}, byte {json.BytePositionInLine})";
}
