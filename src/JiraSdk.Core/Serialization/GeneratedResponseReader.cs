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
    public static async ValueTask<(T? Value, string? Text)> ReadAsync<T>(HttpResponseMessage response, JsonSerializerOptions options, bool keepText, CancellationToken cancellationToken)
    {
        var (buffer, length) = await ResponseBody.TakeAsync(response, cancellationToken).ConfigureAwait(false);
        try
        {
            ResponseBody.ThrowIfFailed(response, new ArraySegment<byte>(buffer, 0, length));
            var text = keepText ? Encoding.UTF8.GetString(buffer, 0, length) : null;
            // An operation whose spec allows any JSON (NSwag's object) succeeds with an empty body too (linkIssues' 201).
            if (length == 0 && typeof(T) == typeof(object)) return (default, text);
            try
            {
                // The scope lets tolerant converters report mismatches with their JSON path (SchemaReadScope).
                // Utf8JsonInput lets converters that keep JSON copy it from the body.
                using (SchemaReadScope.Begin(response, buffer, length, typeof(T)))
                using (Utf8JsonInput.Enter(new ReadOnlyMemory<byte>(buffer, 0, length)))
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

    /// <summary>
    /// Called by every generated client before it looks at the status (<c>ProcessResponse</c>): a response that failed by
    /// its status or headers gets a body that raises <see cref="JiraErrorFactory"/>'s exception when read, so NSwag's
    /// branches (declared error types, undeclared statuses) all end in the exception the pipeline would raise.
    /// </summary>
    public static void RouteFailures(HttpResponseMessage response)
    {
        if (response.Content is FailedResponseContent || !JiraErrorFactory.FailsByHeaders(response)) return;
        response.Content = new FailedResponseContent(response);
    }

    /// <summary>A failed response's body: reading it in any way raises the SDK's exception for the response.</summary>
    private sealed class FailedResponseContent : HttpContent
    {
        private readonly HttpResponseMessage _response;
        private readonly HttpContent? _inner;

        public FailedResponseContent(HttpResponseMessage response)
        {
            _response = response;
            _inner = response.Content;
            if (_inner is not null)
                foreach (var header in _inner.Headers) Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        private async Task<Exception> ErrorAsync()
        {
            // The response still holds this content, so the original is put back for the factory to read.
            if (_inner is not null) _response.Content = _inner;
            var body = _inner is null ? null : await JiraErrorFactory.ReadBoundedBodyAsync(_response, CancellationToken.None).ConfigureAwait(false);
            return JiraErrorFactory.ForResponse(_response, body, DateTimeOffset.UtcNow)
                ?? JiraErrorFactory.Create((int)_response.StatusCode, body, Http.ErrorMappingHandler.HeadersOf(_response), DateTimeOffset.UtcNow, _response.RequestMessage);
        }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => throw await ErrorAsync().ConfigureAwait(false);

        protected override async Task<Stream> CreateContentReadStreamAsync() => throw await ErrorAsync().ConfigureAwait(false);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner?.Dispose();
            base.Dispose(disposing);
        }
    }
}
