using System.Net;
using System.Text;
using JiraSdk.Errors;
using JiraSdk.Tests.Http.Support;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace JiraSdk.Tests.Http;

public class RetryHandlerTests
{
    private static readonly string IssueUrl = TestPipeline.Site + "rest/api/3/issue/DOCS-1";
    private FakeTimeProvider _time = null!;
    private MockHttpMessageHandler _network = null!;
    private List<DateTimeOffset> _seen = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 4, 0, 0, TimeSpan.Zero));
        _network = new MockHttpMessageHandler();
        _seen = new List<DateTimeOffset>();
    }

    [TearDown]
    public void TearDown() => _network.Dispose();

    private MockedRequest Expect(HttpMethod method, Func<HttpResponseMessage> respond) =>
        _network.Expect(method, IssueUrl).Respond(_ =>
        {
            _seen.Add(_time.GetUtcNow());
            return respond();
        });

    private static HttpResponseMessage TooManyRequests(Action<HttpResponseMessage>? configure = null)
    {
        var response = new HttpResponseMessage((HttpStatusCode)429) { Content = new StringContent("{\"errorMessages\":[\"Rate limit exceeded.\"]}") };
        configure?.Invoke(response);
        return response;
    }

    private static HttpResponseMessage Ok() => new(HttpStatusCode.OK) { Content = new StringContent("{\"key\":\"DOCS-1\"}", Encoding.UTF8, "application/json") };

    [Test]
    public async Task RetriesTwice429HonouringRetryAfterSeconds()
    {
        Expect(HttpMethod.Get, () => TooManyRequests(r => r.Headers.Add("Retry-After", "5")));
        Expect(HttpMethod.Get, () => TooManyRequests(r => r.Headers.Add("Retry-After", "7")));
        Expect(HttpMethod.Get, Ok);
        using var http = TestPipeline.Create(_network, _time);

        using var response = await TestPipeline.RunAsync(http.GetAsync("rest/api/3/issue/DOCS-1"), _time);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_seen, Has.Count.EqualTo(3));
        AssertWaited(_seen[1] - _seen[0], TimeSpan.FromSeconds(5));
        AssertWaited(_seen[2] - _seen[1], TimeSpan.FromSeconds(7));
        _network.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task RetriesTwice429HonouringRetryAfterAsHttpDate()
    {
        // An HTTP date has whole seconds, so the wait it asks for is measured from the clock when it was written.
        var asked = new List<TimeSpan>();
        HttpResponseMessage RetryAt(TimeSpan after)
        {
            var now = _seen[^1]; // the instant this response is sent, as the waits are measured
            var date = DateTimeOffset.Parse((now + after).ToString("r"), System.Globalization.CultureInfo.InvariantCulture);
            asked.Add(date - now);
            return TooManyRequests(r => r.Headers.TryAddWithoutValidation("Retry-After", date.ToString("r")));
        }
        Expect(HttpMethod.Get, () => RetryAt(TimeSpan.FromSeconds(10)));
        Expect(HttpMethod.Get, () => RetryAt(TimeSpan.FromSeconds(3)));
        Expect(HttpMethod.Get, Ok);
        using var http = TestPipeline.Create(_network, _time);

        using var response = await TestPipeline.RunAsync(http.GetAsync("rest/api/3/issue/DOCS-1"), _time);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertWaited(_seen[1] - _seen[0], asked[0]);
        AssertWaited(_seen[2] - _seen[1], asked[1]);
    }

    [Test]
    public async Task FallsBackToRateLimitResetWhenThereIsNoRetryAfter()
    {
        // The reset instant has whole seconds, so the wait it asks for is measured from the clock when it was written.
        var asked = TimeSpan.Zero;
        Expect(HttpMethod.Get, () =>
        {
            var now = _seen[^1]; // the instant this response is sent, as the waits are measured
            var reset = (now + TimeSpan.FromSeconds(12)).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
            asked = DateTimeOffset.Parse(reset, System.Globalization.CultureInfo.InvariantCulture) - now;
            return TooManyRequests(r => r.Headers.TryAddWithoutValidation("X-RateLimit-Reset", reset));
        });
        Expect(HttpMethod.Get, Ok);
        using var http = TestPipeline.Create(_network, _time);

        using var response = await TestPipeline.RunAsync(http.GetAsync("rest/api/3/issue/DOCS-1"), _time);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(asked, Is.GreaterThan(TimeSpan.FromSeconds(11)).And.LessThanOrEqualTo(TimeSpan.FromSeconds(12)));
        AssertWaited(_seen[1] - _seen[0], asked);
    }

    [Test]
    public async Task RetryAfterIsAMinimumThatJitterOnlyLengthens()
    {
        Expect(HttpMethod.Get, () => TooManyRequests(r => r.Headers.Add("Retry-After", "4")));
        Expect(HttpMethod.Get, Ok);
        var retry = TestPipeline.NoJitterRetry();
        retry.Random = () => 0.999;
        retry.JitterRatio = 0.5;
        using var http = TestPipeline.Create(_network, _time, retry);

        using var _ = await TestPipeline.RunAsync(http.GetAsync("rest/api/3/issue/DOCS-1"), _time);

        AssertWaited(_seen[1] - _seen[0], TimeSpan.FromSeconds(4 * 1.4995));
    }

    [TestCase("3", 3)]
    [TestCase("3600", 30)]
    public async Task BetaRetryAfterIsAHintReadOnlyWhenNothingElseSaysHowLongAndCappedAtMaxDelay(string beta, int expectedSeconds)
    {
        // Atlassian calls Beta-* headers advisory; a wrong one must not park a call for an hour (MaxDelay is 30 s by default).
        Expect(HttpMethod.Get, () => TooManyRequests(r => r.Headers.TryAddWithoutValidation("Beta-Retry-After", beta)));
        Expect(HttpMethod.Get, Ok);
        using var http = TestPipeline.Create(_network, _time);

        using var response = await TestPipeline.RunAsync(http.GetAsync("rest/api/3/issue/DOCS-1"), _time);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertWaited(_seen[1] - _seen[0], TimeSpan.FromSeconds(expectedSeconds));
    }

    [Test]
    public async Task RetryAfterWinsOverBetaRetryAfter()
    {
        Expect(HttpMethod.Get, () => TooManyRequests(r =>
        {
            r.Headers.Add("Retry-After", "2");
            r.Headers.TryAddWithoutValidation("Beta-Retry-After", "20");
        }));
        Expect(HttpMethod.Get, Ok);
        using var http = TestPipeline.Create(_network, _time);

        using var _ = await TestPipeline.RunAsync(http.GetAsync("rest/api/3/issue/DOCS-1"), _time);

        AssertWaited(_seen[1] - _seen[0], TimeSpan.FromSeconds(2));
    }

    [Test]
    public async Task A429OnPostIsRetriedWithTheSameBody()
    {
        var bodies = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var first = i == 0;
            _network.Expect(HttpMethod.Post, IssueUrl).Respond(async request =>
            {
                bodies.Add(await request.Content!.ReadAsStringAsync());
                return first ? TooManyRequests(r => r.Headers.Add("Retry-After", "1")) : Ok();
            });
        }
        using var http = TestPipeline.Create(_network, _time);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"fields\":{\"summary\":\"Über ✓\"}}")));

        using var response = await TestPipeline.RunAsync(http.PostAsync("rest/api/3/issue/DOCS-1", content), _time);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(bodies, Is.EqualTo(new[] { "{\"fields\":{\"summary\":\"Über ✓\"}}", "{\"fields\":{\"summary\":\"Über ✓\"}}" }));
    }

    [Test]
    public void A503OnPostIsNotRetried()
    {
        Expect(HttpMethod.Post, () => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        using var http = TestPipeline.Create(_network, _time);

        var error = Assert.ThrowsAsync<JiraServerException>(() => http.PostAsync("rest/api/3/issue/DOCS-1", new StringContent("{}")));

        Assert.That(error!.StatusCode, Is.EqualTo(503));
        Assert.That(_seen, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A503OnPostIsRetriedWhenTheCallerOptsIn()
    {
        Expect(HttpMethod.Post, () => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        Expect(HttpMethod.Post, Ok);
        var retry = TestPipeline.NoJitterRetry();
        retry.RetryNonIdempotentRequests = true;
        using var http = TestPipeline.Create(_network, _time, retry);

        using var response = await TestPipeline.RunAsync(http.PostAsync("rest/api/3/issue/DOCS-1", new StringContent("{}")), _time);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertWaited(_seen[1] - _seen[0], TimeSpan.FromSeconds(1));
    }

    [TestCase(502)]
    [TestCase(503)]
    [TestCase(504)]
    public async Task GatewayErrorsOnGetAreRetriedWithExponentialBackoff(int status)
    {
        Expect(HttpMethod.Get, () => new HttpResponseMessage((HttpStatusCode)status));
        Expect(HttpMethod.Get, () => new HttpResponseMessage((HttpStatusCode)status));
        Expect(HttpMethod.Get, Ok);
        using var http = TestPipeline.Create(_network, _time);

        using var response = await TestPipeline.RunAsync(http.GetAsync("rest/api/3/issue/DOCS-1"), _time);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertWaited(_seen[1] - _seen[0], TimeSpan.FromSeconds(1));
        AssertWaited(_seen[2] - _seen[1], TimeSpan.FromSeconds(2));
    }

    [Test]
    public async Task NetworkFailuresOnGetAreRetried()
    {
        _network.Expect(HttpMethod.Get, IssueUrl).Throw(new HttpRequestException("Connection reset"));
        Expect(HttpMethod.Get, Ok);
        using var http = TestPipeline.Create(_network, _time);

        using var response = await TestPipeline.RunAsync(http.GetAsync("rest/api/3/issue/DOCS-1"), _time);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void NetworkFailuresOnPostAreNotRetriedAndSurfaceAsNetworkErrors()
    {
        _network.Expect(HttpMethod.Post, IssueUrl).Throw(new HttpRequestException("Connection reset"));
        using var http = TestPipeline.Create(_network, _time);

        var error = Assert.ThrowsAsync<JiraNetworkException>(() => http.PostAsync("rest/api/3/issue/DOCS-1", new StringContent("{}")));

        Assert.That(error!.InnerException, Is.TypeOf<HttpRequestException>());
        Assert.That(error.RequestMethod, Is.EqualTo("POST"));
        Assert.That(error.RequestPath, Is.EqualTo("/rest/api/3/issue/DOCS-1"));
    }

    [Test]
    public async Task StopsAtMaxAttemptsAndRaisesTheRateLimitError()
    {
        for (var i = 0; i < 3; i++)
            Expect(HttpMethod.Get, () => TooManyRequests(r =>
            {
                r.Headers.Add("Retry-After", "2");
                r.Headers.Add("RateLimit-Reason", "jira-burst-based");
            }));
        using var http = TestPipeline.Create(_network, _time, TestPipeline.NoJitterRetry(maxAttempts: 3));

        var call = http.GetAsync("rest/api/3/issue/DOCS-1");
        var error = Assert.ThrowsAsync<JiraRateLimitException>(async () => await TestPipeline.RunAsync(call, _time));

        Assert.That(_seen, Has.Count.EqualTo(3));
        Assert.That(error!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(error.RateLimitReason, Is.EqualTo("jira-burst-based"));
        Assert.That(error.ErrorMessages, Is.EqualTo(new[] { "Rate limit exceeded." }));
        _network.VerifyNoOutstandingExpectation();
        await Task.CompletedTask;
    }

    [Test]
    public void StopsWhenTheNextWaitWouldExceedTheTotalWaitCap()
    {
        Expect(HttpMethod.Get, () => TooManyRequests(r => r.Headers.Add("Retry-After", "20")));
        Expect(HttpMethod.Get, () => TooManyRequests(r => r.Headers.Add("Retry-After", "20")));
        using var http = TestPipeline.Create(_network, _time, TestPipeline.NoJitterRetry(maxAttempts: 10, maxTotalWait: TimeSpan.FromSeconds(30)));

        var call = http.GetAsync("rest/api/3/issue/DOCS-1");
        var error = Assert.ThrowsAsync<JiraRateLimitException>(async () => await TestPipeline.RunAsync(call, _time));

        Assert.That(_seen, Has.Count.EqualTo(2), "the second 20 s wait would pass the 30 s cap");
        Assert.That(error!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(20)));
    }

    [Test]
    public void A404IsNeverRetried()
    {
        Expect(HttpMethod.Get, () => new HttpResponseMessage(HttpStatusCode.NotFound));
        using var http = TestPipeline.Create(_network, _time);

        Assert.ThrowsAsync<JiraNotFoundException>(() => http.GetAsync("rest/api/3/issue/DOCS-1"));
        Assert.That(_seen, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task CancellingDuringAWaitStopsAtOnce()
    {
        Expect(HttpMethod.Get, () => TooManyRequests(r => r.Headers.Add("Retry-After", "30")));
        using var http = TestPipeline.Create(_network, _time);
        using var cancel = new CancellationTokenSource();

        var call = http.GetAsync("rest/api/3/issue/DOCS-1", cancel.Token);
        for (var i = 0; i < 1000 && _seen.Count == 0; i++) await Task.Delay(1);
        cancel.Cancel();

        Assert.That(async () => await call, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(_seen, Has.Count.EqualTo(1));
    }

    [Test]
    public void EveryAttemptIsAuthenticatedAnew()
    {
        var fake = new FakeBearerHandler();
        var seenTokens = new List<string?>();
        for (var i = 0; i < 2; i++)
        {
            var first = i == 0;
            _network.Expect(HttpMethod.Get, IssueUrl).Respond(request =>
            {
                seenTokens.Add(request.Headers.Authorization?.Parameter);
                return first ? TooManyRequests() : Ok();
            });
        }
        using var http = TestPipeline.Create(_network, _time, authentication: () => fake);

        Assert.That(async () => (await TestPipeline.RunAsync(http.GetAsync("rest/api/3/issue/DOCS-1"), _time)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(seenTokens, Is.EqualTo(new[] { "secret-token-1", "secret-token-2" }));
    }

    private static void AssertWaited(TimeSpan actual, TimeSpan expected) =>
        Assert.That(actual, Is.GreaterThanOrEqualTo(expected).And.LessThan(expected + TimeSpan.FromMilliseconds(500)));
}
