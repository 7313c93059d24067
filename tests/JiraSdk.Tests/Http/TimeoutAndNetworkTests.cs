using JiraSdk.Errors;
using JiraSdk.Tests.Http.Support;
using Microsoft.Extensions.Time.Testing;

namespace JiraSdk.Tests.Http;

public class TimeoutAndNetworkTests
{
    private sealed class NeverAnswers : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    [Test]
    public async Task ACallThatOutlivesTheTimeoutRaisesTheTimeoutError()
    {
        var time = new FakeTimeProvider();
        using var http = TestPipeline.Create(new NeverAnswers(), time, timeout: TimeSpan.FromSeconds(10));

        var call = http.GetAsync("rest/api/3/myself");
        await Task.Delay(10);
        time.Advance(TimeSpan.FromSeconds(11));

        var error = Assert.ThrowsAsync<JiraTimeoutException>(async () => await call);
        Assert.That(error!.Timeout, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(error.RequestPath, Is.EqualTo("/rest/api/3/myself"));
    }

    [Test]
    public async Task CancellingIsNotATimeout()
    {
        var time = new FakeTimeProvider();
        using var http = TestPipeline.Create(new NeverAnswers(), time, timeout: TimeSpan.FromSeconds(10));
        using var cancel = new CancellationTokenSource();

        var call = http.GetAsync("rest/api/3/myself", cancel.Token);
        await Task.Delay(10);
        cancel.Cancel();

        Assert.That(async () => await call, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task ARefusedConnectionIsANetworkError()
    {
        // A port that was free a moment ago: nothing listens, so the connection is refused.
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var jira = new JiraClient(new JiraClientOptions
        {
            SiteUrl = new Uri($"http://127.0.0.1:{port}/"),
            Retry = JiraSdk.Http.JiraRetryOptions.None,
        });

        var error = Assert.ThrowsAsync<JiraNetworkException>(() => jira.SendAsync(HttpMethod.Get, "rest/api/3/myself"));

        Assert.That(error!.RequestPath, Is.EqualTo("/rest/api/3/myself"));
        await Task.CompletedTask;
    }
}
