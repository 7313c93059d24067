using System.Text;
using JiraSdk.Auth;
using JiraSdk.Tests.Support;

namespace JiraSdk.Tests.Auth;

/// <summary>Scoped API tokens: Basic authentication sent only to the API gateway (a second loopback server here).</summary>
public class ScopedApiTokenTests
{
    private const string CloudId = "c0ffee-123";

    private static LoopbackServer Site(int tenantInfoStatus = 200, string tenantInfo = $$"""{"cloudId":"{{CloudId}}"}""") =>
        LoopbackServer.Start(context => context.Request.Url!.AbsolutePath == "/_edge/tenant_info"
            ? LoopbackServer.WriteAsync(context.Response, tenantInfoStatus, tenantInfo)
            : LoopbackServer.WriteAsync(context.Response, 401, """{"errorMessages":["scoped tokens are not accepted here"]}"""));

    private static LoopbackServer Gateway() =>
        LoopbackServer.Start(context => context.Request.Url!.AbsolutePath.StartsWith($"/gw/ex/jira/{CloudId}/", StringComparison.Ordinal)
            ? LoopbackServer.WriteAsync(context.Response, 200, """{"accountId":"5b10a"}""")
            : LoopbackServer.WriteAsync(context.Response, 404, "{}"));

    private static JiraClient Client(LoopbackServer site, LoopbackServer gateway, string? cloudId = null) => new(new JiraClientOptions
    {
        SiteUrl = site.BaseUri,
        Authentication = JiraAuthentication.Basic("ana@example.com", "scoped-token"),
        UseApiGateway = true,
        CloudId = cloudId,
        ApiGatewayBaseUrl = new Uri(gateway.BaseUri, "gw"),
        Retry = new JiraSdk.Http.JiraRetryOptions { MaxAttempts = 1 },
    });

    private static readonly string ExpectedBasic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ana@example.com:scoped-token"));

    [Test]
    public async Task RequestsGoToTheGatewayWithTheCloudIdReadOnceFromTenantInfo()
    {
        await using var site = Site();
        await using var gateway = Gateway();
        using var jira = Client(site, gateway);

        using (var first = await jira.SendAsync(HttpMethod.Get, "rest/api/3/myself?expand=groups")) Assert.That(first!.RootElement.GetProperty("accountId").GetString(), Is.EqualTo("5b10a"));
        using (var second = await jira.SendAsync(HttpMethod.Get, "rest/api/3/myself")) Assert.That(second!.RootElement.GetProperty("accountId").GetString(), Is.EqualTo("5b10a"));

        var siteRequests = site.Requests.ToList();
        Assert.That(siteRequests.Select(r => r.RawUrl), Is.EqualTo(new[] { "/_edge/tenant_info" }), "one unauthenticated lookup, nothing else");
        Assert.That(siteRequests[0].Headers["Authorization"], Is.Null, "the token never goes to the site");
        var gatewayRequests = gateway.Requests.ToList();
        Assert.That(gatewayRequests.Select(r => r.RawUrl), Is.EqualTo(new[]
        {
            $"/gw/ex/jira/{CloudId}/rest/api/3/myself?expand=groups",
            $"/gw/ex/jira/{CloudId}/rest/api/3/myself",
        }));
        Assert.That(gatewayRequests.Select(r => r.Headers["Authorization"]), Has.All.EqualTo(ExpectedBasic));
    }

    [Test]
    public async Task AConfiguredCloudIdSkipsTheLookup()
    {
        await using var site = Site();
        await using var gateway = Gateway();
        using var jira = Client(site, gateway, cloudId: CloudId);

        using var response = await jira.SendAsync(HttpMethod.Get, "rest/api/3/myself");

        Assert.That(response!.RootElement.GetProperty("accountId").GetString(), Is.EqualTo("5b10a"));
        Assert.That(site.Requests, Is.Empty);
        Assert.That(gateway.Requests.Single().RawUrl, Is.EqualTo($"/gw/ex/jira/{CloudId}/rest/api/3/myself"));
    }

