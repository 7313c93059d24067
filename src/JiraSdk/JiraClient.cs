using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using JiraSdk.Http;
using JiraSdk.Raw;

namespace JiraSdk;

/// <summary>
/// The entry point to one Jira site: every generated client by API version and area (<c>jira.V3.Issues</c>,
/// <c>jira.V2.IssueSearch</c>, …), streaming search, and the universal request, all over one HTTP pipeline and one
/// credential state.
/// </summary>
/// <example>
/// <code>
/// using var jira = new JiraClient(new JiraClientOptions
/// {
///     SiteUrl = new Uri("https://example.atlassian.net"),
///     Authentication = JiraAuthentication.Basic("me@example.com", apiToken),
/// });
/// var issue = await jira.V3.Issues.GetIssueAsync("DOCS-1");
/// await foreach (var found in jira.V3.SearchIssuesAsync("project = DOCS", ["summary", "status"])) Console.WriteLine(found.Fields?.Summary);
/// </code>
/// </example>
public sealed class JiraClient : IDisposable
{
    private readonly bool _ownsHttpClient;
    private readonly JiraRawClient _raw;

    /// <summary>Creates a client with its own pipeline and connection pool; dispose it when done.</summary>
    /// <param name="options">Site, authentication, retry, timeout, user agent and logging.</param>
    public JiraClient(JiraClientOptions options)
        : this(CreateHttpClient(options ?? throw new ArgumentNullException(nameof(options))), ownsHttpClient: true)
    {
    }

    /// <summary>
    /// Creates a client over an <see cref="HttpClient"/> the caller owns (from <c>AddJiraClient</c> or
    /// <see cref="CreateHttpMessageHandler"/>); its <c>BaseAddress</c> must be the site URL. Disposing the JiraClient leaves it open.
    /// </summary>
    /// <param name="httpClient">The client to send through.</param>
    public JiraClient(HttpClient httpClient) : this(httpClient ?? throw new ArgumentNullException(nameof(httpClient)), ownsHttpClient: false)
    {
    }

    private JiraClient(HttpClient httpClient, bool ownsHttpClient)
    {
        if (httpClient.BaseAddress is null)
            throw new ArgumentException("The HttpClient needs a BaseAddress: the Jira site URL.", nameof(httpClient));
        HttpClient = httpClient;
        _ownsHttpClient = ownsHttpClient;
        _raw = new JiraRawClient(httpClient);
        V3 = new JiraV3Api(httpClient);
        V2 = new JiraV2Api(httpClient);
        Agile = new global::JiraSdk.Agile.JiraApiAgile(httpClient);
        DataCenter = new global::JiraSdk.DataCenter.JiraApiDataCenter(httpClient);
    }

    /// <summary>The Jira Cloud platform REST API v3 (Atlassian Document Format in rich-text fields).</summary>
    public JiraV3Api V3 { get; }

    /// <summary>The Jira REST API v2 (wiki markup in rich-text fields; the API Data Center serves).</summary>
    public JiraV2Api V2 { get; }

    /// <summary>
    /// The Jira Software Cloud REST API (<c>/rest/agile/1.0</c> boards, sprints, epics, backlog; development information):
    /// one property per area (<c>jira.Agile.Board</c>, <c>jira.Agile.Sprint</c>, …), generated from <c>jira-software.json</c>.
    /// </summary>
    public global::JiraSdk.Agile.JiraApiAgile Agile { get; }

    /// <summary>
    /// The Jira (Software) Data Center 10 REST API as Data Center serves it (<c>/rest/api/2</c> and <c>/rest/agile/1.0</c>),
    /// which differs from the Cloud v2 surface: one property per area (<c>jira.DataCenter.Issue</c>, <c>jira.DataCenter.Board</c>, …),
    /// generated from <c>jira-datacenter.json</c>. Where both APIs share an area and an operation name, the agile one has its
    /// own client (<c>jira.DataCenter.AgileIssue</c>).
    /// </summary>
    public global::JiraSdk.DataCenter.JiraApiDataCenter DataCenter { get; }

