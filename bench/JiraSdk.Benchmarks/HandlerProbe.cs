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

    /// <summary>
    /// Time of a GET with each handler left out in turn, and with the primary handler's decompression off, against the
    /// whole pipeline in alternating rounds (part of <c>time … breakdown</c>): ratios below 1 are what a handler costs.
    /// </summary>
    public static async Task TimeAsync(Uri address, int rounds)
    {
        var core = typeof(JiraSdk.Http.JiraTelemetry).Assembly;
        var settingsType = core.GetType("JiraSdk.Http.JiraPipelineSettings", throwOnError: true)!;
        var pipeline = core.GetType("JiraSdk.Http.JiraHttpPipeline", throwOnError: true)!;
        var create = pipeline.GetMethod("CreateHandlers", BindingFlags.Public | BindingFlags.Static)!;
        var primary = pipeline.GetMethod("CreatePrimaryHandler", BindingFlags.Public | BindingFlags.Static)!;
        IReadOnlyList<DelegatingHandler> CreateHandlers() => (IReadOnlyList<DelegatingHandler>)create.Invoke(null, [Activator.CreateInstance(settingsType)])!;
        HttpClient Build(int without, bool decompression)
        {
            var handlers = CreateHandlers();
            HttpMessageHandler inner = decompression ? (HttpMessageHandler)primary.Invoke(null, null)! : new SocketsHttpHandler { AllowAutoRedirect = false };
            for (var i = handlers.Count - 1; i >= 0; i--)
            {
                if (i == without) continue;
                handlers[i].InnerHandler = inner;
                inner = handlers[i];
            }
            return new HttpClient(inner) { BaseAddress = address, Timeout = Timeout.InfiniteTimeSpan };
        }
        var names = CreateHandlers().Select(h => h.GetType().Name).ToList();
        var whole = Build(-1, decompression: true);
        var variants = names.Select((name, i) => ("without " + name, Build(i, decompression: true)))
            .Append(("without decompression", Build(-1, decompression: false)))
            .Append(("no handlers, no decompression", new HttpClient(new SocketsHttpHandler()) { BaseAddress = address }));
        foreach (var (name, client) in variants)
        {
            for (var i = 0; i < 300; i++)
            {
                await FetchAsync(whole);
                await FetchAsync(client);
            }
            var ratios = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                for (var i = 0; i < 100; i++) await FetchAsync(whole);
                var w = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
                started = System.Diagnostics.Stopwatch.GetTimestamp();
                for (var i = 0; i < 100; i++) await FetchAsync(client);
                ratios.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds / w);
            }
            ratios.Sort();
            Console.WriteLine($"{name,-44} time vs whole pipeline: {ratios[ratios.Count / 2]:N3} (quartiles {ratios[ratios.Count / 4]:N3}–{ratios[ratios.Count * 3 / 4]:N3})");
        }
    }

    /// <summary>
    /// Deserializes <paramref name="body"/> as the generated clients do: with the body made current (Utf8JsonInput, internal,
    /// reached by reflection), so issue fields are copied from it rather than re-read through a document.
    /// </summary>
    internal static Func<byte[], System.Text.Json.JsonSerializerOptions, T?> DeserializerLikeTheClients<T>()
    {
        var enter = typeof(JiraSdk.Http.JiraTelemetry).Assembly.GetType("JiraSdk.Serialization.Utf8JsonInput", throwOnError: true)!
            .GetMethod("Enter", BindingFlags.Public | BindingFlags.Static)!;
        return (body, options) =>
        {
            using ((IDisposable)enter.Invoke(null, [new ReadOnlyMemory<byte>(body)])!)
                return System.Text.Json.JsonSerializer.Deserialize<T>(body, options);
        };
    }

    /// <summary>GET one issue and read its body, disposing the response so a pooled body returns to its pool.</summary>
    internal static async Task FetchAsync(HttpClient client)
    {
        using var response = await client.GetAsync("rest/api/3/issue/DOCS-1", HttpCompletionOption.ResponseHeadersRead);
        await response.Content.CopyToAsync(Stream.Null);
    }
}
