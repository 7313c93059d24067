namespace JiraSdk.Webhooks.Polling;

/// <summary>An issue as of one update: the unit the polling trigger emits once.</summary>
public sealed class PolledIssueVersion : IEquatable<PolledIssueVersion>
{
    /// <summary>Creates a version.</summary>
    public PolledIssueVersion(string issueId, DateTimeOffset updated)
    {
        IssueId = issueId ?? throw new ArgumentNullException(nameof(issueId));
        Updated = updated;
    }

    /// <summary>The issue id.</summary>
    public string IssueId { get; }

    /// <summary>The issue's <c>updated</c> time.</summary>
    public DateTimeOffset Updated { get; }

    /// <inheritdoc />
    public bool Equals(PolledIssueVersion? other) =>
        other is not null && string.Equals(IssueId, other.IssueId, StringComparison.Ordinal) && Updated.UtcTicks == other.Updated.UtcTicks;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PolledIssueVersion);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(IssueId) * 31 + Updated.UtcTicks.GetHashCode();
}

/// <summary>
/// Where the polling trigger got to: the newest <c>updated</c> time it emitted, and the issue versions it emitted near
/// that time (JQL compares to the minute, so the next query overlaps and these are skipped rather than emitted twice).
/// </summary>
public sealed class PollingCursor
{
    /// <summary>Creates a cursor.</summary>
    public PollingCursor(DateTimeOffset watermark, IEnumerable<PolledIssueVersion> seen)
    {
        Watermark = watermark;
        Seen = (seen ?? throw new ArgumentNullException(nameof(seen))).ToArray();
    }

    /// <summary>The newest <c>updated</c> time emitted (or the start time, before anything was).</summary>
    public DateTimeOffset Watermark { get; }

    /// <summary>The issue versions emitted that the next, overlapping query can return again.</summary>
    public IReadOnlyList<PolledIssueVersion> Seen { get; }
}

/// <summary>Keeps polling cursors between polls and across restarts. Implementations must be safe for concurrent use.</summary>
public interface IPollingCursorStore
{
    /// <summary>Loads the cursor saved under <paramref name="key"/>, or <see langword="null"/> when none was.</summary>
    ValueTask<PollingCursor?> LoadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Saves <paramref name="cursor"/> under <paramref name="key"/>, replacing what was there.</summary>
    ValueTask SaveAsync(string key, PollingCursor cursor, CancellationToken cancellationToken);
}

/// <summary>An <see cref="IPollingCursorStore"/> in process memory: polling resumes from "now" after a restart.</summary>
public sealed class InMemoryPollingCursorStore : IPollingCursorStore
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PollingCursor> _cursors = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<PollingCursor?> LoadAsync(string key, CancellationToken cancellationToken) =>
        new(_cursors.TryGetValue(key, out var cursor) ? cursor : null);

    /// <inheritdoc />
    public ValueTask SaveAsync(string key, PollingCursor cursor, CancellationToken cancellationToken)
    {
        _cursors[key] = cursor ?? throw new ArgumentNullException(nameof(cursor));
        return default;
    }
}
