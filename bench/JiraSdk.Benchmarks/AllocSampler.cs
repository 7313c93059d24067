using System.Diagnostics.Tracing;

namespace JiraSdk.Benchmarks;

/// <summary>
/// Which types a probe allocates, sampled from the runtime's <c>GCAllocationTick</c> events (one per ~100 KB allocated,
/// charged to the type that crossed the mark): a rough picture over many calls, not an exact count.
/// </summary>
internal sealed class AllocSampler : EventListener
{
    private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);

    public bool On { get; set; }

    /// <summary>The sampled types, largest share first, and forgets them.</summary>
    public List<KeyValuePair<string, long>> Take(int count)
    {
        lock (_bytes)
        {
            var top = _bytes.OrderByDescending(pair => pair.Value).Take(count).ToList();
            _bytes.Clear();
            return top;
        }
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!On || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null || e.Payload is null) return;
        var type = e.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        lock (_bytes) _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
    }
}
