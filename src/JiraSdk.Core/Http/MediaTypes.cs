namespace JiraSdk.Http;

/// <summary>
/// Reads a response's media type from its raw <c>Content-Type</c> value: every response passes these checks, and parsing
/// the header into a <see cref="System.Net.Http.Headers.MediaTypeHeaderValue"/> (with its parameters) would cost
/// allocations on each call.
/// </summary>
internal static class MediaTypes
{
    /// <summary>The <c>Content-Type</c> as sent (<c>application/json;charset=UTF-8</c>), or <c>null</c>.</summary>
    public static string? RawContentType(HttpContent content)
    {
#if NET8_0_OR_GREATER
        if (!content.Headers.NonValidated.TryGetValues("Content-Type", out var values)) return null;
        foreach (var value in values) return value;
        return null;
#else
        return content.Headers.ContentType?.ToString();
#endif
    }

    /// <summary>Whether the media type (before any parameter) is <paramref name="type"/>, ignoring case.</summary>
    public static bool Is(string? contentType, string type) =>
        contentType is not null && TypeOf(contentType, out var start, out var length) && length == type.Length
        && string.Compare(contentType, start, type, 0, length, StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary>Whether the media type starts with <paramref name="prefix"/> (<c>text/</c>), ignoring case.</summary>
    public static bool StartsWith(string? contentType, string prefix) =>
        contentType is not null && TypeOf(contentType, out var start, out var length) && length >= prefix.Length
        && string.Compare(contentType, start, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary>Whether the media type ends with <paramref name="suffix"/> (<c>+json</c>), ignoring case.</summary>
    public static bool EndsWith(string? contentType, string suffix) =>
        contentType is not null && TypeOf(contentType, out var start, out var length) && length >= suffix.Length
        && string.Compare(contentType, start + length - suffix.Length, suffix, 0, suffix.Length, StringComparison.OrdinalIgnoreCase) == 0;

    private static bool TypeOf(string contentType, out int start, out int length)
    {
        start = 0;
        while (start < contentType.Length && contentType[start] is ' ' or '\t') start++;
        var end = contentType.IndexOf(';', start);
        if (end < 0) end = contentType.Length;
        while (end > start && contentType[end - 1] is ' ' or '\t') end--;
        length = end - start;
        return length > 0;
    }
}
