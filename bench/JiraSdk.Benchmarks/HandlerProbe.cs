using System.Reflection;

namespace JiraSdk.Benchmarks;

/// <summary>
/// What each handler of the pipeline costs among the others: the pipeline is built once whole and once without each
/// handler in turn, and bytes per GET are compared (part of <c>alloc … breakdown</c>). Also counts first-chance
/// exceptions, which have no place on the path of a successful call.
/// </summary>
internal static class HandlerProbe
{
    public static async Task RunAsync(Uri address, int calls)
    {
        // The pipeline is internal; the probe reaches it by reflection rather than widening the SDK's surface.
        var core = typeof(JiraSdk.Http.JiraTelemetry).Assembly;
        var settingsType = core.GetType("JiraSdk.Http.JiraPipelineSettings", throwOnError: true)!;
        var create = core.GetType("JiraSdk.Http.JiraHttpPipeline", throwOnError: true)!.GetMethod("CreateHandlers", BindingFlags.Public | BindingFlags.Static)!;
        IReadOnlyList<DelegatingHandler> CreateHandlers() => (IReadOnlyList<DelegatingHandler>)create.Invoke(null, [Activator.CreateInstance(settingsType)])!;

        var firstChance = 0;
        EventHandler<System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs> count = (_, _) => Interlocked.Increment(ref firstChance);
        AppDomain.CurrentDomain.FirstChanceException += count;
        try
        {
            for (var without = -1; without < CreateHandlers().Count; without++)
            {
                var handlers = CreateHandlers();
                var kept = handlers.Where((_, i) => i != without).ToList();
                HttpMessageHandler inner = new SocketsHttpHandler();
                for (var i = kept.Count - 1; i >= 0; i--)
                {
                    kept[i].InnerHandler = inner;
                    inner = kept[i];
                }
                using var client = new HttpClient(inner) { BaseAddress = address, Timeout = Timeout.InfiniteTimeSpan };
                for (var i = 0; i < 200; i++) await FetchAsync(client);
                GC.Collect();
                firstChance = 0;
                var before = GC.GetTotalAllocatedBytes(precise: true);
                for (var i = 0; i < calls; i++) await FetchAsync(client);
                var bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
                var name = without < 0 ? "whole pipeline" : "without " + handlers[without].GetType().Name;
                Console.WriteLine($"{name,-44} {bytes / (double)calls,10:N0} B/op   first-chance exceptions: {firstChance}");
            }
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= count;
        }
    }

    /// <summary>GET one issue and read its body, disposing the response so a pooled body returns to its pool.</summary>
    internal static async Task FetchAsync(HttpClient client)
    {
        using var response = await client.GetAsync("rest/api/3/issue/DOCS-1", HttpCompletionOption.ResponseHeadersRead);
        await response.Content.CopyToAsync(Stream.Null);
    }
}
