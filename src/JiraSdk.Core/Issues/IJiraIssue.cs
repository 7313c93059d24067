namespace JiraSdk.Issues;

/// <summary>
/// An issue, whichever API it came from: the generated <c>IssueBean</c> of REST API v2 and v3 implement it (and so do the
/// issues of webhook events and the polling trigger, which are v3 <c>IssueBean</c>s), so code that only reads issues can
/// serve Cloud and Data Center alike, e.g. over <c>IAsyncEnumerable&lt;IJiraIssue&gt;</c>.
/// </summary>
public interface IJiraIssue
{
    /// <summary>The issue id, e.g. <c>10001</c>.</summary>
    string? Id { get; }

    /// <summary>The issue key, e.g. <c>DOCS-1</c>.</summary>
    string? Key { get; }

    /// <summary>The REST URL of the issue.</summary>
    string? Self { get; }

    /// <summary>The fields Jira returned; <c>null</c> when the request asked for none.</summary>
    IssueFields? Fields { get; }

    /// <summary>Field names by id, when the request expanded <c>names</c> (see <see cref="IssueFieldNames.FromNames"/>).</summary>
    IDictionary<string, string>? Names { get; }
}