    [TestCase(404, "{}")]
    [TestCase(200, "<html>login</html>")]
    [TestCase(200, """{"cloudId":""}""")]
    public async Task AFailedLookupSaysHowToSetTheCloudIdAndSendsNothingToTheGateway(int status, string body)
    {
        await using var site = Site(status, body);
        await using var gateway = Gateway();
        using var jira = Client(site, gateway);

        var failure = Assert.ThrowsAsync<JiraCredentialsException>(async () => await jira.SendAsync(HttpMethod.Get, "rest/api/3/myself"));

        Assert.That(failure!.Message, Does.Contain("tenant_info").And.Contain("CloudId"));
        Assert.That(gateway.Requests, Is.Empty);
    }

    [Test]
    public void TheGatewayRouteIsForBasicAuthenticationOnly()
    {
        var options = new JiraClientOptions
        {
            SiteUrl = new Uri("https://example.atlassian.net"),
            Authentication = JiraAuthentication.PersonalAccessToken("pat"),
            UseApiGateway = true,
        };

        Assert.That(() => new JiraClient(options), Throws.InvalidOperationException.With.Message.Contains("Basic"));
    }

    /// <summary>A site without UseApiGateway: Basic authentication with the site URL alone, as a user with a scoped token configures it.</summary>
    private static JiraClient Detecting(LoopbackServer site, LoopbackServer gateway, bool detect = true) => new(new JiraClientOptions
    {
        SiteUrl = site.BaseUri,
        Authentication = JiraAuthentication.Basic("ana@example.com", "scoped-token"),
        DetectScopedApiTokens = detect,
        ApiGatewayBaseUrl = new Uri(gateway.BaseUri, "gw"),
        Retry = new JiraSdk.Http.JiraRetryOptions { MaxAttempts = 1 },
    });

    private static LoopbackServer RefusingGateway() =>
        LoopbackServer.Start(context => LoopbackServer.WriteAsync(context.Response, 401, """{"message":"Unauthorized"}"""));

    [Test]
    public async Task ATokenTheSiteRefusesAndTheGatewayAcceptsMovesTheClientToTheGateway()
    {
        await using var site = Site();
        await using var gateway = Gateway();
        using var jira = Detecting(site, gateway);

        using (var first = await jira.SendAsync(HttpMethod.Post, "rest/api/3/search/jql", new JiraSdk.Raw.JiraRequestOptions().WithJsonBody("""{"jql":"project = DOCS"}""")))
            Assert.That(first!.RootElement.GetProperty("accountId").GetString(), Is.EqualTo("5b10a"), "the refused call itself succeeds through the gateway");
        using (var second = await jira.SendAsync(HttpMethod.Get, "rest/api/3/myself"))
            Assert.That(second!.RootElement.GetProperty("accountId").GetString(), Is.EqualTo("5b10a"));

        var siteRequests = site.Requests.ToList();
        Assert.That(siteRequests.Select(r => r.RawUrl), Is.EqualTo(new[] { "/rest/api/3/search/jql", "/_edge/tenant_info" }), "one refused call, one lookup, then never the site again");
        Assert.That(siteRequests[1].Headers["Authorization"], Is.Null, "the lookup carries no credentials");
        var gatewayRequests = gateway.Requests.ToList();
        Assert.That(gatewayRequests.Select(r => (r.Method, r.RawUrl)), Is.EqualTo(new[]
        {
            ("POST", $"/gw/ex/jira/{CloudId}/rest/api/3/search/jql"),
            ("GET", $"/gw/ex/jira/{CloudId}/rest/api/3/myself"),
        }));
        Assert.That(gatewayRequests.Select(r => r.Headers["Authorization"]), Has.All.EqualTo(ExpectedBasic));
    }

