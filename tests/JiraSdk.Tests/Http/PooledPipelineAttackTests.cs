using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using JiraSdk.Errors;
using JiraSdk.Http;
using JiraSdk.Serialization;
using JiraSdk.V3;

namespace JiraSdk.Tests.Http;

/// <summary>
/// The pooled pipeline (PooledValueTaskMethodBuilder, reused deadlines, one switch object per request) under load and
/// misuse, black box through the generated client: no result crosses between calls, no call hangs, no flow leaks.
/// Real time (TimeProvider.System), as deadlines are only reset and reused with the system's timers.
/// </summary>
public class PooledPipelineAttackTests
{
    private static readonly Uri Site = new("https://example.atlassian.net/");

    /// <summary>An in-process network answering <c>GET rest/api/3/issue/{key}</c> as the key asks.</summary>
    private sealed class KeyedNetwork : HttpMessageHandler
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _attempts = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var key = request.RequestUri!.AbsolutePath.Split('/').Last();
            var n = int.Parse(key.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture);
            var attempt = _attempts.AddOrUpdate(key, 1, (_, a) => a + 1);
            await Task.Delay(n % 3, cancellationToken).ConfigureAwait(false); // 0 ms completes at once: some calls never wait
            if (n % 11 == 0 || n % 13 == 0) await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false); // times out / cancelled
            if (n % 5 == 0 && attempt == 1)
                return new HttpResponseMessage((HttpStatusCode)429) { Headers = { { "Retry-After", "0" } }, Content = Json("{}") };
            if (n % 7 == 0 && attempt == 1)
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = Json("{}") };
            if (n % 17 == 0) return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = Json("""{"errorMessages":["Issue """ + key + """ does not exist"]}""") };
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = Json("""{"id":"__ID__","key":"__KEY__","fields":{"summary":"summary of __KEY__","customfield_1":{"k":"__KEY__"}}}"""
                    .Replace("__ID__", n.ToString(System.Globalization.CultureInfo.InvariantCulture)).Replace("__KEY__", key)),
            };
        }

        private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
    }

    private static HttpClient Pipeline(HttpMessageHandler network, TimeSpan timeout) => Pipeline(network, timeout, out _);

    private static HttpClient Pipeline(HttpMessageHandler network, TimeSpan timeout, out TimeoutHandler deadlines,
        Microsoft.Extensions.Logging.ILoggerFactory? logging = null)
    {
        var settings = new JiraPipelineSettings
        {
            Retry = new JiraRetryOptions { MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), JitterRatio = 0 },
            Timeout = timeout,
            Time = TimeProvider.System,
        };
        if (logging is not null) settings.LoggerFactory = logging;
        var handlers = JiraHttpPipeline.CreateHandlers(settings);
        deadlines = handlers.OfType<TimeoutHandler>().Single();
        return new HttpClient(JiraHttpPipeline.Chain(handlers, network)) { BaseAddress = Site, Timeout = Timeout.InfiniteTimeSpan };
    }

    // How many ended deadlines wait to be reused: the tests on reuse prove nothing unless there are some.
    private static int SpareDeadlines(TimeoutHandler handler) => handler.SpareDeadlineCount;

    [Test]
    public async Task HundredsOfConcurrentCallsWithRetriesTimeoutsAndCancellationsEachGetTheirOwnOutcome()
    {
        using var http = Pipeline(new KeyedNetwork(), TimeSpan.FromSeconds(2));
        var api = new JiraApiV3(http);

        for (var round = 0; round < 2; round++)
        {
            var calls = Enumerable.Range(1, 300).Select(async n =>
            {
                var key = "K-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                using var caller = new CancellationTokenSource();
                if (n % 13 == 0 && n % 11 != 0) caller.CancelAfter(50);
                // Every fourth call starts on a thread of its own that then blocks on it, as a synchronous caller does.
                Task<IssueBean> call = n % 4 == 0
                    ? Task.Factory.StartNew(() => { var t = api.Issues.GetIssueAsync(key, cancellationToken: caller.Token); ((IAsyncResult)t).AsyncWaitHandle.WaitOne(); return t; },
                        CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()
                    : api.Issues.GetIssueAsync(key, cancellationToken: caller.Token);
                try
                {
                    var issue = await call;
                    return (n, Outcome: "ok:" + issue.Key + ":" + issue.Id + ":" + (string?)issue.Fields!["summary"]?.ToString());
                }
                catch (JiraTimeoutException) { return (n, Outcome: "timeout"); }
                catch (OperationCanceledException) { return (n, Outcome: "cancelled"); }
                catch (JiraNotFoundException e) { return (n, Outcome: "404:" + e.Message.Contains(key + " ", StringComparison.Ordinal)); }
            }).ToArray();

            var all = Task.WhenAll(calls);
            Assert.That(await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(60))), Is.SameAs(all), "a call hung");
            foreach (var (n, outcome) in await all)
            {
                var key = "K-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var expected = n % 11 == 0 ? "timeout" : n % 13 == 0 ? "cancelled" : n % 17 == 0 ? "404:True" : $"ok:{key}:{n}:summary of {key}";
                Assert.That(outcome, Is.EqualTo(expected), key);
            }
        }
    }

    [Test]
    public async Task ACallersTokenCancelledAfterItsCallDoesNotCancelLaterCallsThatReuseItsDeadline()
    {
        var gate = new SemaphoreSlim(0);
        using var http = Pipeline(new Stub(async (request, token) =>
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/slow", StringComparison.Ordinal)) await gate.WaitAsync(token);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        }), TimeSpan.FromSeconds(30), out var deadlines);
        var earlier = Enumerable.Range(0, 40).Select(_ => new CancellationTokenSource()).ToList();
        foreach (var source in earlier)
            (await http.GetAsync("rest/api/3/fast", source.Token)).Dispose();
        Assert.That(SpareDeadlines(deadlines), Is.GreaterThan(0), "deadlines are kept for reuse");

        var later = Enumerable.Range(0, 40).Select(_ => http.GetAsync("rest/api/3/slow")).ToList();
        await Task.Delay(20);
        foreach (var source in earlier) source.Cancel();
        gate.Release(40);

        foreach (var call in later)
            using (var response = await call)
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AReusedDeadlineStillFires()
    {
        using var http = Pipeline(new Stub(async (request, token) =>
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/stall", StringComparison.Ordinal)) await Task.Delay(Timeout.Infinite, token);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        }), TimeSpan.FromMilliseconds(300), out var deadlines);
        for (var i = 0; i < 50; i++) (await http.GetAsync("rest/api/3/fast")).Dispose();
        Assert.That(SpareDeadlines(deadlines), Is.GreaterThan(0), "deadlines are kept for reuse");

        var watch = Stopwatch.StartNew();
        var stalled = http.GetAsync("rest/api/3/stall");
        Assert.That(await Task.WhenAny(stalled, Task.Delay(TimeSpan.FromSeconds(20))), Is.SameAs(stalled), "the deadline never fired");
        Assert.ThrowsAsync<JiraTimeoutException>(async () => await stalled);
        Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250)), "fired early: an old timer");
    }

    private sealed class Stub(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => answer(request, cancellationToken);
    }

    [Test]
    public async Task ActivityCurrentAndAsyncLocalsNeitherLeakIntoTheCallerNorIntoOtherThreads()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == JiraTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var completers = new System.Collections.Concurrent.ConcurrentBag<Activity?>();
        using var http = Pipeline(new Stub(async (request, token) =>
        {
            await Task.Yield();
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        }), TimeSpan.FromSeconds(30));

        using var parent = new Activity("caller").Start();
        var inner = new List<string?>();
        await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ =>
        {
            using var response = await http.GetAsync("rest/api/3/myself");
            Assert.That(Activity.Current, Is.SameAs(parent), "after the call, in the caller");
        }));
        Assert.That(Activity.Current, Is.SameAs(parent));

        // Thread-pool threads that ran the pipeline's continuations carry no Jira activity afterwards.
        var seen = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => Activity.Current)));
        Assert.That(seen.Where(a => a is not null && a != parent).Select(a => a!.OperationName), Is.Empty);

        // A call started where there is no activity at all, with flow suppressed, completing on another thread.
        parent.Stop();
        Assert.That(Activity.Current, Is.Null);
        Task<HttpResponseMessage> suppressed;
        using (ExecutionContext.SuppressFlow()) suppressed = Task.Run(() => http.GetAsync("rest/api/3/myself"));
        (await suppressed).Dispose();
        Assert.That(Activity.Current, Is.Null);
        var after = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => Activity.Current)));
        Assert.That(after.Where(a => a is not null).Select(a => a!.OperationName), Is.Empty);
    }

    [Test]
    public async Task AsyncLocalSetByTheCallerIsSeenByTheNetworkAndRestoredAfter()
    {
        var flow = new AsyncLocal<string?>();
        var seenByNetwork = new System.Collections.Concurrent.ConcurrentBag<string?>();
        using var http = Pipeline(new Stub(async (request, token) =>
        {
            seenByNetwork.Add(flow.Value + "|" + request.RequestUri!.Query);
            await Task.Yield();
            seenByNetwork.Add(flow.Value + "|" + request.RequestUri!.Query);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        }), TimeSpan.FromSeconds(30));

        await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            flow.Value = "call" + i;
            using var response = await http.GetAsync("rest/api/3/myself?c=" + i);
            Assert.That(flow.Value, Is.EqualTo("call" + i));
        }));
        Assert.That(seenByNetwork.Where(s => s!.Split('|')[0] != "call" + s.Split('|')[1].Substring(3)), Is.Empty);
    }

    [Test]
    public void NullArgumentsAndCancellationBeforeTheCallFailTheTaskNotTheCaller()
    {
        using var http = Pipeline(new Stub((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK))), TimeSpan.FromSeconds(30));
        var api = new JiraApiV3(http);

        var nullKey = api.Issues.GetIssueAsync(null!); // does not throw here
        Assert.That(nullKey.IsFaulted, Is.True);
        Assert.That(async () => await nullKey, Throws.ArgumentNullException);

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var call = api.Issues.GetIssueAsync("K-1", cancellationToken: cancelled.Token);
        Assert.That(async () => await call, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(call.IsCanceled, Is.True);
        // The pooled state of the failed call is not shared with the next one.
        for (var i = 0; i < 50; i++) Assert.That(api.Issues.GetIssueAsync(null!).Exception!.InnerException, Is.TypeOf<ArgumentNullException>());
    }

    [Test]
    public async Task FireAndForgetCallsAndTasksAwaitedTwiceDoNotDisturbOtherCalls()
    {
        using var http = Pipeline(new KeyedNetwork(), TimeSpan.FromSeconds(30));
        var api = new JiraApiV3(http);
        for (var i = 0; i < 50; i++) _ = api.Issues.GetIssueAsync("K-" + (i * 2 + 1)); // never awaited
        var twice = api.Issues.GetIssueAsync("K-2");
        Assert.That((await twice).Key, Is.EqualTo("K-2"));
        Assert.That((await twice).Key, Is.EqualTo("K-2"), "a Task may be awaited again");
        var keys = await Task.WhenAll(Enumerable.Range(100, 60).Where(n => n % 5 != 0 && n % 7 != 0 && n % 11 != 0 && n % 13 != 0 && n % 17 != 0)
            .Select(async n => (n, (await api.Issues.GetIssueAsync("K-" + n)).Key)));
        Assert.That(keys.Where(k => k.Key != "K-" + k.n), Is.Empty);
    }

    [TestCase("""{"a\"b":1,"c\\":2,"\\\"":3,"":4,"\u0041\u00e9":5,"x\/y":6,"  sp ace  ":7,"k:v":8,"\\":9,"q\"":10}""")]
    [TestCase("""{ "a\"b" : "v\"," , "c\\"  :  {"n\\":"\\"} ,"\\\"" :[ "\"" ] , "" :"", "\u0022" : null , "é" : true }""")]
    [TestCase("{\n\t\"\\\\\\\\\"\t:\t1\r\n,\n\"\\\"\\\"\":\"\\\\\"\n}")]
    public void PropertyNamesWithEscapesAreFoundAgainFromTheirValues(string json)
    {
        var index = Utf8JsonObject.FromUtf8(Encoding.UTF8.GetBytes(json));
        using var document = JsonDocument.Parse(json);
        var expected = document.RootElement.EnumerateObject().ToList();

        Assert.That(index.Count, Is.EqualTo(expected.Count));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.That(index.NameAt(i), Is.EqualTo(expected[i].Name), $"name {i}");
            Assert.That(index.IndexOf(expected[i].Name), Is.EqualTo(i), $"index of {expected[i].Name}");
            Assert.That(index.KindAt(i), Is.EqualTo(expected[i].Value.ValueKind), $"kind {i}");
            Assert.That(((JsonElement)index.ElementAt(i)).GetRawText(), Is.EqualTo(expected[i].Value.GetRawText()), $"value {i}");
        }
    }

    /// <summary>A caller's context that never runs what is posted to it, as a UI thread blocked on a call.</summary>
    private sealed class BlockedContext : SynchronizationContext
    {
        public int Posted;

        public override void Post(SendOrPostCallback d, object? state) => Interlocked.Increment(ref Posted);

        public override void Send(SendOrPostCallback d, object? state) => Interlocked.Increment(ref Posted);
    }

    [Test]
    public void ACallerBlockingUnderASingleThreadedContextIsNotDeadlocked()
    {
        using var http = Pipeline(new KeyedNetwork(), TimeSpan.FromSeconds(30));
        var api = new JiraApiV3(http);
        var context = new BlockedContext();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            foreach (var n in new[] { 1, 2, 3, 5, 7 }) // at once, after waits, after a 429 and a 503
            {
                var call = api.Issues.GetIssueAsync("K-" + n);
                Assert.That(((IAsyncResult)call).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(20)), Is.True, "nothing may wait for the caller's context");
                Assert.That(call.Result.Key, Is.EqualTo("K-" + n));
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
        Assert.That(context.Posted, Is.Zero);
    }

    [Test]
    public async Task ConcurrentOperationsWithoutAResultCompleteEachOnce()
    {
        var deleted = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var http = Pipeline(new Stub(async (request, token) =>
        {
            await Task.Delay(request.RequestUri!.AbsolutePath.Length % 3, token);
            deleted.Add(request.RequestUri!.AbsolutePath.Split('/').Last());
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }), TimeSpan.FromSeconds(30));
        var api = new JiraApiV3(http);

        await Task.WhenAll(Enumerable.Range(1, 200).Select(n => api.Issues.DeleteIssueAsync("K-" + n)));

        Assert.That(deleted.OrderBy(k => k, StringComparer.Ordinal), Is.EqualTo(Enumerable.Range(1, 200).Select(n => "K-" + n).OrderBy(k => k, StringComparer.Ordinal)));
        var failed = api.Issues.DeleteIssueAsync(null!);
        Assert.That(failed.IsFaulted && failed.Exception!.InnerException is ArgumentNullException, Is.True);
    }

    /// <summary>Keeps each entry with the caller's scope at the time it was written (scopes flow as async locals do).</summary>
    private sealed class ScopeLogger : Microsoft.Extensions.Logging.ILogger, Microsoft.Extensions.Logging.ILoggerFactory
    {
        private readonly AsyncLocal<string?> _scope = new();
        public readonly System.Collections.Concurrent.ConcurrentBag<(string? Scope, string Message)> Entries = new();

        private sealed class Pop(Action pop) : IDisposable
        {
            public void Dispose() => pop();
        }

        public IDisposable BeginScope<TState>(TState state) where TState : notnull
        {
            var outer = _scope.Value;
            _scope.Value = state.ToString();
            return new Pop(() => _scope.Value = outer);
        }

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((_scope.Value, formatter(state, exception)));

        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => this;
        public void AddProvider(Microsoft.Extensions.Logging.ILoggerProvider provider) { }
        public void Dispose() { }
    }

    [Test]
    public async Task EachCallsLogEntriesCarryItsCallersScope()
    {
        var logger = new ScopeLogger();
        using var http = Pipeline(new Stub(async (request, token) =>
        {
            await Task.Delay(request.RequestUri!.AbsolutePath.Length % 3, token).ConfigureAwait(false);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        }), TimeSpan.FromSeconds(30), out _, logger);

        await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            using (logger.BeginScope("call" + i))
            {
                using var response = await http.GetAsync("rest/api/3/issue/C" + i);
            }
        }));

        var written = logger.Entries.Where(e => e.Message.Contains("/issue/C", StringComparison.Ordinal)).ToList();
        Assert.That(written, Has.Count.GreaterThanOrEqualTo(200), "started and answered, each call");
        Assert.That(written.Where(e => e.Scope is null || !e.Message.Contains("/issue/C" + e.Scope.Substring(4) + " ", StringComparison.Ordinal)),
            Is.Empty, "an entry written under another call's scope");
    }

    [Test]
    public async Task IssueFieldNamesWithEscapesReadThroughTheGeneratedClient()
    {
        const string fields = """{"a\"b":1,"c\\":2,"":3,"\u0041\u00e9":4,"x\/y":5,"  sp ace  " : 6,"k:v":7,"\\\"":8,"customfield_1":{"n\"":"\\"}}""";
        using var http = Pipeline(new Stub((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("""{"key":"K-1","fields":""" + fields + "}", Encoding.UTF8, "application/json"),
        })), TimeSpan.FromSeconds(30));

        var issue = await new JiraApiV3(http).Issues.GetIssueAsync("K-1");

        using var expected = JsonDocument.Parse(fields);
        Assert.That(issue.Fields!.Keys, Is.EqualTo(expected.RootElement.EnumerateObject().Select(p => p.Name)));
        foreach (var property in expected.RootElement.EnumerateObject())
            Assert.That(((JsonElement)issue.Fields[property.Name]!).GetRawText(), Is.EqualTo(property.Value.GetRawText()), property.Name);
    }

    [Test]
    public async Task CancellingRightAsACallCompletesNeverReachesTheNextCall()
    {
        using var http = Pipeline(new Stub(async (request, token) =>
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/yield", StringComparison.Ordinal)) await Task.Yield();
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        }), TimeSpan.FromSeconds(30), out var deadlines);

        var reused = 0;
        for (var i = 0; i < 1500; i++)
        {
            using var caller = new CancellationTokenSource();
            var racing = http.GetAsync(i % 2 == 0 ? "rest/api/3/yield" : "rest/api/3/now", caller.Token);
            var spin = i % 50;
            await Task.Run(() => { Thread.SpinWait(spin * 20); caller.Cancel(); });
            try { (await racing).Dispose(); } catch (OperationCanceledException) { }
            reused += SpareDeadlines(deadlines) > 0 ? 1 : 0;

            using var next = await http.GetAsync("rest/api/3/yield"); // throws if handed a cancelled deadline
            Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        Assert.That(reused, Is.GreaterThan(0), "some racing calls ended before the cancel and left their deadline to reuse");
    }

    /// <summary>A body that gives its bytes after a pause, or never.</summary>
    private sealed class SlowBody(TimeSpan pause, bool stalls) : Stream
    {
        private bool _done;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_done) return 0;
            await Task.Delay(stalls ? Timeout.InfiniteTimeSpan : pause, cancellationToken).ConfigureAwait(false);
            _done = true;
            buffer.Span[0] = 42;
            return 1;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    [Test]
    public async Task AStreamedDownloadKeepsItsOwnDeadlineWhileOtherCallsReuseTheirs()
    {
        using var http = Pipeline(new Stub((request, _) =>
        {
            var path = request.RequestUri!.AbsolutePath;
            HttpContent content = path.Contains("/attachment/", StringComparison.Ordinal)
                ? new StreamContent(new SlowBody(TimeSpan.FromMilliseconds(200), stalls: path.EndsWith("/stall", StringComparison.Ordinal)))
                : new StringContent("{}", Encoding.UTF8, "application/json");
            if (content is StreamContent) content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }), TimeSpan.FromMilliseconds(1500), out var deadlines);

        using var slow = await http.GetAsync("rest/api/3/attachment/content/1", HttpCompletionOption.ResponseHeadersRead);
        var watch = Stopwatch.StartNew();
        using var stalled = await http.GetAsync("rest/api/3/attachment/content/stall", HttpCompletionOption.ResponseHeadersRead);
        // Other calls meanwhile end their deadlines and reuse them, many times over.
        for (var i = 0; i < 200; i++) (await http.GetAsync("rest/api/3/myself")).Dispose();
        Assert.That(SpareDeadlines(deadlines), Is.GreaterThan(0));

        Assert.That(await slow.Content.ReadAsByteArrayAsync(), Is.EqualTo(new byte[] { 42 }), "read within its deadline");
        var stalledRead = stalled.Content.ReadAsByteArrayAsync();
        Assert.That(await Task.WhenAny(stalledRead, Task.Delay(TimeSpan.FromSeconds(20))), Is.SameAs(stalledRead), "the body's deadline never fired");
        Assert.ThrowsAsync<JiraTimeoutException>(async () => await stalledRead);
        Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(1400)), "fired early");
    }

    [Test]
    public async Task OverRealSocketsConcurrentCallsKeepTheirOwnOutcomesAcrossRounds()
    {
        await using var server = JiraSdk.Tests.Support.LoopbackServer.Start(async context =>
        {
            var key = context.Request.Url!.AbsolutePath.Split('/').Last();
            var n = int.Parse(key.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture);
            if (n % 9 == 0) await Task.Delay(3000); // past the deadline
            await JiraSdk.Tests.Support.LoopbackServer.WriteAsync(context.Response, 200, "{\"id\":\"" + n + "\",\"key\":\"" + key + "\"}");
        });
        using var jira = new JiraClient(new JiraClientOptions
        {
            SiteUrl = server.BaseUri,
            Timeout = TimeSpan.FromSeconds(1),
            Retry = JiraRetryOptions.None,
        });

        for (var round = 0; round < 3; round++)
        {
            var outcomes = await Task.WhenAll(Enumerable.Range(1, 60).Select(async n =>
            {
                try
                {
                    var issue = await jira.V3.Issues.GetIssueAsync("R-" + n);
                    return (n, Outcome: issue.Key + "/" + issue.Id);
                }
                catch (JiraTimeoutException)
                {
                    return (n, Outcome: "timeout");
                }
            }));
            foreach (var (n, outcome) in outcomes)
                Assert.That(outcome, Is.EqualTo(n % 9 == 0 ? "timeout" : $"R-{n}/{n}"), $"round {round}");
        }
    }

    /// <summary>A network that answers synchronous sends too, and notes the credentials each carried.</summary>
    private sealed class SyncCapableNetwork : HttpMessageHandler
    {
        public readonly List<string?> Authorizations = new();

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Authorizations) Authorizations.Add(request.Headers.Authorization?.ToString());
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(Send(request, cancellationToken));
    }

    [Test]
    public async Task ASynchronousSendIsRefusedInsteadOfSkippingEveryStep()
    {
        // HttpClient.Send passes a request down through each DelegatingHandler's Send, which none of the pipeline's steps
        // implement: the request reached the network with no credentials, no deadline, no retry and no error mapping.
        var network = new SyncCapableNetwork();
        using var http = JiraSdk.Tests.Http.Support.TestPipeline.Create(network, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(),
            authentication: () => new JiraSdk.Tests.Http.Support.FakeBearerHandler());

        var refused = Assert.Throws<NotSupportedException>(() => http.Send(new HttpRequestMessage(HttpMethod.Get, "rest/api/3/myself")));
        Assert.That(refused!.Message, Does.Contain("SendAsync"));
        Assert.That(network.Authorizations, Is.Empty, "nothing was sent");

        using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "rest/api/3/myself"));
        Assert.That(network.Authorizations, Is.EqualTo(new[] { "Bearer secret-token-1" }), "the asynchronous send goes through every step");
    }

    [Test]
    public async Task ThePublicAuthenticationHandlerRefusesASynchronousSendInsteadOfSendingWithoutCredentials()
    {
        var network = new SyncCapableNetwork();
        using var http = new HttpClient(new JiraSdk.Auth.JiraAuthenticationHandler(JiraSdk.Auth.JiraAuthentication.PersonalAccessToken("secret-token"), network))
        {
            BaseAddress = Site,
        };

        Assert.Throws<NotSupportedException>(() => http.Send(new HttpRequestMessage(HttpMethod.Get, "rest/api/3/myself")));
        Assert.That(network.Authorizations, Is.Empty, "nothing was sent");

        using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "rest/api/3/myself"));
        Assert.That(network.Authorizations, Is.EqualTo(new[] { "Bearer secret-token" }));
    }

    [Test]
    public async Task DeadlinesFiringRightAsCallsCompleteEndEachCallOneWayOrTheOther()
    {
        using var http = Pipeline(new Stub(async (request, token) =>
        {
            var n = int.Parse(request.RequestUri!.AbsolutePath.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
            if (n >= 0) await Task.Delay(TimeSpan.FromMilliseconds(40 + n % 20), token).ConfigureAwait(false); // around the 50 ms deadline
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"n\":" + n + "}", Encoding.UTF8, "application/json") };
        }), TimeSpan.FromMilliseconds(50));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 300).Select(async n =>
        {
            try
            {
                using var response = await http.GetAsync("rest/api/3/n/" + n);
                return await response.Content.ReadAsStringAsync() == "{\"n\":" + n + "}" ? "ok" : "crossed";
            }
            catch (JiraTimeoutException)
            {
                return "timeout";
            }
            catch (Exception other)
            {
                return other.GetType().Name;
            }
        }));
        Assert.That(outcomes.Where(o => o != "ok" && o != "timeout"), Is.Empty);

        // Afterwards, calls that answer at once all succeed, whichever deadlines they are handed.
        var after = await Task.WhenAll(Enumerable.Range(0, 300).Select(async _ => (await http.GetAsync("rest/api/3/n/-1")).StatusCode));
        Assert.That(after.Distinct(), Is.EqualTo(new[] { HttpStatusCode.OK }));
    }

    [Test]
    public async Task ATimeoutBeyondWhatTimersTakeIsRefusedWhenTheClientIsMadeNotOnEveryCall()
    {
        // TimeSpan.MaxValue, meant as "no limit", made every call fail with the token source's bare "delay" error.
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => new JiraClient(new JiraClientOptions { SiteUrl = Site, Timeout = TimeSpan.MaxValue }));
        Assert.That(refused!.Message, Does.Contain("InfiniteTimeSpan"));

        await using var server = JiraSdk.Tests.Support.LoopbackServer.Start(context => JiraSdk.Tests.Support.LoopbackServer.WriteAsync(context.Response, 200, "{}"));
        using var longest = new JiraClient(new JiraClientOptions { SiteUrl = server.BaseUri, Timeout = TimeSpan.FromMilliseconds(uint.MaxValue - 1) });
        using var document = await longest.SendAsync(HttpMethod.Get, "rest/api/3/myself");
        Assert.That(document, Is.Not.Null);
    }

    [Test]
    public async Task DisposingTheClientWithCallsInFlightEndsThemAllAndLaterCallsAreRefused()
    {
        var http = Pipeline(new Stub(async (request, token) =>
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/stall", StringComparison.Ordinal)) await Task.Delay(Timeout.Infinite, token).ConfigureAwait(false);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        }), TimeSpan.FromSeconds(30));
        for (var i = 0; i < 20; i++) (await http.GetAsync("rest/api/3/fast")).Dispose(); // deadlines kept for reuse
        var stalled = Enumerable.Range(0, 50).Select(_ => http.GetAsync("rest/api/3/stall")).ToArray();
        await Task.Delay(20);

        http.Dispose();

        var all = Task.WhenAll(stalled.Select(async call =>
        {
            try { (await call).Dispose(); }
            catch (Exception) { } // cancelled by the disposal: how it ends is HttpClient's; that it ends is checked
        }));
        Assert.That(await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(20))), Is.SameAs(all), "a call hung after the client was disposed");
        Assert.That(stalled.Where(call => call.IsCompletedSuccessfully), Is.Empty);
        Assert.ThrowsAsync<ObjectDisposedException>(() => http.GetAsync("rest/api/3/fast"));
    }
}
