using System.Text;

namespace JiraSdk.Generator;

/// <summary>Identifier rules shared by the normalization steps.</summary>
internal static class Names
{
    /// <summary>
    /// <c>Issue custom field values (apps)</c> → <c>IssueCustomFieldValuesApps</c>; <c>issueIdOrKey</c> → <c>IssueIdOrKey</c>.
    /// Letters after a separator are capitalized, existing capitals are kept, everything but letters and digits is dropped.
    /// </summary>
    public static string Pascal(string text)
    {
        var builder = new StringBuilder(text.Length);
        var upperNext = true;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }
        if (builder.Length > 0 && char.IsDigit(builder[0]))
            builder.Insert(0, '_');
        return builder.ToString();
    }

    /// <summary>
    /// Picks the first of <paramref name="candidate"/> and its suffixed forms that <paramref name="isTaken"/> does not reject.
    /// Words instead of numbers keep the names readable and stable when the spec grows.
    /// </summary>
    public static string Unique(string candidate, Func<string, bool> isTaken)
    {
        if (!isTaken(candidate)) return candidate;
        foreach (var suffix in new[] { "Value", "Details", "Data", "Info", "Item", "Object", "Model", "Entry" })
        {
            if (!isTaken(candidate + suffix)) return candidate + suffix;
        }
        throw new InvalidOperationException($"No free type name for '{candidate}'.");
    }
}
