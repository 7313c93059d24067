using System.Net;
using System.Text.Json;
using JiraSdk.Auth;
using JiraSdk.Tests.Auth.Support;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace JiraSdk.Tests.Auth;

public class JiraOAuth2ClientTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void Authorize_url_has_audience_scopes_with_offline_access_state_prompt_and_response_type()
    {
        var client = new JiraOAuth2Client(new HttpClient(), "client id", "secret");

        var url = client.GetAuthorizeUrl(new Uri("https://app.example.com/callback?x=1"), ["read:jira-work", "write:jira-work", "read:jira-work"], "st@te/1");

        Assert.That(url.GetLeftPart(UriPartial.Path), Is.EqualTo("https://auth.atlassian.com/authorize"));
        var query = IndependentOAuth1Verifier.FormPairs(url.Query.TrimStart('?')).ToDictionary(p => p.Name, p => p.Value);
        Assert.That(query, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["audience"] = "api.atlassian.com",
            ["client_id"] = "client id",
            ["scope"] = "read:jira-work write:jira-work offline_access",
            ["redirect_uri"] = "https://app.example.com/callback?x=1",
            ["state"] = "st@te/1",
            ["response_type"] = "code",
            ["prompt"] = "consent",
        }));
        Assert.That(url.AbsoluteUri, Does.Not.Contain("secret"));
    }

    [Test]
    public void Offline_access_is_not_duplicated_and_state_is_required()
    {
        var client = new JiraOAuth2Client(new HttpClient(), "c", "s");

        var url = client.GetAuthorizeUrl(new Uri("https://app.example.com/cb"), ["offline_access", "read:jira-user"], "s1");

        Assert.That(url.Query, Does.Contain("scope=offline_access%20read%3Ajira-user&"));
        Assert.That(() => client.GetAuthorizeUrl(new Uri("https://app.example.com/cb"), ["x"], ""), Throws.TypeOf<JiraCredentialsException>());
    }

    [Test]
    public void Created_states_are_url_safe_and_unique()
    {
        var states = Enumerable.Range(0, 20).Select(_ => JiraOAuth2Client.CreateState()).ToList();

        Assert.That(states, Is.Unique);
        Assert.That(states, Has.All.Matches<string>(s => s.Length >= 40 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')));
    }

    [Test]
    public async Task Code_exchange_posts_json_and_reads_the_token_set()
    {
        var mock = new MockHttpMessageHandler();
        string? sentBody = null;
        mock.Expect(HttpMethod.Post, "https://auth.example.test/oauth/token")
            .With(r => r.Content!.Headers.ContentType!.MediaType == "application/json")
            .Respond(async r =>
            {
                sentBody = await r.Content!.ReadAsStringAsync();
                return new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new StringContent("{\"access_token\":\"at\",\"refresh_token\":\"rt\",\"expires_in\":3600,\"scope\":\"read:jira-work offline_access\",\"token_type\":\"Bearer\"}"),
                };
            });
        var client = new JiraOAuth2Client(mock.ToHttpClient(), "cid", "csecret", Endpoints(), new FakeTimeProvider(Now));

        var tokens = await client.ExchangeCodeAsync("the-code", new Uri("https://app.example.com/callback"));

        mock.VerifyNoOutstandingExpectation();
        using var json = JsonDocument.Parse(sentBody!);
        Assert.That(json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()), Is.EquivalentTo(new Dictionary<string, string?>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "cid",
            ["client_secret"] = "csecret",
            ["code"] = "the-code",
            ["redirect_uri"] = "https://app.example.com/callback",
        }));
        Assert.That((tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt, tokens.Scope), Is.EqualTo(("at", "rt", Now.AddHours(1), "read:jira-work offline_access")));
    }

    [Test]
    public async Task A_refresh_answer_without_a_refresh_token_keeps_the_current_one()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("https://auth.example.test/oauth/token").Respond("application/json", "{\"access_token\":\"at2\",\"expires_in\":60}");
        var client = new JiraOAuth2Client(mock.ToHttpClient(), "cid", "csecret", Endpoints(), new FakeTimeProvider(Now));

        var tokens = await client.RefreshAsync("rt1");

        Assert.That((tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt), Is.EqualTo(("at2", "rt1", Now.AddSeconds(60))));
    }

    [TestCase(HttpStatusCode.Forbidden, "{\"error\":\"invalid_grant\",\"error_description\":\"Unknown or invalid refresh token.\"}", typeof(JiraReauthorizationRequiredException), "authorize the app again")]
    [TestCase(HttpStatusCode.Unauthorized, "{\"error\":\"access_denied\",\"error_description\":\"Unauthorized\"}", typeof(JiraCredentialsException), "error=access_denied")]
    [TestCase(HttpStatusCode.BadGateway, "<html>bad gateway</html>", typeof(JiraCredentialsException), "HTTP 502")]
    [TestCase(HttpStatusCode.OK, "{\"token_type\":\"Bearer\"}", typeof(JiraCredentialsException), "HTTP 200")]
    [TestCase(HttpStatusCode.OK, "not json", typeof(JiraCredentialsException), "not JSON")]
    public void Token_endpoint_failures_are_typed_and_carry_no_secret(HttpStatusCode status, string body, Type expected, string messagePart)
    {
        var mock = new MockHttpMessageHandler();
        mock.When("https://auth.example.test/oauth/token").Respond(status, "application/json", body);
        var client = new JiraOAuth2Client(mock.ToHttpClient(), "cid", "csecret-value", Endpoints());

        // invalid_grant is a JiraAuthenticationException since issue 13; the others stay credentials errors.
        var exception = Assert.CatchAsync<JiraSdk.Errors.JiraException>(() => client.RefreshAsync("refresh-secret-value"))!;

        Assert.That(exception, Is.TypeOf(expected));
        Assert.That(exception.Message, Does.Contain(messagePart));
        Assert.That(exception.ToString(), Does.Not.Contain("csecret-value").And.Not.Contain("refresh-secret-value"));
    }

    [Test]
    public async Task Accessible_resources_are_read_with_the_bearer_token()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect("https://gateway.example.test/oauth/token/accessible-resources")
            .WithHeaders("Authorization", "Bearer at")
            .Respond("application/json", "[{\"id\":\"c1\",\"url\":\"https://one.atlassian.net\",\"name\":\"one\",\"scopes\":[\"read:jira-work\"],\"avatarUrl\":\"https://a\"},{\"id\":\"c2\",\"url\":\"https://two.atlassian.net\",\"name\":\"two\",\"scopes\":[]}]");
        var client = new JiraOAuth2Client(mock.ToHttpClient(), "cid", "cs", Endpoints());

        var sites = await client.GetAccessibleResourcesAsync("at");

        Assert.That(sites.Select(s => (s.Id, s.Url.AbsoluteUri, s.Name, s.Scopes.Count)), Is.EqualTo(new[] { ("c1", "https://one.atlassian.net/", "one", 1), ("c2", "https://two.atlassian.net/", "two", 0) }));
    }

    private static JiraOAuth2Endpoints Endpoints() => new()
    {
        AuthorizeEndpoint = new Uri("https://auth.example.test/authorize"),
        TokenEndpoint = new Uri("https://auth.example.test/oauth/token"),
        ApiGatewayBaseUrl = new Uri("https://gateway.example.test"),
    };
}