    /// <summary>The HTTP client every call goes through.</summary>
    public HttpClient HttpClient { get; }

    /// <summary>
    /// Builds the SDK's handler pipeline (error mapping, tracing, timeout, retry, authentication, redirect, user agent,
    /// logging) over a new network handler, for an <see cref="System.Net.Http.HttpClient"/> the caller creates and owns.
    /// Set the client's <c>BaseAddress</c> to the site URL and its <c>Timeout</c> to infinite (the pipeline has its own).
    /// </summary>
    /// <param name="options">The options the pipeline follows; <c>SiteUrl</c> is not used here.</param>
    public static HttpMessageHandler CreateHttpMessageHandler(JiraClientOptions options)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        return JiraHttpPipeline.Chain(JiraHttpPipeline.CreateHandlers(options.ToPipelineSettings(null)), options.CreatePrimaryHandler());
    }

    /// <inheritdoc cref="JiraRawClient.SendAsync(HttpMethod, string, JiraRequestOptions?, CancellationToken)"/>
    public Task<JsonDocument?> SendAsync(HttpMethod method, string relativePath, JiraRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        _raw.SendAsync(method, relativePath, options, cancellationToken);

    /// <inheritdoc cref="JiraRawClient.SendAsync{T}(HttpMethod, string, JsonTypeInfo{T}, JiraRequestOptions?, CancellationToken)"/>
    public Task<T?> SendAsync<T>(HttpMethod method, string relativePath, JsonTypeInfo<T> typeInfo, JiraRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        _raw.SendAsync(method, relativePath, typeInfo, options, cancellationToken);

    /// <inheritdoc cref="JiraRawClient.SendAsync{T}(HttpMethod, string, JiraRequestOptions?, JsonSerializerOptions?, CancellationToken)"/>
#if NET8_0_OR_GREATER
    [RequiresUnreferencedCode("Reflection-based JSON; use the JsonTypeInfo overload when trimming.")]
    [RequiresDynamicCode("Reflection-based JSON; use the JsonTypeInfo overload for native AOT.")]
#endif
    public Task<T?> SendAsync<T>(HttpMethod method, string relativePath, JiraRequestOptions? options = null, JsonSerializerOptions? serializerOptions = null, CancellationToken cancellationToken = default) =>
        _raw.SendAsync<T>(method, relativePath, options, serializerOptions, cancellationToken);

    /// <inheritdoc cref="JiraRawClient.SendForStreamAsync"/>
    public Task<Stream> SendForStreamAsync(HttpMethod method, string relativePath, JiraRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        _raw.SendForStreamAsync(method, relativePath, options, cancellationToken);

    /// <inheritdoc cref="JiraRawClient.SendForResponseAsync(HttpMethod, string, JiraRequestOptions?, CancellationToken)"/>
    public Task<HttpResponseMessage> SendForResponseAsync(HttpMethod method, string relativePath, JiraRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        _raw.SendForResponseAsync(method, relativePath, options, cancellationToken);

    /// <inheritdoc cref="JiraRawClient.SendForResponseAsync(HttpRequestMessage, JiraErrorOptions, CancellationToken)"/>
    public Task<HttpResponseMessage> SendForResponseAsync(HttpRequestMessage request, JiraErrorOptions errorOptions = JiraErrorOptions.Default, CancellationToken cancellationToken = default) =>
        _raw.SendForResponseAsync(request, errorOptions, cancellationToken);

    /// <summary>Disposes the HTTP client when this JiraClient created it.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient) HttpClient.Dispose();
    }

    private static HttpClient CreateHttpClient(JiraClientOptions options)
    {
        options.ValidatedSiteUrl(); // a bad site URL fails here, before a pipeline is built for it
        var httpClient = new HttpClient(CreateHttpMessageHandler(options), disposeHandler: true);
        options.ApplyTo(httpClient);
        return httpClient;
    }
}
