using JiraSdk.Tests.Support;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Web;
using JiraSdk.Cli.Tests.Support;
using JiraSdk.Tests.Auth.Support;

namespace JiraSdk.Cli.Tests;

public sealed class OAuth2Tests
{
    private const string ClientId = "cli-client";
    private const string ClientSecret = "cli-client-secret";

    /// <summary>Atlassian's token endpoint, accessible-resources and API gateway, on 127.0.0.1.</summary>
    private sealed class FakeAtlassian : IAsyncDisposable
    {
        private readonly LoopbackServer _server;

        public FakeAtlassian()
        {
            _server = LoopbackServer.Start(async context =>
            {
                var request = context.Request;
                var body = Encoding.UTF8.GetString(await LoopbackServer.ReadBodyAsync(request));
                var bearer = request.Headers["Authorization"];
                switch (request.Url!.AbsolutePath)
                {
                    case "/oauth/token":
                        using (var json = JsonDocument.Parse(body))
                        {
                            var root = json.RootElement;
                            TokenRequests.Enqueue(root.Clone());
                            var valid = root.GetProperty("grant_type").GetString() == "authorization_code"
                                        && root.GetProperty("client_id").GetString() == ClientId
                                        && root.GetProperty("client_secret").GetString() == ClientSecret
                                        && root.GetProperty("code").GetString() == "code-1"
                                        && root.GetProperty("redirect_uri").GetString() == ExpectedRedirectUri;
                            await LoopbackServer.WriteAsync(context.Response, valid ? 200 : 403, valid
                                ? """{"access_token":"access-1","refresh_token":"refresh-1","expires_in":3600,"scope":"read:jira-work offline_access","token_type":"Bearer"}"""
                                : """{"error":"invalid_grant","error_description":"Invalid authorization code"}""");
                        }
                        return;
                    case "/oauth/token/accessible-resources":
                        await LoopbackServer.WriteAsync(context.Response, bearer == "Bearer access-1" ? 200 : 401,
                            """[{"id":"cloud-1","url":"https://site-a.atlassian.net","name":"site-a","scopes":["read:jira-work"]}]""");
                        return;
                    default:
                        ApiCalls.Enqueue(request.RawUrl + " " + bearer);
                        await LoopbackServer.WriteAsync(context.Response, bearer == "Bearer access-1" ? 200 : 401, """{"accountId":"me"}""");
                        return;
                }
            });
        }

        public Uri BaseUri => _server.BaseUri;
        public string? ExpectedRedirectUri { get; set; }
        public ConcurrentQueue<JsonElement> TokenRequests { get; } = new();
        public ConcurrentQueue<string> ApiCalls { get; } = new();
        public IReadOnlyCollection<Exception> Errors => _server.HandlerErrors;
        public IEnumerable<(string Method, string RawUrl, System.Net.WebHeaderCollection Headers)> Requests => _server.Requests;
        public ValueTask DisposeAsync() => _server.DisposeAsync();
    }

