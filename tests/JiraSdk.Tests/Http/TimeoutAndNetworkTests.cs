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
        // The timeout's timer starts on another thread; keep moving the clock until it has fired (bounded).
        for (var i = 0; i < 5000 && !call.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(11));
            await Task.Delay(1);
        }

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

    /// <summary>Answers the first <c>answered</c> calls at once, then never.</summary>
    private sealed class AnswersThenStalls(int answered) : HttpMessageHandler
    {
        private int _calls;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) <= answered)
                return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    [Test]
    public async Task EachCallHasItsOwnDeadline()
    {
        // A deadline starts with its call, whatever came before. (With a fake clock .NET does not reset a token source,
        // so none is reused here; PooledPipelineAttackTests checks reused deadlines on the real clock.)
        var time = new FakeTimeProvider();
        using var http = TestPipeline.Create(new AnswersThenStalls(3), time, timeout: TimeSpan.FromSeconds(10));
        using var earlier = new CancellationTokenSource();
        for (var i = 0; i < 3; i++)
        {
            (await http.GetAsync("rest/api/3/myself", earlier.Token)).Dispose();
            time.Advance(TimeSpan.FromSeconds(9));
        }

        var call = http.GetAsync("rest/api/3/myself");
        // An earlier call's token, cancelled now, no longer reaches a deadline it used.
        earlier.Cancel();
        await Task.Delay(20);
        time.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(20);
        Assert.That(call.IsCompleted, Is.False, "9 s into a 10 s deadline, 36 s after the first deadline was made");

        for (var i = 0; i < 5000 && !call.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(2));
            await Task.Delay(1);
        }
        var error = Assert.ThrowsAsync<JiraTimeoutException>(async () => await call);
        Assert.That(error!.Timeout, Is.EqualTo(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task ACallAfterATimeoutGetsAFreshDeadline()
    {
        var time = new FakeTimeProvider();
        var stalls = new NeverAnswers();
        var answering = true;
        using var http = TestPipeline.Create(new DelegatingStub(request => answering ? null : stalls), time, timeout: TimeSpan.FromSeconds(10));

        answering = false;
        var first = http.GetAsync("rest/api/3/myself");
        for (var i = 0; i < 5000 && !first.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(11));
            await Task.Delay(1);
        }
        Assert.ThrowsAsync<JiraTimeoutException>(async () => await first);

        answering = true;
        using var second = await http.GetAsync("rest/api/3/myself");
        Assert.That(second.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), "the fired deadline is not handed to the next call");
    }

    /// <summary>Answers 200 at once unless the choice names a handler to send through instead.</summary>
    private sealed class DelegatingStub(Func<HttpRequestMessage, HttpMessageHandler?> choose) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            choose(request) is { } other
                ? new HttpMessageInvoker(other, disposeHandler: false).SendAsync(request, cancellationToken)
                : Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") });
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
