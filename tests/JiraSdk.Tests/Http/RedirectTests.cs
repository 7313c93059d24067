using JiraSdk.Tests.Support;
using System.Net;
using JiraSdk.Tests.Http.Support;

namespace JiraSdk.Tests.Http;

public class RedirectTests
{
    private static JiraClient ClientFor(Uri site) => new(new JiraClientOptions
    {
        SiteUrl = site,
        Authentication = JiraSdk.Auth.JiraAuthentication.PersonalAccessToken("secret-token"),
        Retry = JiraSdk.Http.JiraRetryOptions.None,
    });

    [Test]
    public async Task ARedirectToAnotherHostArrivesWithoutCredentials()
    {
        await using var elsewhere = LoopbackServer.Start(context => LoopbackServer.WriteAsync(context.Response, 200, "{\"moved\":true}"));
        await using var site = LoopbackServer.Start(context =>
        {
            context.Response.StatusCode = 302;
            context.Response.RedirectLocation = new Uri(elsewhere.BaseUri, "download/attachment").ToString();
            context.Response.Close();
            return Task.CompletedTask;
        });
        using var jira = ClientFor(site.BaseUri);

        using var document = await jira.SendAsync(HttpMethod.Get, "rest/api/3/attachment/content/{id}", new() { PathParameters = { ["id"] = "10000" } });

        Assert.That(document!.RootElement.GetProperty("moved").GetBoolean(), Is.True);
        Assert.That(site.Requests.Single().Headers["Authorization"], Is.EqualTo("Bearer secret-token"));
        var redirected = elsewhere.Requests.Single();
        Assert.That(redirected.RawUrl, Is.EqualTo("/download/attachment"));
        Assert.That(redirected.Headers["Authorization"], Is.Null);
    }

    [Test]
    public async Task ARetryAfterAHopToAnotherHostFailedSendsCredentialsToTheSiteAgain()
    {
        // The hop is marked to go without credentials; the request the retry sends again must not be.
        await using var elsewhere = LoopbackServer.Start(context => LoopbackServer.WriteAsync(context.Response, 503, "{}"));
        var siteCalls = 0;
        await using var site = LoopbackServer.Start(context =>
        {
            if (Interlocked.Increment(ref siteCalls) > 1) return LoopbackServer.WriteAsync(context.Response, 200, "{\"key\":\"DOCS-1\"}");
            context.Response.StatusCode = 302;
            context.Response.RedirectLocation = new Uri(elsewhere.BaseUri, "mirror/issue").ToString();
            context.Response.Close();
            return Task.CompletedTask;
        });
        using var jira = new JiraClient(new JiraClientOptions
        {
            SiteUrl = site.BaseUri,
            Authentication = JiraSdk.Auth.JiraAuthentication.PersonalAccessToken("secret-token"),
            Retry = new JiraSdk.Http.JiraRetryOptions { MaxAttempts = 2, InitialDelay = TimeSpan.FromMilliseconds(1), JitterRatio = 0 },
        });

        using var document = await jira.SendAsync(HttpMethod.Get, "rest/api/3/issue/{key}", new() { PathParameters = { ["key"] = "DOCS-1" } });

        Assert.That(document!.RootElement.GetProperty("key").GetString(), Is.EqualTo("DOCS-1"));
        Assert.That(elsewhere.Requests.Single().Headers["Authorization"], Is.Null);
        Assert.That(site.Requests.Select(r => r.Headers["Authorization"]), Is.EqualTo(new[] { "Bearer secret-token", "Bearer secret-token" }));
    }

    [Test]
    public async Task ARedirectOnTheSameSiteKeepsCredentials()
    {
        LoopbackServer? server = null;
        server = LoopbackServer.Start(context =>
        {
            if (context.Request.RawUrl!.StartsWith("/old"))
            {
                context.Response.StatusCode = 301;
                context.Response.RedirectLocation = "/rest/api/3/issue/NEW-1";
                context.Response.Close();
                return Task.CompletedTask;
            }
            return LoopbackServer.WriteAsync(context.Response, 200, "{\"key\":\"NEW-1\"}");
        });
        await using var _ = server;
        using var jira = ClientFor(server.BaseUri);

        using var document = await jira.SendAsync(HttpMethod.Get, "old/issue");

        Assert.That(document!.RootElement.GetProperty("key").GetString(), Is.EqualTo("NEW-1"));
        Assert.That(server.Requests.Select(r => r.Headers["Authorization"]), Has.All.EqualTo("Bearer secret-token"));
    }

    [Test]
    public async Task A303AfterAPostContinuesAsAGetWithoutBody()
    {
        await using var server = LoopbackServer.Start(context =>
        {
            if (context.Request.HttpMethod == "POST")
            {
                context.Response.StatusCode = 303;
                context.Response.RedirectLocation = "/result";
                context.Response.Close();
                return Task.CompletedTask;
            }
            return LoopbackServer.WriteAsync(context.Response, 200, "{\"method\":\"" + context.Request.HttpMethod + "\"}");
        });
        using var jira = ClientFor(server.BaseUri);

        using var document = await jira.SendAsync(HttpMethod.Post, "rest/api/3/bulk", new JiraSdk.Raw.JiraRequestOptions().WithJsonBody("{\"a\":1}"));

        Assert.That(document!.RootElement.GetProperty("method").GetString(), Is.EqualTo("GET"));
    }
}
