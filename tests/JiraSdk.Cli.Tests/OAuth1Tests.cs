using JiraSdk.Tests.Support;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JiraSdk.Cli.Tests.Support;
using JiraSdk.Tests.Auth.Support;

namespace JiraSdk.Cli.Tests;

public sealed class OAuth1Tests
{
    [Test]
    public async Task Keygen_writes_an_owner_only_private_key_that_signs_for_the_printed_public_key()
    {
        using var cli = new CliHarness();

        var run = await cli.RunAsync("oauth1", "keygen", "--out", "keys");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var privatePath = Path.Combine(cli.Home, "keys", "jira_privatekey.pem");
        var publicPath = Path.Combine(cli.Home, "keys", "jira_publickey.pem");
        Assert.That(run.Out, Does.StartWith("-----BEGIN PUBLIC KEY-----"));
        Assert.That(run.Out, Is.EqualTo(await File.ReadAllTextAsync(publicPath)));
        if (!OperatingSystem.IsWindows())
            Assert.That(File.GetUnixFileMode(privatePath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        var privatePem = await File.ReadAllTextAsync(privatePath);
        Assert.That(run.Out + run.Err, Does.Not.Contain(privatePem.Split('\n')[1]), "the private key is never printed");

        using var privateKey = RSA.Create();
        privateKey.ImportFromPem(privatePem);
        Assert.That(privateKey.KeySize, Is.EqualTo(2048));
        var data = Encoding.ASCII.GetBytes("GET&https%3A%2F%2Fjira.example.com%2Frest%2Fapi%2F2%2Fmyself&oauth_nonce%3D1");
        var signature = privateKey.SignData(data, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);
        using var printedPublicKey = RSA.Create();
        printedPublicKey.ImportFromPem(run.Out);
        Assert.That(printedPublicKey.VerifyData(data, signature, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1), Is.True);
    }

    [Test]
    public async Task Keygen_keeps_existing_keys_unless_forced()
    {
        using var cli = new CliHarness();
        Assert.That((await cli.RunAsync("oauth1", "keygen")).ExitCode, Is.EqualTo(0));
        var first = await File.ReadAllTextAsync(Path.Combine(cli.Home, "jira_publickey.pem"));

        var again = await cli.RunAsync("oauth1", "keygen");
        Assert.That(again.ExitCode, Is.EqualTo(2));
        Assert.That(again.Err, Does.Contain("--force"));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(cli.Home, "jira_publickey.pem")), Is.EqualTo(first));

        var forced = await cli.RunAsync("oauth1", "keygen", "--force");
        Assert.That(forced.ExitCode, Is.EqualTo(0));
        Assert.That(forced.Out, Is.Not.EqualTo(first));

        Assert.That((await cli.RunAsync("oauth1", "keygen", "--key-size", "1024", "--out", "small")).ExitCode, Is.EqualTo(2));
    }

