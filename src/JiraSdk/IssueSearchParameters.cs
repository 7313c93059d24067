namespace JiraSdk;

/// <summary>How the facades' searches pass their common parameters to the generated clients.</summary>
internal static class IssueSearchParameters
{
    /// <summary>
    /// The field list as one parameter, comma-separated, as Jira documents <c>fields</c> for both searches (the generated
    /// clients would repeat the parameter per field); a URL stays short with many fields.
    /// </summary>
    public static IEnumerable<string>? Fields(IEnumerable<string>? fields) =>
        fields?.ToList() is { Count: > 0 } list ? [string.Join(",", list)] : null;
}
