using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using JiraSdk.Auth;
using JiraSdk.Http;
using JiraSdk.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace JiraSdk.Webhooks.Tests.Lifecycle;

/// <summary>
/// A JiraSandbox on a fake clock (webhook expiry, failure times) with a client authenticated as its OAuth 2.0 app, which
/// is what app webhooks need; the administrator's client creates the issues that make Jira deliver.
/// </summary>
internal sealed class SandboxApp : IAsyncDisposable
{
    private SandboxApp(JiraSandbox sandbox, FakeTimeProvider clock, Action<JiraClientOptions> configureApp)
    {
        Sandbox = sandbox;
        Clock = clock;
        ConfigureApp = configureApp;
        App = sandbox.CreateClient(configureApp);
    }

    /// <summary>Makes client options authenticate as the app (for <c>AddJiraClient</c>).</summary>
    public Action<JiraClientOptions> ConfigureApp { get; }

    public JiraSandbox Sandbox { get; }
    public FakeTimeProvider Clock { get; }

    /// <summary>Authenticated as the OAuth 2.0 app; retries after 10 ms (on the real clock) so a retried 5xx is quick.</summary>
    public JiraClient App { get; }

    public static async Task<SandboxApp> StartAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
        // No delivery retries: a delivery that fails once is listed as failed at once.
        var sandbox = await JiraSandbox.StartAsync(new JiraSandboxOptions { TimeProvider = clock, WebhookRetryDelays = new List<TimeSpan>() });
        try
        {
            return new SandboxApp(sandbox, clock, await AppOptionsAsync(sandbox));
        }
        catch
        {
            await sandbox.DisposeAsync();
            throw;
        }
    }

    /// <summary>The OAuth 2.0 (3LO) dance against the sandbox, which consents at once.</summary>
    private static async Task<Action<JiraClientOptions>> AppOptionsAsync(JiraSandbox sandbox)
    {
        var endpoints = sandbox.CreateOAuth2Endpoints();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var oauth = new JiraOAuth2Client(http, sandbox.Credentials.OAuth2ClientId, sandbox.Credentials.OAuth2ClientSecret, endpoints);
        var redirect = new Uri("http://127.0.0.1:1/callback");
        using var consent = await http.GetAsync(oauth.GetAuthorizeUrl(redirect, ["read:jira-work", "write:jira-work", "manage:jira-webhook"], "state"));
        var code = System.Web.HttpUtility.ParseQueryString(consent.Headers.Location!.Query)["code"]!;
        var tokens = await oauth.ExchangeCodeAsync(code, redirect);
        return o =>
        {
            o.SiteUrl = sandbox.SiteUrl;
            o.Authentication = JiraAuthentication.OAuth2(new JiraOAuth2Options
            {
                ClientId = sandbox.Credentials.OAuth2ClientId,
                ClientSecret = sandbox.Credentials.OAuth2ClientSecret,
                Tokens = tokens,
                CloudId = sandbox.Credentials.CloudId,
                Endpoints = endpoints,
                SaveTokensAsync = (_, _) => Task.CompletedTask, // the sandbox's refresh tokens never lapse
            });
            o.Retry = new JiraRetryOptions { MaxAttempts = 2, InitialDelay = TimeSpan.FromMilliseconds(10), JitterRatio = 0 };
        };
    }

    public async Task<string> CreateIssueAsync(string summary) =>
        (await Sandbox.Client.V3.Issues.CreateIssueAsync(new V3.IssueUpdateDetails
        {
            Fields = new Dictionary<string, object> { ["project"] = new { key = "DOCS" }, ["issuetype"] = new { name = "Task" }, ["summary"] = summary },
        })).Key!;

    /// <summary>A loopback URL nothing listens on: Jira's delivery to it is refused, so it fails.</summary>
    public static string DeadUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/jira/webhooks";
    }

    public async ValueTask DisposeAsync()
    {
        App.Dispose();
        await Sandbox.DisposeAsync();
    }
}

/// <summary>Keeps every log entry, to show that a failure was logged.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, EventId Id, string Message, Exception? Error)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, eventId, formatter(state, exception), exception));
}