    /// <summary>
    /// The bar: keys from <c>jira oauth1 keygen</c>, the token dance with <c>jira oauth1 login</c>, then <c>jira raw GET</c>
    /// on a JQL search, every request checked by a provider that verifies RFC 5849 signatures on its own.
    /// </summary>
    [Test]
    public async Task Keygen_login_and_a_signed_raw_search_are_accepted_by_an_independent_provider()
    {
        using var cli = new CliHarness();
        var keygen = await cli.RunAsync("oauth1", "keygen", "--out", "keys");
        Assert.That(keygen.ExitCode, Is.EqualTo(0), keygen.ToString());
        using var publicKey = RSA.Create();
        publicKey.ImportFromPem(keygen.Out);
        var provider = new FakeJiraOAuth1Provider(publicKey, () => DateTimeOffset.UtcNow);
        await using var server = LoopbackServer.Start(provider.HandleAsync);
        using var browser = new HttpClient();

        cli.Environment["JIRA_URL"] = server.BaseUri.AbsoluteUri;
        cli.Environment["JIRA_OAUTH1_CONSUMER_KEY"] = FakeJiraOAuth1Provider.ConsumerKey;
        cli.Environment["JIRA_OAUTH1_PRIVATE_KEY_FILE"] = "keys/jira_privatekey.pem";
        cli.Input = stdout => new PromptedInput(async () =>
        {
            // The user opens the printed URL, approves, and types the code Jira shows.
            var authorizeUrl = stdout.ToString().Trim();
            var page = await browser.GetStringAsync(authorizeUrl);
            Assert.That(page, Does.Contain(FakeJiraOAuth1Provider.Verifier));
            return FakeJiraOAuth1Provider.Verifier;
        });

        var login = await cli.RunAsync("oauth1", "login");

        Assert.That(login.ExitCode, Is.EqualTo(0), login.ToString());
        Assert.That(login.Out.Trim(), Does.StartWith(server.BaseUri + "plugins/servlet/oauth/authorize?oauth_token="));
        Assert.That(login.Out + login.Err, Does.Not.Contain(FakeJiraOAuth1Provider.AccessToken));
        Assert.That(provider.Callbacks, Is.EqualTo(new[] { "oob" }));
        Assert.That(server.Requests.Where(r => r.RawUrl.StartsWith("/plugins/servlet/oauth/", StringComparison.Ordinal) && r.Method == "POST").Select(r => r.Headers["User-Agent"]),
            Has.Exactly(2).Items.And.All.Contain("jira-cli/").And.All.Contain("JiraSdk/"), "the token dance goes through the SDK's pipeline");
        using (var profile = JsonDocument.Parse(await File.ReadAllTextAsync(cli.DefaultProfilePath)))
        {
            var oauth1 = profile.RootElement.GetProperty("oauth1");
            Assert.That(oauth1.GetProperty("accessToken").GetString(), Is.EqualTo(FakeJiraOAuth1Provider.AccessToken));
            Assert.That(oauth1.GetProperty("privateKeyFile").GetString(), Is.EqualTo(Path.Combine(cli.Home, "keys", "jira_privatekey.pem")));
            Assert.That(profile.RootElement.GetProperty("url").GetString(), Is.EqualTo(server.BaseUri.AbsoluteUri));
        }
        if (!OperatingSystem.IsWindows())
            Assert.That(File.GetUnixFileMode(cli.DefaultProfilePath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));

        // Everything now comes from the profile.
        cli.Environment.Clear();
        var search = await cli.RunAsync("raw", "GET", "/rest/api/2/search?jql=project%20%3D%20DOCS%20AND%20summary%20~%20%22caf%C3%A9%2B%22&maxResults=5");

        Assert.That(search.ExitCode, Is.EqualTo(0), search.ToString());
        Assert.That(search.Out, Does.Contain("\"ok\": true"));
        Assert.That(provider.ReceivedApiCalls, Is.EqualTo(new[] { "GET /rest/api/2/search jql=project = DOCS AND summary ~ \"café+\"" }));
        Assert.That(server.HandlerErrors, Is.Empty);
    }

    [Test]
    public async Task A_key_the_application_link_does_not_hold_is_refused_with_exit_code_1()
    {
        using var cli = new CliHarness();
        var registered = await cli.RunAsync("oauth1", "keygen", "--out", "registered");
        var other = await cli.RunAsync("oauth1", "keygen", "--out", "other");
        using var publicKey = RSA.Create();
        publicKey.ImportFromPem(registered.Out);
        var provider = new FakeJiraOAuth1Provider(publicKey, () => DateTimeOffset.UtcNow);
        await using var server = LoopbackServer.Start(provider.HandleAsync);
        cli.Environment["JIRA_URL"] = server.BaseUri.AbsoluteUri;
        cli.Environment["JIRA_OAUTH1_CONSUMER_KEY"] = FakeJiraOAuth1Provider.ConsumerKey;
        cli.Environment["JIRA_OAUTH1_PRIVATE_KEY_FILE"] = "other/jira_privatekey.pem";
        cli.Environment["JIRA_OAUTH1_ACCESS_TOKEN"] = FakeJiraOAuth1Provider.AccessToken;

        var login = await cli.RunAsync("oauth1", "login");
        var call = await cli.RunAsync("raw", "GET", "/rest/api/2/myself");

        Assert.That(other.ExitCode, Is.EqualTo(0));
        Assert.That(login.ExitCode, Is.EqualTo(1), login.ToString());
        Assert.That(login.Err.Trim(), Does.Contain("HTTP 401").And.Contain("oauth_problem=signature_invalid"));
        Assert.That(call.ExitCode, Is.EqualTo(1), call.ToString());
        Assert.That(call.Err, Does.StartWith("HTTP 401"));
        Assert.That(provider.ReceivedApiCalls, Is.Empty);
    }

    [Test]
    public async Task Login_without_a_private_key_file_is_a_usage_error()
    {
        using var cli = new CliHarness();
        cli.Environment["JIRA_URL"] = "https://jira.example.com";
        cli.Environment["JIRA_OAUTH1_CONSUMER_KEY"] = "c";
        var noKey = await cli.RunAsync("oauth1", "login");
        cli.Environment["JIRA_OAUTH1_PRIVATE_KEY_FILE"] = "missing.pem";
        var missingFile = await cli.RunAsync("oauth1", "login");

        Assert.That(noKey.ExitCode, Is.EqualTo(2));
        Assert.That(noKey.Err, Does.Contain("JIRA_OAUTH1_PRIVATE_KEY_FILE"));
        Assert.That(missingFile.ExitCode, Is.EqualTo(2));
        Assert.That(missingFile.Err, Does.Contain("missing.pem"));
    }
}
