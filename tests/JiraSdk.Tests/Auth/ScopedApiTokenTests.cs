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
}
