using System.Globalization;
using System.Text.Json;

namespace JiraSdk.Webhooks.Polling;

/// <summary>
/// The stored form of a <see cref="PollingCursor"/>, shared by the file and Redis stores:
/// <c>{"watermark":"&lt;ISO 8601&gt;","seen":[{"id":"10001","updated":"&lt;ISO 8601&gt;"}]}</c>, culture-invariant.
/// </summary>
internal static class PollingCursorJson
{
    public static byte[] Serialize(PollingCursor cursor)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("watermark", cursor.Watermark.ToString("o", CultureInfo.InvariantCulture));
            writer.WriteStartArray("seen");
            foreach (var version in cursor.Seen)
            {
                writer.WriteStartObject();
                writer.WriteString("id", version.IssueId);
                writer.WriteString("updated", version.Updated.ToString("o", CultureInfo.InvariantCulture));
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <exception cref="FormatException">The text is not a stored cursor.</exception>
    public static PollingCursor Deserialize(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var seen = new List<PolledIssueVersion>();
            if (root.TryGetProperty("seen", out var items) && items.ValueKind == JsonValueKind.Array)
                foreach (var item in items.EnumerateArray())
                    seen.Add(new PolledIssueVersion(item.GetProperty("id").GetString()!, ParseTime(item.GetProperty("updated"))));
            return new PollingCursor(ParseTime(root.GetProperty("watermark")), seen);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentNullException)
        {
            throw new FormatException("The stored polling cursor is not valid: " + e.Message, e);
        }
    }

    private static DateTimeOffset ParseTime(JsonElement value) =>
        DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
