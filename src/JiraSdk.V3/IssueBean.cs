namespace JiraSdk.V3;

// Hand-written half of the generated IssueBean: its fields are the SDK's one issue read model (IssueFields, see the
// generator's IssueFieldsProperty), and it is an IJiraIssue like the issues of every other API, so code that reads
// issues serves Cloud and Data Center alike.
public partial class IssueBean : global::JiraSdk.Issues.IJiraIssue
{
}
