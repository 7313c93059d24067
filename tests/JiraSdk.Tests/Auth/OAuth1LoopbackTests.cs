using JiraSdk.Tests.Support;
using System.Net;
using System.Text;
using JiraSdk.Auth;
using JiraSdk.Tests.Auth.Support;
using Microsoft.Extensions.Time.Testing;

namespace JiraSdk.Tests.Auth;

/// <summary>The OAuth 1.0a dance and signed API calls over real sockets against an independent provider.</summary>
public class OAuth1LoopbackTests
{
    private FakeTimeProvider _time = null!;
    private FakeJiraOAuth1Provider _provider = null!;
    private LoopbackServer _server = null!;

    [SetUp]
    public void StartServer()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 4, 3, 2, 1, TimeSpan.Zero));
        _provider = new FakeJiraOAuth1Provider(TestKeys.PublicOnly(), _time.GetUtcNow);
        _server = LoopbackServer.Start(_provider.HandleAsync);
    }

    [TearDown]
    public async Task StopServer()
    {
        await _server.DisposeAsync();
        Assert.That(_server.HandlerErrors, Is.Empty);
    }

    [Test]
    public async Task Full_three_legged_dance_then_signed_jql_search_and_form_post_are_accepted()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var options = ConsumerOptions();
        var dance = new JiraOAuth1TokenDance(http, _server.BaseUri, options);
        var callback = new Uri("https://app.example.com/oauth/callback?session=abc");

        var requestToken = await dance.GetRequestTokenAsync(callback);
        var authorizeUrl = dance.GetAuthorizeUrl(requestToken);
        using var approval = await http.GetAsync(authorizeUrl); // the user's browser
        var verifier = QueryValue(approval.Headers.Location!, "oauth_verifier");
        _time.Advance(TimeSpan.FromSeconds(30));
        var accessToken = await dance.GetAccessTokenAsync(requestToken, verifier);

        Assert.That(requestToken.Token, Is.EqualTo(FakeJiraOAuth1Provider.RequestToken));
        Assert.That(requestToken.TokenSecret, Is.EqualTo(FakeJiraOAuth1Provider.RequestTokenSecret));
        Assert.That(requestToken.CallbackConfirmed, Is.True);
        Assert.That(_provider.Callbacks, Is.EqualTo(new[] { callback.AbsoluteUri }));
        Assert.That(authorizeUrl.AbsoluteUri, Is.EqualTo(_server.BaseUri + "plugins/servlet/oauth/authorize?oauth_token=" + FakeJiraOAuth1Provider.RequestToken));
        Assert.That(accessToken.Token, Is.EqualTo(FakeJiraOAuth1Provider.AccessToken));
        Assert.That(accessToken.TokenSecret, Is.EqualTo("access-secret"));
        Assert.That(accessToken.ExpiresIn, Is.EqualTo(TimeSpan.FromSeconds(157680000)));

        options.AccessToken = accessToken.Token;
        options.AccessTokenSecret = accessToken.TokenSecret;
        using var jira = new HttpClient(new JiraAuthenticationHandler(JiraAuthentication.OAuth1(options), new HttpClientHandler())) { BaseAddress = _server.BaseUri };
        const string jql = "project = \"DOCS\" AND summary ~ \"naïve café 日本\" AND labels in ('a+b', \"x&y=z\") ORDER BY created DESC";

        using var search = await jira.GetAsync("rest/api/2/search?jql=" + Uri.EscapeDataString(jql) + "&fields=summary&fields=status");
        using var unescapedSearch = await jira.GetAsync("rest/api/2/search?jql=" + jql.Replace("&", "%26").Replace("+", "%2B"));
        using var form = await jira.PostAsync("rest/api/2/form?notify=true",
            new FormUrlEncodedContent([new("summary", "Grüße & \"quotes\" 100%"), new("label", "a=b"), new("label", "c d")]));

        Assert.That(search.StatusCode, Is.EqualTo(HttpStatusCode.OK), await search.Content.ReadAsStringAsync());
        Assert.That(unescapedSearch.StatusCode, Is.EqualTo(HttpStatusCode.OK), await unescapedSearch.Content.ReadAsStringAsync());
        Assert.That(form.StatusCode, Is.EqualTo(HttpStatusCode.OK), await form.Content.ReadAsStringAsync());
        Assert.That(_provider.ReceivedApiCalls, Is.EqualTo(new[]
        {
            "GET /rest/api/2/search jql=" + jql,
            "GET /rest/api/2/search jql=" + jql,
            "POST /rest/api/2/form form=summary=Grüße & \"quotes\" 100%&label=a=b&label=c d",
        }));
    }

    [Test]
    public async Task Out_of_band_dance_sends_oob_and_takes_the_verifier_shown_to_the_user()
    {
        using var http = new HttpClient();
        var dance = new JiraOAuth1TokenDance(http, _server.BaseUri, ConsumerOptions());

        var requestToken = await dance.GetRequestTokenAsync();
        var page = await http.GetStringAsync(dance.GetAuthorizeUrl(requestToken));
        var accessToken = await dance.GetAccessTokenAsync(requestToken, page.Split('\'')[1]);

        Assert.That(_provider.Callbacks, Is.EqualTo(new[] { "oob" }));
        Assert.That(accessToken.Token, Is.EqualTo(FakeJiraOAuth1Provider.AccessToken));
    }

    [Test]
    public async Task A_wrong_verifier_is_refused_with_the_oauth_problem_and_without_secrets()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var dance = new JiraOAuth1TokenDance(http, _server.BaseUri, ConsumerOptions());
        var requestToken = await dance.GetRequestTokenAsync(new Uri("https://app.example.com/cb"));
        (await http.GetAsync(dance.GetAuthorizeUrl(requestToken))).Dispose();

        var exception = Assert.ThrowsAsync<JiraCredentialsException>(() => dance.GetAccessTokenAsync(requestToken, "not-the-verifier"))!;

        Assert.That(exception.Message, Does.Contain("oauth_problem=verifier_invalid").And.Contain("401"));
        Assert.That(exception.Message, Does.Not.Contain(FakeJiraOAuth1Provider.RequestToken).And.Not.Contain("not-the-verifier"));
    }

    [Test]
    public async Task A_key_jira_does_not_know_is_refused_as_signature_invalid_without_leaking_the_base_string()
    {
        using var http = new HttpClient();
        var options = ConsumerOptions();
        options.PrivateKeyPem = TestKeys.Other.ExportPkcs8PrivateKeyPem();
        var dance = new JiraOAuth1TokenDance(http, _server.BaseUri, options);

        var exception = Assert.ThrowsAsync<JiraCredentialsException>(() => dance.GetRequestTokenAsync())!;

        Assert.That(exception.Message, Does.Contain("oauth_problem=signature_invalid"));
        Assert.That(exception.Message, Does.Not.Contain("base_string").And.Not.Contain("oauth_consumer_key"));
    }

    [Test]
    public async Task A_request_changed_after_signing_is_refused_by_the_provider()
    {
        // Proves the provider's check can fail: a handler inside the signer rewrites the query after signing.
        var options = ConsumerOptions();
        options.AccessToken = FakeJiraOAuth1Provider.AccessToken;
        var tamper = new QueryTamperingHandler { InnerHandler = new HttpClientHandler() };
        using var jira = new HttpClient(new JiraAuthenticationHandler(JiraAuthentication.OAuth1(options), tamper)) { BaseAddress = _server.BaseUri };

        using var response = await jira.GetAsync("rest/api/2/search?jql=project%3DDOCS");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.StartWith("oauth_problem=signature_invalid"));
        Assert.That(_provider.ReceivedApiCalls, Is.Empty);
    }

    [Test]
    public async Task Replaying_an_identical_request_gets_a_new_nonce_each_time_so_none_is_refused()
    {
        var options = ConsumerOptions();
        options.AccessToken = FakeJiraOAuth1Provider.AccessToken;
        options.NonceFactory = null; // the real random nonces
        using var jira = new HttpClient(new JiraAuthenticationHandler(JiraAuthentication.OAuth1(options), new HttpClientHandler())) { BaseAddress = _server.BaseUri };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await jira.GetAsync("rest/api/2/myself");
            statuses.Add(response.StatusCode);
        }

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK));
    }

    private JiraOAuth1Options ConsumerOptions() => new()
    {
        ConsumerKey = FakeJiraOAuth1Provider.ConsumerKey,
        PrivateKeyPem = TestKeys.Pkcs1Pem,
        TimeProvider = _time,
        NonceFactory = new SequentialNonces().Next,
    };

    private static string QueryValue(Uri uri, string name) =>
        IndependentOAuth1Verifier.FormPairs(uri.Query.TrimStart('?')).Single(p => p.Name == name).Value;

    private sealed class QueryTamperingHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new Uri(request.RequestUri!.AbsoluteUri.Replace("DOCS", "SECRET"));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
