using System.Buffers;
using System.Text;
using System.Text.Json;
using JiraSdk.Errors;
using JiraSdk.Raw;

namespace JiraSdk.Serialization;

/// <summary>
/// How the generated clients read a JSON response body (their <c>ReadObjectResponseAsync</c> calls this): into a pooled
/// buffer, then System.Text.Json over that one span. A body that does not deserialize becomes a
/// <see cref="JiraSerializationException"/> that names the JSON path and quotes the body, bounded like every error body.
/// </summary>
internal static class GeneratedResponseReader
{
    /// <summary>Reads and deserializes the body of <paramref name="response"/>.</summary>
    /// <param name="response">The response, status already checked.</param>
    /// <param name="options">The client's serializer settings.</param>
    /// <param name="keepText">Whether the body text is wanted too (the clients' <c>ReadResponseAsString</c>).</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    public static async Task<(T? Value, string? Text)> ReadAsync<T>(HttpResponseMessage response, JsonSerializerOptions options, bool keepText, CancellationToken cancellationToken)
    {
#if NET5_0_OR_GREATER
        using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        var (buffer, length) = await PooledBodyReader.ReadAsync(stream, response.Content.Headers.ContentLength, cancellationToken).ConfigureAwait(false);
        try
        {
            var text = keepText ? Encoding.UTF8.GetString(buffer, 0, length) : null;
            // An operation whose spec allows any JSON (NSwag's object) succeeds with an empty body too (linkIssues' 201).
            if (length == 0 && typeof(T) == typeof(object)) return (default, text);
            try
            {
                // The scope lets tolerant converters report mismatches with their JSON path (SchemaReadScope).
                using (SchemaReadScope.Begin(response, buffer, length, typeof(T)))
                    return (SingleValueList.Deserialize<T>(new ReadOnlySpan<byte>(buffer, 0, length), options), text);
            }
            catch (JsonException invalid)
            {
                throw JiraSerializationException.ForBody($"The response body is not a {typeof(T).Name}.", response, new ArraySegment<byte>(buffer, 0, length), invalid, text);
            }
            catch (Exception unreadable) when (unreadable is NotSupportedException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
            {
                // A value a converter could not take; never a bare .NET exception for the caller.
                throw JiraSerializationException.ForBody($"The response body is not a {typeof(T).Name}.", response, new ArraySegment<byte>(buffer, 0, length), new JsonException(unreadable.Message, "$", null, null, unreadable), text);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
