namespace JiraSdk.Errors;

internal static class HeaderLookup
{
    /// <summary>The first value of a header, matching the name without regard to case (HTTP header names are case-insensitive).</summary>
    public static string? First(IReadOnlyDictionary<string, IEnumerable<string>> headers, string name)
    {
        if (headers.TryGetValue(name, out var exact)) return exact.FirstOrDefault();
        foreach (var header in headers)
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)) return header.Value.FirstOrDefault();
        return null;
    }
}
