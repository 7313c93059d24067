using System.Buffers;
using System.Text;
using System.Text.Json;
using JiraSdk.Errors;
using JiraSdk.Raw;

namespace JiraSdk.Serialization;

/// <summary>
/// How the generated clients read a JSON response body (their <c>ReadObjectResponseAsync</c> calls this): the pipeline's
/// pooled buffer (or the stream, read into one), then System.Text.Json over that one span. A failed response that reaches
/// this point (an HttpClient without the SDK's pipeline: a declared error status, a 200 with a failed
/// <c>X-Seraph-LoginReason</c>, an HTML login page) raises the exception <see cref="JiraErrorFactory"/> picks, the same
/// one the pipeline raises. A body that does not deserialize becomes a <see cref="JiraSerializationException"/> that names
/// the JSON path and quotes the body, bounded like every error body.
/// </summary>
internal static class GeneratedResponseReader
{
    /// <summary>Reads and deserializes the body of <paramref name="response"/>.</summary>
    /// <param name="response">The response.</param>
    /// <param name="options">The client's serializer settings.</param>
    /// <param name="keepText">Whether the body text is wanted too (the clients' <c>ReadResponseAsString</c>).</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    public static async Task<(T? Value, string? Text)> ReadAsync<T>(HttpResponseMessage response, JsonSerializerOptions options, bool keepText, CancellationToken cancellationToken)
    {
        var (buffer, length) = await ResponseBody.TakeAsync(response, cancellationToken).ConfigureAwait(false);
        try
        {
            ResponseBody.ThrowIfFailed(response, new ArraySegment<byte>(buffer, 0, length));
            var text = keepText ? Encoding.UTF8.GetString(buffer, 0, length) : null;
            try
            {
                return (JsonSerializer.Deserialize<T>(new ReadOnlySpan<byte>(buffer, 0, length), options), text);
            }
            catch (JsonException invalid)
            {
                throw JiraSerializationException.ForBody($"The response body is not a {typeof(T).Name}.", response, new ArraySegment<byte>(buffer, 0, length), invalid, text);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
