using Microsoft.Extensions.Logging;

namespace JiraSdk.Tests.Http.Support;

/// <summary>A logger (and its factory, for every category) that keeps each entry, every level enabled.</summary>
internal sealed class CapturingLogger : ILogger, ILoggerFactory
{
    internal sealed record Entry(LogLevel Level, EventId Id, string Message);

    public readonly List<Entry> Entries = new();

    /// <summary>Every message and its structured values, one entry a line: a sink that writes either must not find a secret.</summary>
    public string All { get { lock (Entries) return string.Join("\n", Entries.Select(e => e.Message)); } }

    public IDisposable BeginScope<TState>(TState state) where TState : notnull => null!;
    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => p.Key + "=" + p.Value)) : "";
        lock (Entries) Entries.Add(new Entry(logLevel, eventId, formatter(state, exception) + " | " + values));
    }

    public ILogger CreateLogger(string categoryName) => this;
    public void AddProvider(ILoggerProvider provider) { }
    public void Dispose() { }
}
