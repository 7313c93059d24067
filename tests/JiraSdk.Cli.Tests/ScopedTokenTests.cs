using JiraSdk.Cli.Tests.Support;
using JiraSdk.Tests.Support;

namespace JiraSdk.Cli.Tests;

/// <summary>A scoped API token in JIRA_API_TOKEN (issue 13, item 5): the site refuses it, the gateway takes it.</summary>
public sealed class ScopedTokenTests
{
    private const string CloudId = "c0ffee-1";

    [Test]
    public async Task A_scoped_token_the_site_refuses_goes_through_the_gateway_and_doctor_names_that_route()
    {
        await using var site = LoopbackServer.Start(context => context.Request.Url!.AbsolutePath == "/_edge/tenant_info"
            ? LoopbackServer.WriteAsync(context.Response, 200, $$"""{"cloudId":"{{CloudId}}"}""")
            : LoopbackServer.WriteAsync(context.Response, 401, """{"errorMessages":["Client must be authenticated to access this resource."]}"""));
        await using var gateway = LoopbackServer.Start(context =>
            context.Request.Headers["Authorization"] == CliHarness.BasicHeader && context.Request.Url!.AbsolutePath.StartsWith($"/ex/jira/{CloudId}/", StringComparison.Ordinal)
                ? LoopbackServer.WriteAsync(context.Response, 200, """{"accountId":"5b10","displayName":"Ada"}""")
                : LoopbackServer.WriteAsync(context.Response, 401, """{"message":"Unauthorized"}"""));
        using var cli = new CliHarness();
        cli.UseBasic(site.BaseUri);
        cli.Environment["JIRA_API_GATEWAY_URL"] = gateway.BaseUri.AbsoluteUri;

        var call = await cli.RunAsync("raw", "GET", "/rest/api/3/myself");
        var doctor = await cli.RunAsync("doctor");

        Assert.That(call.ExitCode, Is.EqualTo(0), call.ToString());
        Assert.That(call.Out, Does.Contain("\"accountId\": \"5b10\""), call.ToString());
        Assert.That(doctor.Out, Does.Contain($"ok   route        API gateway {gateway.BaseUri}ex/jira/{CloudId}/ (the site refused the token"), doctor.ToString());
        Assert.That(site.Requests.Where(r => r.RawUrl == "/_edge/tenant_info").Select(r => r.Headers["Authorization"]), Has.All.Null, "the lookup carries no credentials");
        Assert.That(gateway.Requests.Select(r => r.RawUrl), Has.All.StartWith($"/ex/jira/{CloudId}/"));
    }

    [Test]
    public async Task A_bad_gateway_setting_is_a_usage_error()
    {
        using var cli = new CliHarness();
        cli.UseBasic(new Uri("https://example.atlassian.net"));
        cli.Environment["JIRA_API_GATEWAY_URL"] = "not a url";

        var run = await cli.RunAsync("raw", "GET", "/rest/api/3/myself");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Err, Does.Contain("JIRA_API_GATEWAY_URL"), run.ToString());
    }
}
