using System.Text.Json;
using JiraSdk.Errors;
using JiraSdk.RichText;

namespace JiraSdk.Issues;

/// <summary>An issue's rich-text fields (description, environment, text custom fields) as ADF documents.</summary>
public static class IssueFieldsRichText
{
    /// <summary>
    /// The description as a document, whichever API it came from: ADF as sent by REST API v3, or a wiki-markup string
    /// from v2 and Data Center converted to ADF. <c>null</c> when empty or not requested.
    /// </summary>
    /// <param name="fields">The issue's fields.</param>
    /// <exception cref="JiraFieldException">The description is neither a document nor a string.</exception>
    /// <example><c>issue.Fields.DescriptionDocument()?.ToMarkdown()</c></example>
    public static AdfDocument? DescriptionDocument(this IssueFields fields) => GetDocument(fields, "description");

    /// <summary>A rich-text field as a document: ADF (v3) as it is, wiki markup (v2, Data Center) converted.</summary>
    /// <param name="fields">The issue's fields.</param>
    /// <param name="fieldId">The field id: <c>description</c>, <c>environment</c>, <c>customfield_10010</c>, ….</param>
    /// <exception cref="JiraFieldException">The field is neither a document nor a string.</exception>
    public static AdfDocument? GetDocument(this IssueFields fields, string fieldId)
    {
        if (fields is null) throw new ArgumentNullException(nameof(fields));
        if (fields.GetField(fieldId) is not { } value) return null;
        try
        {
            return value.ValueKind switch
            {
                JsonValueKind.Object => AdfDocument.FromJson(value),
                JsonValueKind.String => AdfDocument.FromWikiMarkup(value.GetString()!),
                _ => throw JiraFieldException.WrongShape(fieldId, "an ADF document or a wiki-markup string", value),
            };
        }
        catch (AdfFormatException invalid)
        {
            throw new JiraFieldException(fieldId, $"Field '{fieldId}' is not an ADF document: {invalid.Message}", invalid);
        }
    }
}
