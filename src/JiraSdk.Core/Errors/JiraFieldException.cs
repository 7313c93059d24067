using System.Text.Json;

namespace JiraSdk.Errors;

/// <summary>An issue field holds JSON of another shape than the accessor reads (e.g. a number where a user was expected).</summary>
public class JiraFieldException : JiraException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="fieldId">The field, e.g. <c>summary</c> or <c>customfield_10010</c>.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public JiraFieldException(string fieldId, string message, Exception? innerException = null) : base(message, innerException)
    {
        FieldId = fieldId;
    }

    /// <summary>The field whose value could not be read.</summary>
    public string FieldId { get; }

    internal static JiraFieldException WrongShape(string fieldId, string expected, JsonElement actual) =>
        new(fieldId, $"Field '{fieldId}' should hold {expected} but holds a JSON {actual.ValueKind.ToString().ToLowerInvariant()}.");
}
