using System.Collections.Concurrent;
using System.Text;
using JiraSdk.Auth;
using JiraSdk.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace JiraSdk.Tests.Auth;

/// <summary>Jira 11 Data Center service accounts against a loopback fake of the site and its token endpoint.</summary>
public class DataCenterServiceAccountTests
{
    private sealed class FakeDataCenter
    {
        public readonly ConcurrentQueue<string> TokenRequests = new();
        public readonly ConcurrentQueue<string?> ApiAuthorizations = new();
        private int _issued;
        public volatile string? Valid;

        public async Task HandleAsync(System.Net.HttpListenerContext context)
        {
            var path = context.Request.Url!.AbsolutePath;
            if (path == "/jira/rest/oauth2/latest/token" && context.Request.HttpMethod == "POST")
            {
                var form = Encoding.UTF8.GetString(await LoopbackServer.ReadBodyAsync(context.Request));
                TokenRequests.Enqueue(context.Request.ContentType + " " + form);
                var token = "dc-at-" + Interlocked.Increment(ref _issued);
                Valid = token;
                await LoopbackServer.WriteAsync(context.Response, 200, $$"""{"access_token":"{{token}}","token_type":"bearer","expires_in":3600}""");
                return;
            }
            var authorization = context.Request.Headers["Authorization"];
            ApiAuthorizations.Enqueue(authorization);
            if (path == "/jira/rest/api/2/myself" && authorization == "Bearer " + Valid)
                await LoopbackServer.WriteAsync(context.Response, 200, """{"name":"svc-docs"}""");
            else
                await LoopbackServer.WriteAsync(context.Response, 401, """{"errorMessages":["token expired"]}""");
        }
    }

    private static JiraClient Client(LoopbackServer server, FakeTimeProvider time) => new(new JiraClientOptions
    {
        SiteUrl = new Uri(server.BaseUri, "jira"),
        Authentication = JiraAuthentication.DataCenterServiceAccount(new JiraDataCenterServiceAccountOptions
        {
            SiteUrl = new Uri(server.BaseUri, "jira"),
            ClientId = "svc-client",
            ClientSecret = "svc-secret",
            Scopes = { "READ" },
            TimeProvider = time,
        }),
    });

    [Test]
    public async Task ATokenFromTheClientCredentialsGrantIsReusedUntilItNearsExpiryThenANewOneIsRequested()
    {
        var jira11 = new FakeDataCenter();
        await using var server = LoopbackServer.Start(jira11.HandleAsync);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 5, 0, 0, TimeSpan.Zero));
        using var jira = Client(server, time);

        using (await jira.SendAsync(HttpMethod.Get, "rest/api/2/myself")) { }
        using (await jira.SendAsync(HttpMethod.Get, "rest/api/2/myself")) { }
        time.Advance(TimeSpan.FromMinutes(59.5)); // inside the one-minute skew
        using (var me = await jira.SendAsync(HttpMethod.Get, "rest/api/2/myself"))
            Assert.That(me!.RootElement.GetProperty("name").GetString(), Is.EqualTo("svc-docs"));

        Assert.That(jira11.TokenRequests, Has.Count.EqualTo(2));
        Assert.That(jira11.TokenRequests, Has.All.StartsWith("application/x-www-form-urlencoded")
            .And.All.Contains("grant_type=client_credentials").And.All.Contains("client_id=svc-client")
            .And.All.Contains("client_secret=svc-secret").And.All.Contains("scope=READ")
            .And.None.Contains("refresh_token"));
        Assert.That(jira11.ApiAuthorizations, Is.EqualTo(new[] { "Bearer dc-at-1", "Bearer dc-at-1", "Bearer dc-at-2" }));
    }

    [Test]
    public async Task ARejectedTokenIsReplacedOnceAndTheCallSentAgain()
    {
        var jira11 = new FakeDataCenter();
        await using var server = LoopbackServer.Start(jira11.HandleAsync);
        var time = new FakeTimeProvider();
        using var jira = Client(server, time);
        using (await jira.SendAsync(HttpMethod.Get, "rest/api/2/myself")) { }

        jira11.Valid = "revoked-by-admin"; // the server forgets dc-at-1

        using (var me = await jira.SendAsync(HttpMethod.Get, "rest/api/2/myself"))
            Assert.That(me!.RootElement.GetProperty("name").GetString(), Is.EqualTo("svc-docs"));

        Assert.That(jira11.TokenRequests, Has.Count.EqualTo(2));
        Assert.That(jira11.ApiAuthorizations, Is.EqualTo(new[] { "Bearer dc-at-1", "Bearer dc-at-1", "Bearer dc-at-2" }));
    }

    [Test]
    public void TheSiteUrlIsRequired() =>
        Assert.That(() => JiraAuthentication.DataCenterServiceAccount(new JiraDataCenterServiceAccountOptions { ClientId = "c", ClientSecret = "s" }),
            Throws.InstanceOf<JiraCredentialsException>().With.Message.Contains("site URL"));

    [Test]
    public void ToStringNeverShowsTheSecret() =>
        Assert.That(JiraAuthentication.DataCenterServiceAccount(new JiraDataCenterServiceAccountOptions
            { SiteUrl = new Uri("https://jira.example.com"), ClientId = "c", ClientSecret = "s3cret" }).ToString(), Does.Not.Contain("s3cret"));
}
