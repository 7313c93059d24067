using System.Globalization;

namespace JiraSdk.Testing.Store;

/// <summary>Jira's wire formats for instants (<c>2026-11-30T10:15:30.000+0000</c>) and dates (<c>2026-12-01</c>).</summary>
internal static class JiraTime
{
    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Drops sub-millisecond precision so a stored instant equals its formatted form.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Reads the instants Jira accepts: ISO 8601 with an offset written <c>+0000</c> or <c>+00:00</c>.</summary>
    public static bool TryParseInstant(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var normalized = text.Trim();
        // Jira writes offsets without a colon (+0000); .NET wants +00:00.
        if (normalized.Length > 5 && (normalized[^5] == '+' || normalized[^5] == '-') && char.IsDigit(normalized[^1]))
            normalized = normalized[..^2] + ":" + normalized[^2..];
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
    }
}
