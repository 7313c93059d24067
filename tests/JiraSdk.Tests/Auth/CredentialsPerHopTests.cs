using System.Collections.Concurrent;
using System.Net;
using JiraSdk.Auth;
using JiraSdk.Errors;
using JiraSdk.Tests.Auth.Support;
using JiraSdk.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace JiraSdk.Tests.Auth;

/// <summary>
/// Credentials per hop (issue 13, item 2): OAuth 1.0a signs each redirect hop afresh, OAuth 2.0 requests are routed to the
/// gateway by their own step, refresh failures are shared and final, and a failed save fails the call.
/// </summary>
public class CredentialsPerHopTests
{
    private static readonly Uri Site = new("https://site-a.atlassian.net/");
    private FakeTimeProvider _time = null!;
    private FakeAtlassianOAuth2Server _server = null!;
    private ConcurrentQueue<JiraOAuth2Tokens> _saved = null!;

    [SetUp]
    public void Start()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero));
        _server = new FakeAtlassianOAuth2Server(_time);
        _saved = new ConcurrentQueue<JiraOAuth2Tokens>();
    }

    [TearDown]
    public async Task Stop()
    {
        await _server.DisposeAsync();
        Assert.That(_server.Errors, Is.Empty);
    }

    private JiraOAuth2Options Options(Func<JiraOAuth2Tokens, Task>? save = null) => new()
    {
        ClientId = FakeAtlassianOAuth2Server.ClientId,
        ClientSecret = FakeAtlassianOAuth2Server.ClientSecret,
        Tokens = new JiraOAuth2Tokens("access-0", "refresh-0", _time.GetUtcNow().AddMinutes(-5)),
        SaveTokensAsync = (t, _) =>
        {
            if (save is not null) return save(t);
            _saved.Enqueue(t);
            return Task.CompletedTask;
        },
        Endpoints = _server.Endpoints,
        TimeProvider = _time,
    };

    private JiraClient Client(JiraOAuth2Options options) => new(new JiraClientOptions
    {
        SiteUrl = Site,
        Authentication = JiraAuthentication.OAuth2(options),
        TimeProvider = _time,
        Retry = new JiraSdk.Http.JiraRetryOptions { InitialDelay = TimeSpan.Zero, Random = () => 0 },
    });

    [Test]
    public async Task ThroughJiraClientTheRouteStepSendsOAuth2CallsToTheGateway()
    {
        using var jira = Client(Options());

        using var me = await jira.SendAsync(HttpMethod.Get, "rest/api/3/myself");

        Assert.That(_server.ApiCalls.Single(), Does.StartWith("GET /ex/jira/cloud-a/rest/api/3/myself bearer=access-1"));
        Assert.That(_saved.Single().RefreshToken, Is.EqualTo("refresh-1"));
    }

    [Test]
    public async Task FiftyCallersShareOneFailedRefresh()
    {
        _server.TokenOutageStatus = 500;
        _server.TokenLatency = TimeSpan.FromMilliseconds(300);
        using var jira = Client(Options());

        var calls = Enumerable.Range(0, 50).Select(i => jira.SendAsync(HttpMethod.Get, "rest/api/3/issue/DOCS-" + i)).ToList();
        var failures = new List<Exception>();
        foreach (var call in calls)
        {
            try { await call; }
            catch (Exception failure) { failures.Add(failure); }
        }

        Assert.That(failures, Has.Count.EqualTo(50));
        Assert.That(failures.Select(f => f.GetType()).Distinct(), Is.EqualTo(new[] { typeof(JiraCredentialsException) }));
        Assert.That(_server.TokenRequests, Has.Count.EqualTo(1), "one token call for one failure");
        Assert.That(_server.ApiCalls, Is.Empty);
    }

    [Test]
    public void AnInvalidGrantKillsTheRefreshTokenForGood()
    {
        _server.CurrentRefreshToken = "refresh-we-do-not-have";
        using var jira = Client(Options());

        var first = Assert.ThrowsAsync<JiraReauthorizationRequiredException>(() => jira.SendAsync(HttpMethod.Get, "rest/api/3/myself"));
        var later = Assert.CatchAsync<JiraAuthenticationException>(() => jira.SendAsync(HttpMethod.Get, "rest/api/3/myself"));

        Assert.That(first!.Message, Does.Contain("authorize the app again"));
        Assert.That(later, Is.SameAs(first), "every later call gets the same typed failure");
        Assert.That(_server.TokenRequests, Has.Count.EqualTo(1), "the dead refresh token is not sent again");
        Assert.That(_server.ApiCalls, Is.Empty);
    }

    [Test]
    public async Task AFailedSaveFailsTheCallAndIsNotRetriedAsANetworkError()
    {
        var storeWorks = false;
        using var jira = Client(Options(tokens =>
        {
            if (!storeWorks) throw new IOException("disk full");
            _saved.Enqueue(tokens);
            return Task.CompletedTask;
        }));

        var error = Assert.ThrowsAsync<JiraTokenPersistenceException>(() => jira.SendAsync(HttpMethod.Get, "rest/api/3/myself"));
        Assert.That(error!.Message, Does.Contain("could not be saved").And.Contain("disk full").And.Not.Contain("refresh-1"));
        Assert.That(_server.ApiCalls, Is.Empty, "the call did not go on with unsaved tokens");

        storeWorks = true;
        using var me = await jira.SendAsync(HttpMethod.Get, "rest/api/3/myself");

        Assert.That(_saved.Select(t => t.RefreshToken), Is.EqualTo(new[] { "refresh-1" }), "the rotated token is saved before the next call");
        Assert.That(_server.TokenRequests, Has.Count.EqualTo(1), "saving again needs no new token call");
        Assert.That(_server.ApiCalls.Single(), Does.Contain("bearer=access-1"));
    }

    [Test]
    public async Task AFileTokenStoreSuppliesTheFirstTokensAndKeepsTheRotatedOnes()
    {
        var directory = Directory.CreateTempSubdirectory("jirasdk-tokens-");
        try
        {
            var store = new JiraOAuth2FileTokenStore(Path.Combine(directory.FullName, "tokens.json"));
            await store.SaveAsync(new JiraOAuth2Tokens("access-0", "refresh-0", _time.GetUtcNow().AddMinutes(-5), "read:jira-work"), CancellationToken.None);
            var options = Options();
            options.Tokens = null;
            options.SaveTokensAsync = null;
            options.TokenStore = store;
            using var jira = Client(options);

            using var me = await jira.SendAsync(HttpMethod.Get, "rest/api/3/myself");
            var stored = await store.LoadAsync(CancellationToken.None);

            Assert.That(stored!.RefreshToken, Is.EqualTo("refresh-1"));
            Assert.That(stored.ExpiresAt, Is.EqualTo(_time.GetUtcNow().AddHours(1)));
            Assert.That(store.ToString(), Does.Not.Contain("refresh"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Test]
    public async Task OAuth1SignsEachSameOriginRedirectHopAfresh()
    {
        var provider = new FakeJiraOAuth1Provider(TestKeys.PublicOnly(), _time.GetUtcNow);
        await using var server = LoopbackServer.Start(async context =>
        {
            if (context.Request.RawUrl == "/rest/api/2/issue/OLD-1")
            {
                context.Response.StatusCode = 301;
                context.Response.RedirectLocation = "/rest/api/2/issue/NEW-1";
                context.Response.Close();
                return;
            }
            await provider.HandleAsync(context);
        });
        using var jira = new JiraClient(new JiraClientOptions
        {
            SiteUrl = server.BaseUri,
            TimeProvider = _time,
            Authentication = JiraAuthentication.OAuth1(new JiraOAuth1Options
            {
                ConsumerKey = FakeJiraOAuth1Provider.ConsumerKey,
                PrivateKeyPem = TestKeys.Pkcs1Pem,
                TimeProvider = _time,
                AccessToken = FakeJiraOAuth1Provider.AccessToken,
                AccessTokenSecret = "access-secret",
            }),
        });

        using var issue = await jira.SendAsync(HttpMethod.Get, "rest/api/2/issue/OLD-1");

        Assert.That(issue!.RootElement.GetProperty("ok").GetBoolean(), Is.True);
        Assert.That(provider.ReceivedApiCalls, Is.EqualTo(new[] { "GET /rest/api/2/issue/NEW-1" }));
        Assert.That(server.HandlerErrors, Is.Empty);
    }
}
