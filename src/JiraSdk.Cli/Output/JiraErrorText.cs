using JiraSdk.Errors;

namespace JiraSdk.Cli;

/// <summary>Turns Jira's ErrorCollection (<c>errorMessages</c> and per-field <c>errors</c>) into one line.</summary>
internal static class JiraErrorText
{
    public static string Describe(JiraApiException exception)
    {
        var parts = new List<string>(exception.ErrorMessages);
        parts.AddRange(exception.Errors.Select(e => $"{e.Key}: {e.Value}"));
        var status = $"Jira answered HTTP {exception.StatusCode}";
        return parts.Count == 0 ? JiraCli.OneLine(exception.Message) : JiraCli.OneLine($"{status}: {string.Join("; ", parts)}");
    }
}
