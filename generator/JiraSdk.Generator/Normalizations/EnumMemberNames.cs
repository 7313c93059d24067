using System.Text;
using System.Text.Json.Nodes;

namespace JiraSdk.Generator.Normalizations;

/// <summary>
/// NSwag derives enum member names from the values only partly: <c>jira:issue_created</c> becomes
/// <c>JiraIssue_created</c>, <c>PROJECT_ID</c> stays shouting. Each string enum gets <c>x-enumNames</c> (which NSwag
/// honours) in PascalCase words: <c>JiraIssueCreated</c>, <c>ProjectId</c>. An enum whose values would collide keeps
/// NSwag's names.
/// </summary>
internal sealed class EnumMemberNames : ISpecNormalization
{
    public void Apply(SpecDocument document) => Visit(document.Root);

    private static void Visit(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["enum"] is JsonArray values && !obj.ContainsKey("x-enumNames") && values.All(v => v is JsonValue value && value.TryGetValue<string>(out _)))
                {
                    var names = values.Select(v => MemberName(v!.GetValue<string>())).ToList();
                    if (names.Distinct(StringComparer.Ordinal).Count() == names.Count)
                        obj["x-enumNames"] = new JsonArray(names.Select(n => (JsonNode)n).ToArray());
                }
                foreach (var (_, value) in obj.ToList()) Visit(value);
                break;
            case JsonArray array:
                foreach (var item in array) Visit(item);
                break;
        }
    }

    internal static string MemberName(string value)
    {
        var name = new StringBuilder();
        foreach (var word in value.Split(c => !char.IsLetterOrDigit(c)))
        {
            if (word.Length == 0) continue;
            var shouting = word.Any(char.IsLetter) && word.Where(char.IsLetter).All(char.IsUpper);
            name.Append(char.ToUpperInvariant(word[0]));
            name.Append(shouting ? word.Substring(1).ToLowerInvariant() : word.Substring(1));
        }
        if (name.Length == 0) return "Empty";
        if (char.IsDigit(name[0])) name.Insert(0, '_');
        return name.ToString();
    }
}

internal static class StringSplitExtensions
{
    public static string[] Split(this string text, Func<char, bool> isSeparator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || isSeparator(text[i]))
            {
                parts.Add(text.Substring(start, i - start));
                start = i + 1;
            }
        }
        return parts.ToArray();
    }
}