    private static async Task WriteProfileAsync(CliHarness cli, FakeAtlassian atlassian)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(cli.DefaultProfilePath)!);
        await File.WriteAllTextAsync(cli.DefaultProfilePath, $$"""
            { "oauth2": { "authorizeEndpoint": "https://auth.example.test/authorize",
                          "tokenEndpoint": "{{atlassian.BaseUri}}oauth/token",
                          "apiGatewayBaseUrl": "{{atlassian.BaseUri}}" } }
            """);
        cli.Environment["JIRA_OAUTH2_CLIENT_ID"] = ClientId;
        cli.Environment["JIRA_OAUTH2_CLIENT_SECRET"] = ClientSecret;
    }

    [Test]
    public async Task Login_takes_the_code_from_the_loopback_redirect_stores_the_tokens_and_later_calls_use_them()
    {
        await using var atlassian = new FakeAtlassian();
        using var cli = new CliHarness();
        await WriteProfileAsync(cli, atlassian);
        var port = FakeJira.UnusedPort();
        atlassian.ExpectedRedirectUri = $"http://127.0.0.1:{port}/callback";
        var forgedStatus = 0;
        Task? browser = null;
        cli.OpenBrowser = authorizeUrl =>
        {
            browser = Task.Run(async () =>
            {
                var query = HttpUtility.ParseQueryString(authorizeUrl.Query);
                using var http = new HttpClient();
                // A forged redirect (wrong state) is refused and does not end the login.
                using (var forged = await http.GetAsync($"{query["redirect_uri"]}?code=attacker-code&state=forged"))
                    forgedStatus = (int)forged.StatusCode;
                using var real = await http.GetAsync($"{query["redirect_uri"]}?code=code-1&state={Uri.EscapeDataString(query["state"]!)}");
                real.EnsureSuccessStatusCode();
            });
            return true;
        };

        var login = await cli.RunAsync("oauth2", "login", "--port", port.ToString(), "--scope", "read:jira-work");
        await browser!;

        Assert.That(login.ExitCode, Is.EqualTo(0), login.ToString());
        Assert.That(forgedStatus, Is.EqualTo(400));
        var authorize = new Uri(login.Out.Trim());
        var parameters = HttpUtility.ParseQueryString(authorize.Query);
        Assert.That(authorize.GetLeftPart(UriPartial.Path), Is.EqualTo("https://auth.example.test/authorize"));
        Assert.That(parameters["redirect_uri"], Is.EqualTo(atlassian.ExpectedRedirectUri));
        Assert.That(parameters["scope"], Is.EqualTo("read:jira-work offline_access"));
        Assert.That(atlassian.TokenRequests.Single().GetProperty("code").GetString(), Is.EqualTo("code-1"), "only the code with the right state is exchanged");
        Assert.That(atlassian.Requests.Where(r => r.RawUrl.StartsWith("/oauth/token", StringComparison.Ordinal)).Select(r => r.Headers["User-Agent"]),
            Has.Exactly(2).Items.And.All.Contain("jira-cli/").And.All.Contain("JiraSdk/"), "the code exchange and the site lookup go through the SDK's pipeline");
        Assert.That(login.Out + login.Err, Does.Not.Contain("access-1").And.Not.Contain("refresh-1").And.Not.Contain(ClientSecret));
        using (var profile = JsonDocument.Parse(await File.ReadAllTextAsync(cli.DefaultProfilePath)))
        {
            var oauth2 = profile.RootElement.GetProperty("oauth2");
            Assert.That(oauth2.GetProperty("accessToken").GetString(), Is.EqualTo("access-1"));
            Assert.That(oauth2.GetProperty("refreshToken").GetString(), Is.EqualTo("refresh-1"));
            Assert.That(oauth2.GetProperty("cloudId").GetString(), Is.EqualTo("cloud-1"));
            Assert.That(oauth2.GetProperty("tokenEndpoint").GetString(), Is.EqualTo($"{atlassian.BaseUri}oauth/token"), "the rest of the profile is kept");
            Assert.That(profile.RootElement.GetProperty("url").GetString(), Is.EqualTo("https://site-a.atlassian.net/"));
        }
        if (!OperatingSystem.IsWindows())
            Assert.That(File.GetUnixFileMode(cli.DefaultProfilePath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));

        var call = await cli.RunAsync("raw", "GET", "/rest/api/3/myself");

        Assert.That(call.ExitCode, Is.EqualTo(0), call.ToString());
        Assert.That(atlassian.ApiCalls, Is.EqualTo(new[] { "/ex/jira/cloud-1/rest/api/3/myself Bearer access-1" }));
        Assert.That(atlassian.Errors, Is.Empty);
    }

    [Test]
    public async Task A_denied_consent_ends_the_login_with_exit_code_1_and_stores_nothing()
    {
        await using var atlassian = new FakeAtlassian();
        using var cli = new CliHarness();
        await WriteProfileAsync(cli, atlassian);
        var before = await File.ReadAllTextAsync(cli.DefaultProfilePath);
        var port = FakeJira.UnusedPort();
        Task? browser = null;
        cli.OpenBrowser = authorizeUrl =>
        {
            browser = Task.Run(async () =>
            {
                var query = HttpUtility.ParseQueryString(authorizeUrl.Query);
                using var http = new HttpClient();
                await http.GetAsync($"{query["redirect_uri"]}?error=access_denied&state={Uri.EscapeDataString(query["state"]!)}");
            });
            return true;
        };

        var login = await cli.RunAsync("oauth2", "login", "--port", port.ToString());
        await browser!;

        Assert.That(login.ExitCode, Is.EqualTo(1), login.ToString());
        Assert.That(login.Err.Trim().Split('\n').Last(), Is.EqualTo("jira: Atlassian did not authorize the app: access_denied."));
        Assert.That(atlassian.TokenRequests, Is.Empty);
        Assert.That(await File.ReadAllTextAsync(cli.DefaultProfilePath), Is.EqualTo(before));
    }

    [Test]
    public async Task Login_that_never_gets_a_redirect_times_out_with_exit_code_1()
    {
        await using var atlassian = new FakeAtlassian();
        using var cli = new CliHarness();
        await WriteProfileAsync(cli, atlassian);

        var login = await cli.RunAsync("oauth2", "login", "--port", FakeJira.UnusedPort().ToString(), "--timeout", "1", "--no-browser");

        Assert.That(login.ExitCode, Is.EqualTo(1), login.ToString());
        Assert.That(login.Err.Trim().Split('\n').Last(), Is.EqualTo("jira: No authorization arrived within 1 seconds."));
    }
}
