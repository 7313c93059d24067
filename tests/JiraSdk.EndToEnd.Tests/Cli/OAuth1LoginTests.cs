using System.Text.Json;
using System.Text.RegularExpressions;
using JiraSdk.Cli.Tests.Support;
using JiraSdk.Testing;

namespace JiraSdk.EndToEnd.Tests.Cli;

/// <summary>
/// <c>jira oauth1 keygen</c> and <c>jira oauth1 login</c> against a Data Center sandbox with an application link: request
/// token, the authorize page's verification code typed at the prompt, the access token, then a signed call.
/// </summary>
public partial class OAuth1LoginTests
{
    [Test]
    public async Task Keygen_link_and_login_give_a_token_that_signs_later_calls()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new JiraSandboxOptions { Mode = JiraSandboxMode.DataCenter });
        using var cli = new CliHarness();
        var keygen = await cli.RunAsync("oauth1", "keygen", "--out", "keys");
        Assert.That(keygen.ExitCode, Is.Zero, keygen.ToString());
        sandbox.Seed.AddOAuth1Consumer("jira-cli", keygen.Out);

        cli.Environment["JIRA_URL"] = sandbox.SiteUrl.AbsoluteUri;
        cli.Environment["JIRA_OAUTH1_CONSUMER_KEY"] = "jira-cli";
        cli.Environment["JIRA_OAUTH1_PRIVATE_KEY_FILE"] = Path.Combine(cli.Home, "keys", "jira_privatekey.pem");
        // The person at the prompt: opens the printed authorize URL, approves, and types the code Jira shows.
        cli.Input = output => new ApprovingReader(output);

        var login = await cli.RunAsync("oauth1", "login");

        Assert.That(login.ExitCode, Is.Zero, login.ToString());
        using (var profile = JsonDocument.Parse(await File.ReadAllTextAsync(cli.DefaultProfilePath)))
            Assert.That(profile.RootElement.GetProperty("oauth1").GetProperty("accessToken").GetString(), Is.Not.Empty);

        var myself = await cli.RunAsync("raw", "GET", "/rest/api/2/myself", "--auth", "oauth1", "--api", "2");
        Assert.That(myself.ExitCode, Is.Zero, myself.ToString());
        Assert.That(JsonDocument.Parse(myself.Out).RootElement.GetProperty("emailAddress").GetString(), Is.EqualTo(sandbox.Credentials.Email));
    }

    private sealed partial class ApprovingReader(StringWriter output) : TextReader
    {
        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            var authorizeUrl = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();
            using var http = new HttpClient();
            var page = await http.GetStringAsync(authorizeUrl, cancellationToken);
            return Verifier().Match(page).Groups[1].Value;
        }

        public override Task<string?> ReadLineAsync() => ReadLineAsync(CancellationToken.None).AsTask();

        [GeneratedRegex("id=\"verifier\">([^<]+)<")]
        private static partial Regex Verifier();
    }
}
