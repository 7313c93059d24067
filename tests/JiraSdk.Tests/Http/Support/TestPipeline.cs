using JiraSdk.Http;
using Microsoft.Extensions.Time.Testing;

namespace JiraSdk.Tests.Http.Support;

/// <summary>The SDK pipeline over a fake network, with a fake clock that tests advance.</summary>
internal static class TestPipeline
{
    public static readonly Uri Site = new("https://example.atlassian.net/");

    public static JiraRetryOptions NoJitterRetry(int maxAttempts = 4, TimeSpan? maxTotalWait = null) => new()
    {
        MaxAttempts = maxAttempts,
        MaxTotalWait = maxTotalWait ?? TimeSpan.FromSeconds(60),
        Random = () => 0,
    };

    public static HttpClient Create(HttpMessageHandler network, FakeTimeProvider time, JiraRetryOptions? retry = null,
        TimeSpan? timeout = null, Func<DelegatingHandler?>? authentication = null, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null)
    {
        var settings = new JiraPipelineSettings
        {
            Retry = retry ?? NoJitterRetry(),
            Timeout = timeout ?? TimeSpan.FromSeconds(100),
            Time = time,
            CreateAuthenticationHandler = authentication,
        };
        if (loggerFactory is not null) settings.LoggerFactory = loggerFactory;
        return new HttpClient(JiraHttpPipeline.Chain(JiraHttpPipeline.CreateHandlers(settings), network))
        {
            BaseAddress = Site,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Awaits <paramref name="task"/>, moving the fake clock forward in small steps while it waits on it.</summary>
    public static async Task<T> RunAsync<T>(Task<T> task, FakeTimeProvider time, TimeSpan? step = null)
    {
        var advance = step ?? TimeSpan.FromMilliseconds(250);
        for (var i = 0; i < 100_000 && !task.IsCompleted; i++)
        {
            await Task.Delay(1);
            if (!task.IsCompleted) time.Advance(advance);
        }
        return await task;
    }

    /// <summary>Awaits <paramref name="task"/> like <see cref="RunAsync{T}"/> for tasks without a result.</summary>
    public static async Task RunAsync(Task task, FakeTimeProvider time, TimeSpan? step = null) =>
        await RunAsync(task.ContinueWith(t => { t.GetAwaiter().GetResult(); return 0; }, TaskScheduler.Default), time, step);
}

/// <summary>Stands in for the authentication handler the Auth area provides: sets a bearer header on each attempt.</summary>
internal sealed class FakeBearerHandler : DelegatingHandler
{
    public int Calls;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Calls++;
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "secret-token-" + Calls);
        return base.SendAsync(request, cancellationToken);
    }
}