    [Test]
    public async Task ATokenBothRefuseRaisesTheSitesUnauthorizedAndIsNotTriedOnTheGatewayAgain()
    {
        await using var site = Site();
        await using var gateway = RefusingGateway();
        using var jira = Detecting(site, gateway);

        for (var i = 0; i < 2; i++)
        {
            var error = Assert.ThrowsAsync<JiraSdk.Errors.JiraAuthenticationException>(async () => await jira.SendAsync(HttpMethod.Get, "rest/api/3/myself"));
            Assert.That(error!.Body, Does.Contain("scoped tokens are not accepted here"), "the site's answer, not the gateway's");
        }

        Assert.That(gateway.Requests, Has.Count.EqualTo(1), "detection is decided once");
        Assert.That(site.Requests.Count(r => r.RawUrl == "/_edge/tenant_info"), Is.EqualTo(1));
    }

    [Test]
    public async Task ADataCenterSiteWithoutTenantInfoNeverSendsTheCredentialsToTheGateway()
    {
        await using var site = Site(tenantInfoStatus: 404, tenantInfo: "{}");
        await using var gateway = Gateway();
        using var jira = Detecting(site, gateway);

        Assert.ThrowsAsync<JiraSdk.Errors.JiraAuthenticationException>(async () => await jira.SendAsync(HttpMethod.Get, "rest/api/3/myself"));

        Assert.That(gateway.Requests, Is.Empty);
    }

    [Test]
    public async Task DetectionCanBeTurnedOff()
    {
        await using var site = Site();
        await using var gateway = Gateway();
        using var jira = Detecting(site, gateway, detect: false);

        Assert.ThrowsAsync<JiraSdk.Errors.JiraAuthenticationException>(async () => await jira.SendAsync(HttpMethod.Get, "rest/api/3/myself"));

        Assert.That(site.Requests.Select(r => r.RawUrl), Is.EqualTo(new[] { "/rest/api/3/myself" }));
        Assert.That(gateway.Requests, Is.Empty);
    }

    [Test]
    public async Task ASiteThatAcceptsTheTokenIsNeverAskedForItsCloudId()
    {
        await using var site = LoopbackServer.Start(context => LoopbackServer.WriteAsync(context.Response, 200, """{"accountId":"on-site"}"""));
        await using var gateway = Gateway();
        using var jira = Detecting(site, gateway);

        using (await jira.SendAsync(HttpMethod.Get, "rest/api/3/myself")) { }
        using (await jira.SendAsync(HttpMethod.Get, "rest/api/3/myself")) { }

        Assert.That(site.Requests.Select(r => r.RawUrl), Is.EqualTo(new[] { "/rest/api/3/myself", "/rest/api/3/myself" }));
        Assert.That(gateway.Requests, Is.Empty);
    }

    [Test]
    public async Task OnTheGatewayOnlyTheSitesRouteGetsTheCredentials()
    {
        await using var site = Site();
        // The route answers with a redirect to another path on the gateway's origin (another product, another cloud id).
        await using var gateway = LoopbackServer.Start(context =>
        {
            var path = context.Request.Url!.AbsolutePath;
            if (path.StartsWith($"/gw/ex/jira/{CloudId}/", StringComparison.Ordinal))
            {
                context.Response.RedirectLocation = "/gw/ex/jira/someone-elses-cloud/rest/api/3/myself";
                return LoopbackServer.WriteAsync(context.Response, 302, "{}");
            }
            return LoopbackServer.WriteAsync(context.Response, 200, """{"accountId":"elsewhere"}""");
        });
        using var jira = Client(site, gateway, cloudId: CloudId);

        using var response = await jira.SendAsync(HttpMethod.Get, "rest/api/3/myself");

        var requests = gateway.Requests.ToList();
        Assert.That(requests, Has.Count.EqualTo(2));
        Assert.That(requests[0].Headers["Authorization"], Is.EqualTo(ExpectedBasic));
        Assert.That(requests[1].RawUrl, Is.EqualTo("/gw/ex/jira/someone-elses-cloud/rest/api/3/myself"));
        Assert.That(requests[1].Headers["Authorization"], Is.Null, "same origin, but not the configured route");
    }
}
