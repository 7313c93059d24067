using System.Text.Json;
using JiraSdk.Cli.Tests.Support;

namespace JiraSdk.EndToEnd.Tests.Cli;

/// <summary>
/// <c>jira oauth2 login</c> against the sandbox's 3LO: consent (approved at once by the sandbox), the code on the CLI's
/// loopback redirect, the token exchange, accessible-resources, then a call through the gateway with the stored tokens.
/// </summary>
public class OAuth2LoginTests : SandboxFixture
{
    [Test]
    public async Task Login_stores_the_tokens_and_later_calls_go_through_the_gateway()
    {
        using var cli = new CliHarness();
        var endpoints = Sandbox.CreateOAuth2Endpoints();
        Directory.CreateDirectory(Path.GetDirectoryName(cli.DefaultProfilePath)!);
        await File.WriteAllTextAsync(cli.DefaultProfilePath, JsonSerializer.Serialize(new
        {
            oauth2 = new
            {
                authorizeEndpoint = endpoints.AuthorizeEndpoint.AbsoluteUri,
                tokenEndpoint = endpoints.TokenEndpoint.AbsoluteUri,
                apiGatewayBaseUrl = endpoints.ApiGatewayBaseUrl.AbsoluteUri,
            },
        }));
        cli.Environment["JIRA_OAUTH2_CLIENT_ID"] = Sandbox.Credentials.OAuth2ClientId;
        cli.Environment["JIRA_OAUTH2_CLIENT_SECRET"] = Sandbox.Credentials.OAuth2ClientSecret;
        Task? browser = null;
        cli.OpenBrowser = authorizeUrl =>
        {
            // The browser: the sandbox approves and redirects to the CLI's listener on 127.0.0.1.
            browser = Task.Run(async () =>
            {
                using var http = new HttpClient();
                using var answer = await http.GetAsync(authorizeUrl);
                answer.EnsureSuccessStatusCode();
            });
            return true;
        };
        var port = LoopbackPorts.Unused();

        var login = await cli.RunAsync("oauth2", "login", "--url", Sandbox.SiteUrl.AbsoluteUri, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--scope", "read:jira-work,read:jira-user", "--timeout", "30");
        if (browser is not null) await browser;

        Assert.That(login.ExitCode, Is.Zero, login.ToString());
        Assert.That(login.Out + login.Err, Does.Not.Contain(Sandbox.Credentials.OAuth2ClientSecret));
        using (var profile = JsonDocument.Parse(await File.ReadAllTextAsync(cli.DefaultProfilePath)))
        {
            var oauth2 = profile.RootElement.GetProperty("oauth2");
            Assert.That(oauth2.GetProperty("accessToken").GetString(), Is.Not.Empty);
            Assert.That(oauth2.GetProperty("refreshToken").GetString(), Is.Not.Empty);
            Assert.That(oauth2.GetProperty("cloudId").GetString(), Is.Not.Empty);
        }

        var myself = await cli.RunAsync("raw", "GET", "/rest/api/3/myself", "--auth", "oauth2");
        Assert.That(myself.ExitCode, Is.Zero, myself.ToString());
        Assert.That(JsonDocument.Parse(myself.Out).RootElement.GetProperty("accountId").GetString(), Is.Not.Empty);
    }
}
