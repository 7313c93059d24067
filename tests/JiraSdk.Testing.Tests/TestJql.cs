using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JiraSdk.Testing.Rest;
using JiraSdk.Testing.Store;

namespace JiraSdk.Testing.Tests;

/// <summary>
/// A JQL double for the sandbox's own tests of search paging and webhook filters: understands
/// <c>project = KEY</c>, <c>status = "Name"</c> and <c>key = K</c> joined by AND; anything else is a 400, like bad JQL.
/// The real engine has its own tests under Jql/.
/// </summary>
internal sealed partial class TestJql : ISandboxJql
{
    public IReadOnlyList<JsonObject> Apply(string jql, IReadOnlyList<JsonObject> fieldDefinitions, IEnumerable<JsonObject> issues, DateTimeOffset now, string? currentAccountId) =>
        issues.Where(i => Matches(jql, fieldDefinitions, i, now, currentAccountId))
            .OrderByDescending(i => long.Parse((string)i["id"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    public bool Matches(string jql, IReadOnlyList<JsonObject> fieldDefinitions, JsonObject issue, DateTimeOffset now, string? currentAccountId)
    {
        foreach (var clause in Regex.Split(jql, @"\s+AND\s+", RegexOptions.IgnoreCase))
        {
            var m = Clause().Match(clause.Trim());
            if (!m.Success) throw new JiraRestException(HttpStatusCode.BadRequest, $"Error in the JQL Query: '{clause}'.");
            var value = m.Groups[2].Value.Trim('"');
            var actual = m.Groups[1].Value.ToLowerInvariant() switch
            {
                "project" => (string?)issue["fields"]!["project"]!["key"],
                "status" => (string?)issue["fields"]!["status"]!["name"],
                _ => (string?)issue["key"],
            };
            if (!string.Equals(actual, value, StringComparison.OrdinalIgnoreCase)) return false;
        }
        return true;
    }

    [GeneratedRegex("^(project|status|key)\\s*=\\s*(\"[^\"]*\"|\\S+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Clause();
}
