using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using JiraSdk.Errors;
using JiraSdk.Http;

namespace JiraSdk.Raw;

/// <summary>
/// The universal request: any Jira REST call by method and path, through the same pipeline (base URL, authentication,
/// retries, errors) as the generated clients. Useful for operations the specs miss and for following <c>self</c> links.
/// </summary>
public sealed class JiraRawClient
{
    private readonly HttpClient _httpClient;

    /// <summary>Creates the client over <paramref name="httpClient"/>, whose <c>BaseAddress</c> is the Jira site.</summary>
    /// <param name="httpClient">The client; best one built by JiraClient or <c>AddJiraClient</c>, so errors are mapped.</param>
    public JiraRawClient(HttpClient httpClient)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
    }

    /// <summary>Sends the request and parses the response body as JSON.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativePath">The path below the site URL, with optional <c>{placeholders}</c> (e.g. <c>rest/api/3/issue/{key}</c>).</param>
    /// <param name="options">Path values, query, headers and body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The JSON document, which the caller disposes; <c>null</c> when the response has no body.</returns>
    /// <exception cref="JiraApiException">Jira answered with an error (a subclass per status).</exception>
    /// <exception cref="JiraSerializationException">The body is not JSON.</exception>
    public async Task<JsonDocument?> SendAsync(HttpMethod method, string relativePath, JiraRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        // The document keeps the memory it parses, so it gets its own copy of the pooled bytes.
        return await SendAndReadAsync(method, relativePath, options, bytes => JsonDocument.Parse(bytes.ToArray()), "JSON", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the request and reads the response body as <typeparamref name="T"/> with source-generated metadata.</summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativePath">The path below the site URL, with optional <c>{placeholders}</c>.</param>
    /// <param name="typeInfo">How to read <typeparamref name="T"/>.</param>
    /// <param name="options">Path values, query, headers and body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body, or <c>default</c> when the response has none.</returns>
    /// <exception cref="JiraSerializationException">The body is not JSON or not shaped like <typeparamref name="T"/>; names the JSON path.</exception>
    public async Task<T?> SendAsync<T>(HttpMethod method, string relativePath, JsonTypeInfo<T> typeInfo, JiraRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (typeInfo is null) throw new ArgumentNullException(nameof(typeInfo));
        return await SendAndReadAsync(method, relativePath, options, bytes => JsonSerializer.Deserialize(bytes, typeInfo), "a " + typeof(T).Name, cancellationToken).ConfigureAwait(false);
    }

    private delegate T? BodyReader<T>(ReadOnlySpan<byte> body);

    /// <summary>Sends the request, takes the whole body into pooled memory and reads it; an empty body reads as <c>default</c>.</summary>
    private async Task<T?> SendAndReadAsync<T>(HttpMethod method, string relativePath, JiraRequestOptions? options, BodyReader<T> read, string expected, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(method, relativePath, options, cancellationToken).ConfigureAwait(false);
        var (buffer, length) = await ResponseBody.TakeAsync(response, cancellationToken).ConfigureAwait(false);
        try
        {
            var bytes = new ArraySegment<byte>(buffer, 0, length);
            ResponseBody.ThrowIfFailed(response, bytes);
            if (length == 0) return default;
            try
            {
                // Converters that keep JSON (issue fields) copy it from the body (Utf8JsonInput).
                using (Serialization.Utf8JsonInput.Enter(bytes))
                    return read(bytes);
            }
            catch (JsonException invalid)
            {
                throw JiraSerializationException.ForBody($"The response body is not {expected}.", response, bytes, invalid);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Sends the request and reads the response body as <typeparamref name="T"/> with reflection-based System.Text.Json.</summary>
    /// <typeparam name="T">The response type, e.g. a generated model such as <c>JiraSdk.V3.IssueBean</c>.</typeparam>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativePath">The path below the site URL, with optional <c>{placeholders}</c>.</param>
    /// <param name="options">Path values, query, headers and body.</param>
    /// <param name="serializerOptions">Serializer settings; by default Jira's conventions with camelCase names.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body, or <c>default</c> when the response has none.</returns>
    /// <exception cref="JiraSerializationException">The body is not JSON or not shaped like <typeparamref name="T"/>; names the JSON path.</exception>
#if NET8_0_OR_GREATER
    [RequiresUnreferencedCode("Reflection-based JSON; use the JsonTypeInfo overload when trimming.")]
    [RequiresDynamicCode("Reflection-based JSON; use the JsonTypeInfo overload for native AOT.")]
#endif
    public Task<T?> SendAsync<T>(HttpMethod method, string relativePath, JiraRequestOptions? options = null, JsonSerializerOptions? serializerOptions = null, CancellationToken cancellationToken = default)
    {
        var settings = serializerOptions ?? DefaultSerializerOptions.Value;
        return SendAndReadAsync(method, relativePath, options, bytes => JsonSerializer.Deserialize<T>(bytes, settings), "a " + typeof(T).Name, cancellationToken);
    }

    /// <summary>Sends the request and returns the response body as a stream, for downloads; disposing it ends the response.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativePath">The path below the site URL, with optional <c>{placeholders}</c>.</param>
    /// <param name="options">Path values, query, headers and body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body stream, read as it arrives.</returns>
    public async Task<Stream> SendForStreamAsync(HttpMethod method, string relativePath, JiraRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await SendCheckedAsync(method, relativePath, options, cancellationToken, streamBody: true).ConfigureAwait(false);
        try
        {
            return new ResponseStream(await ReadStreamAsync(response, cancellationToken).ConfigureAwait(false), response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends the request and returns the raw response; the caller disposes it. A failed response raises its
    /// <see cref="JiraException"/> like every call, unless <see cref="JiraRequestOptions.ErrorOptions"/> is
    /// <see cref="JiraErrorOptions.NoThrow"/>: then every response comes back as it is (status, headers, body).
    /// Network failures and timeouts raise their exceptions either way.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativePath">The path below the site URL, with optional <c>{placeholders}</c>.</param>
    /// <param name="options">Path values, query, headers, body and error options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response, with its headers read (JSON and text bodies are already in memory).</returns>
    /// <exception cref="JiraApiException">Jira answered with an error and the options did not ask for <see cref="JiraErrorOptions.NoThrow"/>.</exception>
    public async Task<HttpResponseMessage> SendForResponseAsync(HttpMethod method, string relativePath, JiraRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = RawRequestBuilder.Build(BaseAddress, method, relativePath, options);
        return await SendBuiltAsync(request, options?.ErrorOptions ?? JiraErrorOptions.Default, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the request and parses the body once into pooled memory, for the SDK's own lazily read models. Once
    /// <paramref name="read"/> returns, the body (<c>null</c> when empty) is its to dispose; when it throws a
    /// <see cref="JsonException"/> for a body of the wrong shape, the body is still this method's, so the error can quote it.
    /// <paramref name="expected"/> names the shape for that error (e.g. "a search page").
    /// </summary>
    internal async Task<T> SendForJsonAsync<T>(HttpMethod method, string relativePath, JiraRequestOptions? options, string expected, Func<PooledJsonBody?, T> read, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(method, relativePath, options, cancellationToken).ConfigureAwait(false);
        var body = await PooledJsonBody.ReadAsync(response,
            (bytes, invalid) => JiraSerializationException.ForBody("The response body is not JSON.", response, bytes, invalid), cancellationToken).ConfigureAwait(false);
        try
        {
            return read(body);
        }
        catch (JsonException wrongShape)
        {
            using (body)
                throw JiraSerializationException.ForBody($"The response body is not {expected}.", response, body?.Bytes ?? default, wrongShape);
        }
    }

    /// <summary>
    /// Sends a request you built yourself (a multipart upload, a body the options cannot express) through the same
    /// pipeline, and returns the raw response; the caller disposes it. A relative <c>RequestUri</c> is resolved against
    /// the site URL. A failed response raises its <see cref="JiraException"/> unless <paramref name="errorOptions"/> is
    /// <see cref="JiraErrorOptions.NoThrow"/>.
    /// </summary>
    /// <param name="request">The request; its <c>RequestUri</c> is relative to the site or an absolute URL on it.</param>
    /// <param name="errorOptions">Whether a failed response raises its exception (default) or comes back as it is.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response, with its headers read (JSON and text bodies are already in memory).</returns>
    /// <exception cref="ArgumentException">The request URL is on another host: credentials are only sent to the site.</exception>
    /// <exception cref="JiraApiException">Jira answered with an error and <paramref name="errorOptions"/> is not <see cref="JiraErrorOptions.NoThrow"/>.</exception>
    public async Task<HttpResponseMessage> SendForResponseAsync(HttpRequestMessage request, JiraErrorOptions errorOptions = JiraErrorOptions.Default, CancellationToken cancellationToken = default)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        if (request.RequestUri is { IsAbsoluteUri: true } absolute && !RequestDescription.SameOrigin(absolute, BaseAddress))
            throw new ArgumentException($"'{absolute.GetLeftPart(UriPartial.Authority)}' is not the Jira site; credentials are only sent to {BaseAddress.GetLeftPart(UriPartial.Authority)}.", nameof(request));
        return await SendBuiltAsync(request, errorOptions, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendBuiltAsync(HttpRequestMessage request, JiraErrorOptions errorOptions, CancellationToken cancellationToken)
    {
        if (errorOptions == JiraErrorOptions.NoThrow) request.ReturnErrorResponses();
        var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.RequestMessage ??= request;
        if (errorOptions == JiraErrorOptions.NoThrow) return response;
        try
        {
            await ThrowIfFailedOutsidePipelineAsync(response, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private Uri BaseAddress => _httpClient.BaseAddress
        ?? throw new InvalidOperationException("The HttpClient has no BaseAddress; set it to the Jira site URL.");

    /// <summary>Sends the request built from the arguments; a failed status has become an exception by the time it returns.</summary>
    private async Task<HttpResponseMessage> SendCheckedAsync(HttpMethod method, string relativePath, JiraRequestOptions? options, CancellationToken cancellationToken, bool streamBody = false)
    {
        using var request = RawRequestBuilder.Build(BaseAddress, method, relativePath, options);
        if (streamBody) request.StreamResponseBody();
        var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.RequestMessage ??= request; // a custom primary handler may not set it; errors read the path from it
        try
        {
            await ThrowIfFailedOutsidePipelineAsync(response, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static async Task<Stream> ReadStreamAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
#if NET5_0_OR_GREATER
        return await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        cancellationToken.ThrowIfCancellationRequested();
        return await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
    }

    /// <summary>
    /// An HttpClient without the SDK pipeline lets failures through; they get the same exceptions here, from the same
    /// factory. Judged by status and headers; a login page on a 2xx is judged by the readers, which hold the body.
    /// </summary>
    private static async Task ThrowIfFailedOutsidePipelineAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!JiraErrorFactory.FailsByHeaders(response)) return;
        var body = await JiraErrorFactory.ReadBoundedBodyAsync(response, cancellationToken).ConfigureAwait(false);
        if (JiraErrorFactory.ForResponse(response, body, DateTimeOffset.UtcNow) is { } error) throw error;
    }

    private static readonly Lazy<JsonSerializerOptions> DefaultSerializerOptions = new(() =>
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Serialization.JiraJson.Configure(options);
        return options;
    });
}
