using System.Net;
using System.Net.Http.Headers;
using JiraSdk.Auth;
using JiraSdk.Errors;

namespace JiraSdk.Testing.Tests;

public sealed class AuthenticationTests
{
    private JiraSandbox _sandbox = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _sandbox = await JiraSandbox.StartAsync(new JiraSandboxOptions { SeedDemoData = false });

    [OneTimeTearDown]
    public async Task StopAsync() => await _sandbox.DisposeAsync();

    [Test]
    public async Task OAuth1_token_dance_and_signed_requests_are_verified_against_the_consumer_public_key()
    {
        var keys = JiraOAuth1KeyPair.Generate();
        _sandbox.Seed.AddOAuth1Consumer(_sandbox.Credentials.OAuth1ConsumerKey, keys.PublicKeyPem);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var dance = new JiraOAuth1TokenDance(http, _sandbox.SiteUrl, new JiraOAuth1Options { ConsumerKey = _sandbox.Credentials.OAuth1ConsumerKey, PrivateKeyPem = keys.PrivateKeyPem });
        var requestToken = await dance.GetRequestTokenAsync(new Uri("http://127.0.0.1:1/callback"));
        Assert.That(requestToken.CallbackConfirmed, Is.True);
        using var approval = await http.GetAsync(dance.GetAuthorizeUrl(requestToken));
        Assert.That(approval.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var verifier = System.Web.HttpUtility.ParseQueryString(approval.Headers.Location!.Query)["oauth_verifier"]!;
        var access = await dance.GetAccessTokenAsync(requestToken, verifier);

        using var client = _sandbox.CreateClient(o => o.Authentication = JiraAuthentication.OAuth1(new JiraOAuth1Options
        {
            ConsumerKey = _sandbox.Credentials.OAuth1ConsumerKey, PrivateKeyPem = keys.PrivateKeyPem, AccessToken = access.Token, AccessTokenSecret = access.TokenSecret,
        }));
        var me = await client.V3.Myself.GetCurrentUserAsync();
        Assert.That(me.AccountId, Is.EqualTo(_sandbox.Credentials.AccountId));
        var project = _sandbox.Seed.AddProject("OAONE", "OAuth one");
        Assert.That((await client.V2.Projects.GetProjectAsync(project.Key, expand: "lead")).Key, Is.EqualTo("OAONE"), "query parameters are signed too");

        var otherKeys = JiraOAuth1KeyPair.Generate();
        using var forged = _sandbox.CreateClient(o => o.Authentication = JiraAuthentication.OAuth1(new JiraOAuth1Options
        {
            ConsumerKey = _sandbox.Credentials.OAuth1ConsumerKey, PrivateKeyPem = otherKeys.PrivateKeyPem, AccessToken = access.Token, AccessTokenSecret = access.TokenSecret,
        }));
        var e = Assert.ThrowsAsync<JiraAuthenticationException>(() => forged.V3.Myself.GetCurrentUserAsync());
        Assert.That(e!.StatusCode, Is.EqualTo(401));
    }

    [Test]
    public async Task OAuth2_refresh_tokens_rotate_and_a_used_one_is_refused()
    {
        var (client, tokens) = await WebhookTests.OAuth2ClientAsync(_sandbox);
        using var _ = client;
        Assert.That((await client.V3.Myself.GetCurrentUserAsync()).AccountId, Is.EqualTo(_sandbox.Credentials.AccountId));

        using var http = new HttpClient();
        var oauth = new JiraOAuth2Client(http, _sandbox.Credentials.OAuth2ClientId, _sandbox.Credentials.OAuth2ClientSecret, _sandbox.CreateOAuth2Endpoints());
        var renewed = await oauth.RefreshAsync(tokens.RefreshToken!);
        Assert.That(renewed.RefreshToken, Is.Not.EqualTo(tokens.RefreshToken));
        Assert.CatchAsync<JiraCredentialsException>(() => oauth.RefreshAsync(tokens.RefreshToken!));
        var resources = await oauth.GetAccessibleResourcesAsync(renewed.AccessToken);
        Assert.That(resources.Single().Id, Is.EqualTo(_sandbox.Credentials.CloudId));

        // The site itself refuses OAuth 2.0 access tokens; only the gateway takes them.
        using var site = new HttpClient { BaseAddress = _sandbox.SiteUrl };
        site.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", renewed.AccessToken);
        using var refused = await site.GetAsync("rest/api/3/myself");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        using var gateway = await site.GetAsync(new Uri(_sandbox.ApiGatewayUrl, $"ex/jira/{_sandbox.Credentials.CloudId}/rest/api/3/myself"));
        Assert.That(gateway.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await gateway.Content.ReadAsStringAsync(), Does.Contain($"/ex/jira/{_sandbox.Credentials.CloudId}/rest/api/3/user"));
    }

    [Test]
    public async Task Personal_access_tokens_work_only_in_data_center_mode()
    {
        await using var dc = await JiraSandbox.StartAsync(new JiraSandboxOptions { Mode = JiraSandboxMode.DataCenter, SeedDemoData = false, PersonalAccessToken = "my-pat" });
        Assert.That(dc.Credentials.PersonalAccessToken, Is.EqualTo("my-pat"));
        Assert.That((await dc.Client.V2.Myself.GetCurrentUserAsync()).EmailAddress, Is.EqualTo(dc.Credentials.Email));
        using var wrong = dc.CreateClient(o => o.Authentication = JiraAuthentication.PersonalAccessToken("not-it"));
        Assert.ThrowsAsync<JiraAuthenticationException>(() => wrong.V2.Myself.GetCurrentUserAsync());
        using var basic = dc.CreateClient(o => o.Authentication = JiraAuthentication.Basic(dc.Credentials.Email, dc.Credentials.ApiToken));
        Assert.That((await basic.V2.Myself.GetCurrentUserAsync()).EmailAddress, Is.EqualTo(dc.Credentials.Email));

        using var cloudPat = _sandbox.CreateClient(o => o.Authentication = JiraAuthentication.PersonalAccessToken(_sandbox.Credentials.PersonalAccessToken));
        Assert.ThrowsAsync<JiraAuthenticationException>(() => cloudPat.V3.Myself.GetCurrentUserAsync());
    }

    [Test]
    public void Credentials_never_show_secrets()
    {
        Assert.That(_sandbox.Credentials.ToString(), Does.Not.Contain(_sandbox.Credentials.ApiToken));
        var bob = _sandbox.Seed.AddUser("Secret Keeper", "keeper@sandbox.example");
        Assert.That(bob.ToString(), Does.Not.Contain(bob.ApiToken));
    }
}
