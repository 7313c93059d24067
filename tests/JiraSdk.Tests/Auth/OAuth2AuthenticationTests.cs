using JiraSdk.Tests.Support;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using JiraSdk.Auth;
using JiraSdk.Tests.Auth.Support;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Kiota.Abstractions;

namespace JiraSdk.Tests.Auth;

/// <summary>OAuth 2.0 (3LO) token handling over real sockets against a local token server and gateway.</summary>
public class OAuth2AuthenticationTests
{
    private static readonly Uri Site = new("https://site-a.atlassian.net/");
    private FakeTimeProvider _time = null!;
    private FakeAtlassianOAuth2Server _server = null!;
    private ConcurrentQueue<JiraOAuth2Tokens> _saved = null!;
    private HttpClient _tokenHttp = null!;

    [SetUp]
    public void Start()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero));
        _server = new FakeAtlassianOAuth2Server(_time);
        _saved = new ConcurrentQueue<JiraOAuth2Tokens>();
        _tokenHttp = new HttpClient();
    }

    [TearDown]
    public async Task Stop()
    {
        _tokenHttp.Dispose();
        await _server.DisposeAsync();
        Assert.That(_server.Errors, Is.Empty);
    }

    [Test]
    public async Task Fifty_concurrent_calls_with_an_expired_token_cause_exactly_one_refresh()
    {
        using var jira = Client(Options(Expired()));

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => jira.GetAsync("rest/api/3/issue/DOCS-" + i)));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(_server.TokenRequests, Has.Count.EqualTo(1));
        Assert.That(_server.TokenRequests.Single().GetProperty("grant_type").GetString(), Is.EqualTo("refresh_token"));
        Assert.That(_server.TokenRequests.Single().GetProperty("refresh_token").GetString(), Is.EqualTo("refresh-0"));
        Assert.That(_server.ApiCalls, Has.Count.EqualTo(50).And.All.Contains("bearer=access-1"));
        Assert.That(_saved.Select(t => t.RefreshToken), Is.EqualTo(new[] { "refresh-1" }));
        Assert.That(_server.AccessibleResourcesCalls, Is.EqualTo(1), "the cloud id is looked up once");
        foreach (var response in responses) response.Dispose();
    }

    [Test]
    public async Task Rotated_refresh_tokens_are_persisted_and_the_newest_is_used_next()
    {
        using var jira = Client(Options(Expired()));

        (await jira.GetAsync("rest/api/3/myself")).Dispose();
        _time.Advance(TimeSpan.FromHours(2));
        using var second = await jira.GetAsync("rest/api/3/myself");

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_server.TokenRequests.Select(r => r.GetProperty("refresh_token").GetString()), Is.EqualTo(new[] { "refresh-0", "refresh-1" }));
        Assert.That(_saved.Select(t => (t.AccessToken, t.RefreshToken)), Is.EqualTo(new[] { ("access-1", "refresh-1"), ("access-2", "refresh-2") }));
        Assert.That(_saved.Last().ExpiresAt, Is.EqualTo(_time.GetUtcNow().AddHours(1)));
        Assert.That(_saved.Last().Scope, Is.EqualTo("read:jira-work offline_access"));
    }

    [Test]
    public async Task A_token_inside_the_skew_is_refreshed_before_use_and_one_outside_it_is_not()
    {
        _server.ValidAccessToken = "access-0";
        using var fresh = Client(Options(new JiraOAuth2Tokens("access-0", "refresh-0", _time.GetUtcNow().AddMinutes(5)), skew: TimeSpan.FromMinutes(2)));
        (await fresh.GetAsync("rest/api/3/myself")).Dispose();
        Assert.That(_server.TokenRequests, Is.Empty);

        using var expiring = Client(Options(new JiraOAuth2Tokens("access-0", "refresh-0", _time.GetUtcNow().AddSeconds(90)), skew: TimeSpan.FromMinutes(2)));
        using var response = await expiring.GetAsync("rest/api/3/myself");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_server.TokenRequests, Has.Count.EqualTo(1));
        Assert.That(_server.ApiCalls.Last(), Does.Contain("bearer=access-1"));
    }

    [Test]
    public async Task A_401_causes_one_refresh_and_one_resend_of_the_same_body()
    {
        _server.ValidAccessToken = "revoked-elsewhere"; // our unexpired token is no longer accepted
        var options = Options(new JiraOAuth2Tokens("access-0", "refresh-0", _time.GetUtcNow().AddHours(1)));
        options.CloudId = "cloud-a";
        using var jira = Client(options);
        var payload = Encoding.UTF8.GetBytes("{\"fields\":{\"summary\":\"Grüße\"}}");

        using var response = await jira.PostAsync("rest/api/3/issue", new StreamContent(new NonSeekableStream(payload)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_server.TokenRequests, Has.Count.EqualTo(1));
        Assert.That(_server.ApiCalls, Is.EqualTo(new[]
        {
            "POST /ex/jira/cloud-a/rest/api/3/issue bearer=access-0 body={\"fields\":{\"summary\":\"Grüße\"}}",
            "POST /ex/jira/cloud-a/rest/api/3/issue bearer=access-1 body={\"fields\":{\"summary\":\"Grüße\"}}",
        }));
    }

    [Test]
    public async Task A_token_rejected_by_the_site_lookup_is_renewed_once_and_then_used()
    {
        _server.ValidAccessToken = "revoked-elsewhere";
        using var jira = Client(Options(new JiraOAuth2Tokens("access-0", "refresh-0", _time.GetUtcNow().AddHours(1))));

        using var response = await jira.GetAsync("rest/api/3/myself");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_server.TokenRequests, Has.Count.EqualTo(1));
        Assert.That(_server.AccessibleResourcesCalls, Is.EqualTo(2));
        Assert.That(_server.ApiCalls.Single(), Does.Contain("bearer=access-1"));
    }

    [Test]
    public async Task A_second_401_after_the_refresh_is_returned_without_another_refresh()
    {
        _server.ApiRejection = r => LoopbackServer.WriteAsync(r, 401, "{\"code\":401,\"message\":\"Unauthorized\"}");
        var options = Options(new JiraOAuth2Tokens("access-0", "refresh-0", _time.GetUtcNow().AddHours(1)));
        options.CloudId = "cloud-a";
        using var jira = Client(options);

        using var response = await jira.GetAsync("rest/api/3/myself");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(_server.TokenRequests, Has.Count.EqualTo(1));
        Assert.That(_server.ApiCalls, Has.Count.EqualTo(2));
    }

    [TestCase("body")]
    [TestCase("header")]
    public async Task A_401_saying_the_scope_does_not_match_is_returned_without_refreshing(string where)
    {
        _server.ApiRejection = async r =>
        {
            if (where == "header") r.AddHeader("WWW-Authenticate", "Bearer realm=\"api.atlassian.com\", error=\"insufficient_scope\", error_description=\"scope does not match\"");
            await LoopbackServer.WriteAsync(r, 401, where == "body" ? "{\"code\":401,\"message\":\"Unauthorized; scope does not match\"}" : "{}");
        };
        using var jira = Client(Options(new JiraOAuth2Tokens("access-0", "refresh-0", _time.GetUtcNow().AddHours(1))));

        using var response = await jira.GetAsync("rest/api/3/myself");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(_server.TokenRequests, Is.Empty);
        Assert.That(_server.ApiCalls, Has.Count.EqualTo(1));
        if (where == "body") Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("scope does not match"), "the caller can still read the body");
    }

    [Test]
    public async Task An_invalid_grant_raises_the_reauthorization_exception()
    {
        _server.CurrentRefreshToken = "refresh-that-we-do-not-have";
        using var jira = Client(Options(Expired()));

        var exception = Assert.ThrowsAsync<JiraReauthorizationRequiredException>(() => jira.GetAsync("rest/api/3/myself"))!;

        Assert.That(exception.Message, Does.Contain("invalid_grant").And.Contain("authorize the app again"));
        Assert.That(exception.Message, Does.Not.Contain("refresh-0").And.Not.Contain(FakeAtlassianOAuth2Server.ClientSecret));
        Assert.That(_saved, Is.Empty);
    }

    [Test]
    public void An_expired_token_without_a_refresh_token_needs_reauthorization()
    {
        using var jira = Client(Options(new JiraOAuth2Tokens("access-0", null, _time.GetUtcNow().AddMinutes(-1))));

        Assert.That(() => jira.GetAsync("rest/api/3/myself"), Throws.TypeOf<JiraReauthorizationRequiredException>().With.Message.Contains("offline_access"));
        Assert.That(_server.TokenRequests, Is.Empty);
    }

    [Test]
    public async Task Requests_go_to_the_gateway_with_path_and_query_kept()
    {
        _server.ValidAccessToken = "access-0";
        using var jira = Client(Options(new JiraOAuth2Tokens("access-0", "refresh-0", _time.GetUtcNow().AddHours(1))));

        using var response = await jira.GetAsync("rest/api/3/search/jql?jql=" + Uri.EscapeDataString("project = \"DOCS\" AND text ~ \"ü\"") + "&maxResults=5");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_server.ApiCalls.Single(), Does.StartWith("GET /ex/jira/cloud-a/rest/api/3/search/jql?jql=project%20%3D%20%22DOCS%22%20AND%20text%20~%20%22%C3%BC%22&maxResults=5 "));
    }

    [Test]
    public async Task The_cloud_id_is_chosen_by_request_host_configured_site_or_configured_id()
    {
        _server.ValidAccessToken = "access-0";
        _server.Sites.Add(("cloud-b", "https://site-b.atlassian.net"));
        var tokens = new JiraOAuth2Tokens("access-0", "refresh-0", _time.GetUtcNow().AddHours(1));

        using (var byHost = Client(Options(tokens), new Uri("https://site-b.atlassian.net/")))
            (await byHost.GetAsync("rest/api/3/myself")).Dispose();
        var bySiteOptions = Options(tokens);
        bySiteOptions.SiteUrl = new Uri("https://SITE-A.atlassian.net");
        using (var bySite = Client(bySiteOptions, new Uri("https://custom.example.com/")))
            (await bySite.GetAsync("rest/api/3/myself")).Dispose();
        var byIdOptions = Options(tokens);
        byIdOptions.CloudId = "cloud-z";
        var lookupsBefore = _server.AccessibleResourcesCalls;
        using (var byId = Client(byIdOptions))
            (await byId.GetAsync("rest/api/3/myself")).Dispose();

        Assert.That(_server.ApiCalls.Select(c => c.Split(' ')[1]), Is.EqualTo(new[]
        {
            "/ex/jira/cloud-b/rest/api/3/myself", "/ex/jira/cloud-a/rest/api/3/myself", "/ex/jira/cloud-z/rest/api/3/myself",
        }));
        Assert.That(_server.AccessibleResourcesCalls, Is.EqualTo(lookupsBefore), "a configured cloud id needs no lookup");
    }

    [Test]
    public void Several_sites_and_none_chosen_is_a_clear_error_listing_them()
    {
        _server.ValidAccessToken = "access-0";
        _server.Sites.Add(("cloud-b", "https://site-b.atlassian.net"));
        using var jira = Client(Options(new JiraOAuth2Tokens("access-0", "refresh-0", _time.GetUtcNow().AddHours(1))), new Uri("https://custom.example.com/"));

        var exception = Assert.ThrowsAsync<JiraCloudSiteSelectionException>(() => jira.GetAsync("rest/api/3/myself"))!;

        Assert.That(exception.Message, Does.Contain("https://site-a.atlassian.net").And.Contain("https://site-b.atlassian.net").And.Contain("cloud-a"));
        Assert.That(exception.AvailableSites.Select(s => s.Id), Is.EqualTo(new[] { "cloud-a", "cloud-b" }));
        Assert.That(_server.ApiCalls, Is.Empty);
    }

    [Test]
    public async Task Kiota_requests_are_rewritten_to_the_gateway_and_carry_the_bearer_token()
    {
        var auth = JiraAuthentication.OAuth2(Options(Expired()));
        var request = new RequestInformation { HttpMethod = Method.GET, URI = new Uri("https://site-a.atlassian.net/rest/api/3/myself?expand=groups") };

        await auth.AuthenticateRequestAsync(request);

        Assert.That(request.URI, Is.EqualTo(new Uri(_server.BaseUri, "ex/jira/cloud-a/rest/api/3/myself?expand=groups")));
        Assert.That(request.Headers["Authorization"], Is.EqualTo(new[] { "Bearer access-1" }));
    }

    [Test]
    public void Missing_tokens_or_persistence_callback_fail_at_creation()
    {
        var noSave = Options(Expired());
        noSave.SaveTokensAsync = null;
        var noTokens = Options(Expired());
        noTokens.Tokens = null;
        var noClient = Options(Expired());
        noClient.ClientId = "";

        Assert.That(() => JiraAuthentication.OAuth2(noSave), Throws.TypeOf<JiraCredentialsException>().With.Message.Contains("SaveTokensAsync"));
        Assert.That(() => JiraAuthentication.OAuth2(noTokens), Throws.TypeOf<JiraCredentialsException>().With.Message.Contains("Tokens"));
        Assert.That(() => JiraAuthentication.OAuth2(noClient), Throws.TypeOf<JiraCredentialsException>().With.Message.Contains("client id"));
    }

    [Test]
    public void ToString_never_shows_tokens_or_secrets()
    {
        var options = Options(new JiraOAuth2Tokens("access-xyz", "refresh-xyz", _time.GetUtcNow()));
        var texts = new[] { JiraAuthentication.OAuth2(options).ToString(), options.ToString(), options.Tokens!.ToString() };

        Assert.That(texts, Has.All.Not.Contain("access-xyz").And.All.Not.Contain("refresh-xyz").And.All.Not.Contain(FakeAtlassianOAuth2Server.ClientSecret));
    }

    [Test]
    public async Task Client_credentials_fetch_one_token_for_concurrent_calls_and_a_new_one_after_expiry_or_401()
    {
        var options = new JiraOAuth2ClientCredentialsOptions
        {
            ClientId = FakeAtlassianOAuth2Server.ClientId,
            ClientSecret = FakeAtlassianOAuth2Server.ClientSecret,
            Scopes = { "read:jira-work", "write:jira-work" },
            Endpoints = _server.Endpoints,
            HttpClient = _tokenHttp,
            TimeProvider = _time,
        };
        using var jira = new HttpClient(new JiraAuthenticationHandler(JiraAuthentication.OAuth2ClientCredentials(options), new HttpClientHandler())) { BaseAddress = Site };

        var first = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => jira.GetAsync("rest/api/3/myself")));
        _time.Advance(TimeSpan.FromMinutes(59.5)); // inside the one-minute skew
        (await jira.GetAsync("rest/api/3/myself")).Dispose();
        _server.ValidAccessToken = "rotated-by-admin";
        using var afterRevocation = await jira.GetAsync("rest/api/3/myself");

        Assert.That(first.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(afterRevocation.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_server.TokenRequests, Has.Count.EqualTo(3));
        var request = _server.TokenRequests.First();
        Assert.That(request.GetProperty("grant_type").GetString(), Is.EqualTo("client_credentials"));
        Assert.That(request.GetProperty("scope").GetString(), Is.EqualTo("read:jira-work write:jira-work"));
        Assert.That(_server.ApiCalls.Last(), Does.Contain("bearer=service-3"));
        foreach (var response in first) response.Dispose();
    }

    [Test]
    public async Task On_the_gateway_the_token_goes_only_to_the_chosen_sites_route()
    {
        _server.ValidAccessToken = "access-0";
        using var jira = Client(Options(new JiraOAuth2Tokens("access-0", "refresh-0", _time.GetUtcNow().AddHours(1))));

        (await jira.GetAsync(new Uri(_server.BaseUri, "ex/jira/cloud-a/rest/api/3/myself"))).Dispose();
        (await jira.GetAsync(new Uri(_server.BaseUri, "ex/jira/someone-elses-cloud/rest/api/3/myself"))).Dispose();

        Assert.That(_server.ApiCalls, Is.EqualTo(new[]
        {
            "GET /ex/jira/cloud-a/rest/api/3/myself bearer=access-0 body=",
            "GET /ex/jira/someone-elses-cloud/rest/api/3/myself bearer= body=",
        }), "same origin, but only the configured site's route gets the bearer token");
    }

    private JiraOAuth2Tokens Expired() => new("access-0", "refresh-0", _time.GetUtcNow().AddMinutes(-5));

    private JiraOAuth2Options Options(JiraOAuth2Tokens tokens, TimeSpan? skew = null) => new()
    {
        ClientId = FakeAtlassianOAuth2Server.ClientId,
        ClientSecret = FakeAtlassianOAuth2Server.ClientSecret,
        Tokens = tokens,
        SaveTokensAsync = (t, _) =>
        {
            _saved.Enqueue(t);
            return Task.CompletedTask;
        },
        RefreshSkew = skew ?? TimeSpan.FromMinutes(1),
        Endpoints = _server.Endpoints,
        HttpClient = _tokenHttp,
        TimeProvider = _time,
    };

    private static HttpClient Client(JiraOAuth2Options options, Uri? site = null) =>
        new(new JiraAuthenticationHandler(JiraAuthentication.OAuth2(options), new HttpClientHandler())) { BaseAddress = site ?? Site };

    /// <summary>A body stream that can be read once, like a network or file upload stream.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
        public override long Position { get => base.Position; set => throw new NotSupportedException(); }
        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
