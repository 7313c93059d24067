using System.Net;
using JiraSdk.Auth;
using JiraSdk.Testing.Auth;
using JiraSdk.Testing.Hosting;
using JiraSdk.Testing.Webhooks;
using JiraSdk.Testing.Rest;
using JiraSdk.Testing.Seeding;
using JiraSdk.Testing.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JiraSdk.Testing;

/// <summary>
/// A stateful Jira on 127.0.0.1, hosted in-process on Kestrel: REST v2 and v3 over one in-memory store (optionally
/// persisted to SQLite), JQL search, authentication as Jira does it, signed webhooks and fault injection. Starts in
/// milliseconds; meant for integration tests and local runs.
/// </summary>
/// <example>
/// <code>
/// await using var sandbox = await JiraSandbox.StartAsync();
/// var issue = await sandbox.Client.V3.Issues.GetIssueAsync("DOCS-1");
/// </code>
/// </example>
public sealed class JiraSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SandboxStore _store;
    private readonly JiraSandboxOptions _options;
    private readonly List<IAsyncDisposable> _resources;
    private readonly Lazy<JiraClient> _client;
    private int _stopped;

    private JiraSandbox(WebApplication app, SandboxStore store, JiraSandboxOptions options, Uri siteUrl, Uri apiGatewayUrl, JiraSandboxCredentials credentials,
        JiraSandboxSeeder seeder, List<IAsyncDisposable> resources)
    {
        _app = app;
        _store = store;
        _options = options;
        _resources = resources;
        SiteUrl = siteUrl;
        ApiGatewayUrl = apiGatewayUrl;
        Credentials = credentials;
        Seed = seeder;
        _client = new Lazy<JiraClient>(() => CreateClient());
    }

    /// <summary>The site URL, <c>http://127.0.0.1:{port}/</c> (with a trailing slash).</summary>
    public Uri SiteUrl { get; }

    /// <summary>
    /// The OAuth 2.0 API gateway, <c>http://127.0.0.1:{port}/</c> on a port of its own (as api.atlassian.com is another host
    /// than the site): requests with an OAuth 2.0 access token go to <c>{gateway}ex/jira/{cloudId}/…</c>.
    /// </summary>
    public Uri ApiGatewayUrl { get; }

    /// <summary>The sandbox's OAuth 2.0 endpoints for <see cref="JiraOAuth2OptionsBase.Endpoints"/>: authorize and token on
    /// the site, the API gateway on <see cref="ApiGatewayUrl"/>. Cloud mode only.</summary>
    public JiraOAuth2Endpoints CreateOAuth2Endpoints() => new()
    {
        AuthorizeEndpoint = new Uri(SiteUrl, "authorize"),
        TokenEndpoint = new Uri(SiteUrl, "oauth/token"),
        ApiGatewayBaseUrl = ApiGatewayUrl,
    };

    /// <summary>Cloud or Data Center.</summary>
    public JiraSandboxMode Mode => _options.Mode;

    /// <summary>The administrator's credentials and the registered OAuth applications.</summary>
    public JiraSandboxCredentials Credentials { get; }

    /// <summary>A ready client for the administrator: Basic (email + API token) in Cloud mode, a personal access token in
    /// Data Center mode. Disposed with the sandbox.</summary>
    public JiraClient Client => _client.Value;

    /// <summary>Adds data directly: users, projects, issue types, statuses, custom fields, issues.</summary>
    public JiraSandboxSeeder Seed { get; }

    /// <summary>
    /// Starts a sandbox. A new one gets Jira's default configuration, the administrator user and (unless
    /// <see cref="JiraSandboxOptions.SeedDemoData"/> is off) the demo data set; one started on an existing
    /// <see cref="JiraSandboxOptions.DataFile"/> resumes its state.
    /// </summary>
    /// <param name="options">Port, mode, data file, clock, credentials; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<JiraSandbox> StartAsync(JiraSandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new JiraSandboxOptions();
        if (options.Port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(options), "Port must be between 0 and 65535.");
        var time = options.TimeProvider ?? TimeProvider.System;
        var store = new SandboxStore(time) { Mode = options.Mode };
        var seeder = new JiraSandboxSeeder(store);
        var resources = new List<IAsyncDisposable>();

        var admin = EnsureAdministrator(store, seeder, options);
        if (store.Read(() => store.Statuses.Count) == 0)
        {
            SandboxData.AddDefaults(store, seeder);
            if (options.SeedDemoData) SandboxData.AddDemo(store, seeder, admin);
        }
        var credentials = new JiraSandboxCredentials(admin.AccountId, admin.EmailAddress, admin.ApiToken,
            store.Read(() => store.FindUser(admin.AccountId)!.PersonalAccessToken!),
            OAuth2ClientId, store.Setting("oauth2.clientSecret", JiraSandboxSeeder.NewSecret),
            store.Setting("cloudId", () => Guid.NewGuid().ToString("D", System.Globalization.CultureInfo.InvariantCulture)), OAuth1ConsumerKey);

        var jql = options.Jql ?? SandboxJql.Default;
        var oauth2 = new OAuth2Server(store, credentials.CloudId, admin.AccountId);
        oauth2.RegisterClient(credentials.OAuth2ClientId, credentials.OAuth2ClientSecret);
        var oauth1 = new OAuth1Server(store, admin.AccountId);
        var registry = new WebhookRegistry(store);
        resources.Add(new WebhookDispatcher(store, registry, jql, options, oauth2.SecretOf));

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(JiraSandbox).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        if (options.LoggerFactory is { } loggerFactory) builder.Services.AddSingleton(loggerFactory);
        Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions? site = null, gateway = null;
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => site = listen);
            // The OAuth 2.0 API gateway gets its own port, as api.atlassian.com is another host than the site.
            kestrel.Listen(IPAddress.Loopback, 0, listen => gateway = listen);
            kestrel.Limits.MaxRequestBodySize = 100 * 1024 * 1024;
        });
        var app = builder.Build();

        app.Use(ErrorsAsync);
        app.Use(oauth2.GatewayAsync);
        var authentication = new SandboxAuthentication(store, new ISandboxCredentialScheme[] { oauth2, oauth1 });
        app.Use(authentication.InvokeAsync);
        app.UseRouting();
        foreach (var version in options.Mode == JiraSandboxMode.Cloud ? new[] { 2, 3 } : new[] { 2 })
        {
            var api = app.MapGroup("/rest/api/" + version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            MetadataEndpoints.Map(api, store, version);
            IssueEndpoints.Map(api, store, version);
            SearchEndpoints.Map(api, store, jql, version);
        }
        WebhookEndpoints.Map(app, store, registry, options, admin.AccountId);
        if (options.Mode == JiraSandboxMode.Cloud) oauth2.Map(app);
        oauth1.Map(app);
        app.MapGet("/secure/attachment/{id}/{name}", (HttpContext http, string id) => IssueEndpoints.Content(http, store, id));
        app.MapFallback((HttpContext http) =>
            RestIO.Json(RestIO.ErrorBody(new[] { "null for uri: " + http.Request.Path + http.Request.QueryString }), 404));

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var siteUrl = new Uri($"http://127.0.0.1:{site!.IPEndPoint!.Port}/");
            var gatewayUrl = new Uri($"http://127.0.0.1:{gateway!.IPEndPoint!.Port}/");
            store.SiteBaseUrl = siteUrl.AbsoluteUri;
            seeder.OAuth1 = oauth1;
            return new JiraSandbox(app, store, options, siteUrl, gatewayUrl, credentials, seeder, resources);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            foreach (var resource in resources) await resource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private const string OAuth2ClientId = "sandbox-oauth2-client";
    private const string OAuth1ConsumerKey = "sandbox-oauth1-consumer";

    private static SandboxUser EnsureAdministrator(SandboxStore store, JiraSandboxSeeder seeder, JiraSandboxOptions options)
    {
        var email = options.Email ?? "admin@sandbox.example";
        var existing = store.Read(() => store.FindUser(email));
        if (existing is null)
        {
            var admin = seeder.AddUser("Sandbox Admin", email, options.ApiToken);
            if (options.PersonalAccessToken is not null)
                store.Write(() =>
                {
                    var record = store.FindUser(admin.AccountId)!;
                    record.PersonalAccessToken = options.PersonalAccessToken;
                    store.Persist("user", record.AccountId, record);
                });
            return admin;
        }
        // A resumed sandbox keeps its users; explicit options still win.
        store.Write(() =>
        {
            if (options.ApiToken is not null) existing.ApiToken = options.ApiToken;
            if (options.PersonalAccessToken is not null) existing.PersonalAccessToken = options.PersonalAccessToken;
            store.Persist("user", existing.AccountId, existing);
        });
        return JiraSandboxSeeder.ToPublic(existing);
    }

    /// <summary>Turns refusals into Jira's error shape; anything unexpected into a 500 with Jira's shape too.</summary>
    private static async Task ErrorsAsync(HttpContext http, RequestDelegate next)
    {
        try
        {
            await next(http).ConfigureAwait(false);
        }
        catch (JiraRestException e) when (!http.Response.HasStarted)
        {
            http.Response.Clear();
            await RestIO.Error(e).ExecuteAsync(http).ConfigureAwait(false);
        }
        catch (Exception e) when (!http.Response.HasStarted && e is not OperationCanceledException)
        {
            http.Response.Clear();
            await RestIO.Json(RestIO.ErrorBody(new[] { "Internal server error: " + e.GetType().Name + ": " + e.Message }), 500).ExecuteAsync(http).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Creates a client for this sandbox: by default with the administrator's credentials (Basic in Cloud mode, the
    /// personal access token in Data Center mode); <paramref name="configure"/> may change anything, e.g. the
    /// authentication. The caller disposes it.
    /// </summary>
    /// <param name="configure">Adjusts the options after the defaults are set.</param>
    public JiraClient CreateClient(Action<JiraClientOptions>? configure = null)
    {
        var options = new JiraClientOptions
        {
            SiteUrl = SiteUrl,
            Authentication = Mode == JiraSandboxMode.Cloud
                ? JiraAuthentication.Basic(Credentials.Email, Credentials.ApiToken)
                : JiraAuthentication.PersonalAccessToken(Credentials.PersonalAccessToken),
        };
        configure?.Invoke(options);
        return new JiraClient(options);
    }

    /// <summary>Stops serving; pending webhook deliveries are abandoned. Idempotent.</summary>
    /// <param name="cancellationToken">Limits the graceful shutdown.</param>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0) return;
        await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        foreach (var resource in _resources) await resource.DisposeAsync().ConfigureAwait(false);
        if (_client.IsValueCreated) _client.Value.Dispose();
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Stops the sandbox (see <see cref="StopAsync"/>).</summary>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    internal SandboxStore Store => _store;
}
