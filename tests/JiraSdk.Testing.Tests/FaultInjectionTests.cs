using System.Net;
using System.Net.Http.Headers;
using System.Text;
using JiraSdk.Errors;

namespace JiraSdk.Testing.Tests;

public sealed class FaultInjectionTests
{
    private JiraSandbox _sandbox = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _sandbox = await JiraSandbox.StartAsync(new JiraSandboxOptions { SeedDemoData = false });
        _http = SandboxHttp.Create(_sandbox);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _sandbox.DisposeAsync();
    }

    [SetUp]
    public void Clear() => _sandbox.Faults.Clear();

    [Test]
    public async Task Rate_limit_answers_429_with_jira_s_headers_and_the_sdk_retries_through_it()
    {
        _sandbox.Faults.RateLimit("/rest/api/3/myself", HttpMethod.Get, TimeSpan.FromSeconds(7), "jira-quota-tenant-based");
        using (var limited = await _http.GetAsync("rest/api/3/myself"))
        {
            Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(limited.Headers.GetValues("Retry-After").Single(), Is.EqualTo("7"));
            Assert.That(limited.Headers.GetValues("RateLimit-Reason").Single(), Is.EqualTo("jira-quota-tenant-based"));
            Assert.That(limited.Headers.GetValues("X-RateLimit-Remaining").Single(), Is.EqualTo("0"));
            Assert.That(limited.Headers.Contains("X-RateLimit-Reset"), Is.True);
        }
        using (var next = await _http.GetAsync("rest/api/3/myself"))
            Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the rule applied once");

        _sandbox.Faults.RateLimit("/rest/api/3/myself", retryAfter: TimeSpan.Zero);
        Assert.That((await _sandbox.Client.V3.Myself.GetCurrentUserAsync()).AccountId, Is.EqualTo(_sandbox.Credentials.AccountId));
    }

    [Test]
    public async Task Server_errors_match_by_method_and_prefix()
    {
        _sandbox.Faults.ServerError("/rest/api/2/*", HttpMethod.Get, 502, times: null);
        using (var failed = await _http.GetAsync("rest/api/2/serverInfo"))
            Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        using (var other = await _http.GetAsync("rest/api/3/serverInfo"))
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var client = _sandbox.CreateClient(o => o.Retry = new JiraSdk.Http.JiraRetryOptions { MaxAttempts = 1 });
        Assert.ThrowsAsync<JiraServerException>(() => client.V2.ServerInfo.GetServerInfoAsync());
    }

    [Test]
    public void Reset_connection_fails_the_request_without_an_answer()
    {
        _sandbox.Faults.ResetConnection("/rest/api/3/myself");
        Assert.CatchAsync<HttpRequestException>(() => _http.GetAsync("rest/api/3/myself"));
    }

    [Test]
    public async Task A_stalled_body_sends_headers_and_never_finishes()
    {
        _sandbox.Faults.StallBody("/rest/api/3/search/jql");
        using var response = await _http.GetAsync("rest/api/3/search/jql?jql=project%3DX", HttpCompletionOption.ResponseHeadersRead);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        Assert.CatchAsync<OperationCanceledException>(() => response.Content.ReadAsStringAsync(cts.Token));
    }

    [Test]
    public async Task Html_login_page_with_200_is_refused_by_the_sdk()
    {
        _sandbox.Faults.HtmlLoginPage("/rest/api/3/myself", times: 2);
        using (var page = await _http.GetAsync("rest/api/3/myself"))
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        }
        Assert.CatchAsync<JiraException>(() => _sandbox.Client.V3.Myself.GetCurrentUserAsync());
    }

    [Test]
    public async Task Latency_waits_on_the_sandbox_clock()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await JiraSandbox.StartAsync(new JiraSandboxOptions { SeedDemoData = false, TimeProvider = time });
        sandbox.Faults.Latency("/rest/api/3/serverInfo", TimeSpan.FromSeconds(30));
        using var http = new HttpClient { BaseAddress = sandbox.SiteUrl };
        var pending = http.GetAsync("rest/api/3/serverInfo");
        await Task.Delay(100);
        Assert.That(pending.IsCompleted, Is.False);
        time.Advance(TimeSpan.FromSeconds(30));
        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
