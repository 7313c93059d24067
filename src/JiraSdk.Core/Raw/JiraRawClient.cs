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
        var (bytes, response) = await SendForBytesAsync(method, relativePath, options, cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0) return null;
        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException invalid)
        {
            throw JiraSerializationException.ForBody("The response body is not JSON.", response, new ArraySegment<byte>(bytes), invalid);
        }
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
        return await SendAndReadAsync(method, relativePath, options, bytes => JsonSerializer.Deserialize(bytes, typeInfo), cancellationToken).ConfigureAwait(false);
    }

    private async Task<T?> SendAndReadAsync<T>(HttpMethod method, string relativePath, JiraRequestOptions? options, Func<byte[], T?> read, CancellationToken cancellationToken)
    {
        var (bytes, response) = await SendForBytesAsync(method, relativePath, options, cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0) return default;
        try
        {
            return read(bytes);
        }
        catch (JsonException invalid)
        {
            throw JiraSerializationException.ForBody($"The response body is not a {typeof(T).Name}.", response, new ArraySegment<byte>(bytes), invalid);
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
        return SendAndReadAsync(method, relativePath, options, bytes => JsonSerializer.Deserialize<T>(bytes, settings), cancellationToken);
    }

    /// <summary>Sends the request and returns the response body as a stream, for downloads; disposing it ends the response.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativePath">The path below the site URL, with optional <c>{placeholders}</c>.</param>
    /// <param name="options">Path values, query, headers and body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body stream, read as it arrives.</returns>
    public async Task<Stream> SendForStreamAsync(HttpMethod method, string relativePath, JiraRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await SendCheckedAsync(method, relativePath, options, cancellationToken).ConfigureAwait(false);
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
    /// Sends the request and returns the raw response, error statuses included (they are not turned into exceptions);
    /// the caller disposes it. Network failures and timeouts still raise their exceptions.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativePath">The path below the site URL, with optional <c>{placeholders}</c>.</param>
    /// <param name="options">Path values, query, headers and body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response, with its headers read and its body unread.</returns>
    public async Task<HttpResponseMessage> SendForResponseAsync(HttpMethod method, string relativePath, JiraRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = RawRequestBuilder.Build(BaseAddress, method, relativePath, options);
        request.ReturnErrorResponses();
        return await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
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
        using var stream = await ReadStreamAsync(response, cancellationToken).ConfigureAwait(false);
        var body = await PooledJsonBody.ReadAsync(stream, response.Content.Headers.ContentLength,
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
    /// pipeline, and returns the raw response, error statuses included; the caller disposes it. A relative
    /// <c>RequestUri</c> is resolved against the site URL.
    /// </summary>
    /// <param name="request">The request; its <c>RequestUri</c> is relative to the site or an absolute URL on it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response, with its headers read and its body unread.</returns>
    /// <exception cref="ArgumentException">The request URL is on another host: credentials are only sent to the site.</exception>
    public async Task<HttpResponseMessage> SendForResponseAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        if (request.RequestUri is { IsAbsoluteUri: true } absolute && !RequestDescription.SameOrigin(absolute, BaseAddress))
            throw new ArgumentException($"'{absolute.GetLeftPart(UriPartial.Authority)}' is not the Jira site; credentials are only sent to {BaseAddress.GetLeftPart(UriPartial.Authority)}.", nameof(request));
        request.ReturnErrorResponses();
        return await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    private Uri BaseAddress => _httpClient.BaseAddress
        ?? throw new InvalidOperationException("The HttpClient has no BaseAddress; set it to the Jira site URL.");

    /// <summary>Sends the request and reads the whole body; the response comes back disposed, for its status and headers.</summary>
    private async Task<(byte[] Bytes, HttpResponseMessage Response)> SendForBytesAsync(
        HttpMethod method, string relativePath, JiraRequestOptions? options, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(method, relativePath, options, cancellationToken).ConfigureAwait(false);
#if NET5_0_OR_GREATER
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
        return (bytes, response);
    }

    /// <summary>Sends the request built from the arguments; a failed status has become an exception by the time it returns.</summary>
    private async Task<HttpResponseMessage> SendCheckedAsync(HttpMethod method, string relativePath, JiraRequestOptions? options, CancellationToken cancellationToken)
    {
        using var request = RawRequestBuilder.Build(BaseAddress, method, relativePath, options);
        var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.RequestMessage ??= request; // a custom primary handler may not set it; errors read the path from it
        try
        {
            await ThrowIfFailedOutsidePipelineAsync(response).ConfigureAwait(false);
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

    /// <summary>An HttpClient without the SDK pipeline lets errors through; they get the same exceptions here.</summary>
    private static async Task ThrowIfFailedOutsidePipelineAsync(HttpResponseMessage response)
    {
        if ((int)response.StatusCode < 400) return;
        var body = response.Content is null ? null : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        var error = JiraErrorFactory.Create((int)response.StatusCode, body, ErrorMappingHandler.HeadersOf(response), DateTimeOffset.UtcNow);
        error.DescribeRequest(response.RequestMessage);
        throw error;
    }

    private static readonly Lazy<JsonSerializerOptions> DefaultSerializerOptions = new(() =>
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Serialization.JiraJson.Configure(options);
        return options;
    });
}
