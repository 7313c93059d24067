using System.Net;
using System.Text.Json.Nodes;
using JiraSdk.Testing.Jql;
using JiraSdk.Testing.Store;

namespace JiraSdk.Testing.Rest;

/// <summary>Where the sandbox gets its JQL evaluator from.</summary>
internal static class SandboxJql
{
    /// <summary>The JQL engine (src/JiraSdk.Testing/Jql).</summary>
    public static ISandboxJql Default { get; } = new EngineJql();

    /// <summary>
    /// Search through <see cref="JqlEngine"/>: compiled per request against the current field definitions (custom fields
    /// may be added at any time), evaluated in the sandbox users' time zone (UTC). Bad JQL is a 400 with the engine's
    /// <c>errorMessages</c>, as Jira answers.
    /// </summary>
    private sealed class EngineJql : ISandboxJql
    {
        public IReadOnlyList<JsonObject> Apply(string jql, IReadOnlyList<JsonObject> fieldDefinitions, IEnumerable<JsonObject> issues, DateTimeOffset now, string? currentAccountId) =>
            Compile(jql, fieldDefinitions, null).Apply(issues, new JqlEvaluationContext(now, TimeZoneInfo.Utc, currentAccountId));

        public IReadOnlyList<JsonObject> Apply(string jql, IReadOnlyList<JsonObject> fieldDefinitions, JqlKnownValues knownValues, IEnumerable<JsonObject> issues, DateTimeOffset now, string? currentAccountId) =>
            Compile(jql, fieldDefinitions, knownValues).Apply(issues, new JqlEvaluationContext(now, TimeZoneInfo.Utc, currentAccountId));

        public bool Matches(string jql, IReadOnlyList<JsonObject> fieldDefinitions, JsonObject issue, DateTimeOffset now, string? currentAccountId) =>
            Compile(jql, fieldDefinitions, null).Matches(issue, new JqlEvaluationContext(now, TimeZoneInfo.Utc, currentAccountId));

        private static JqlQuery Compile(string jql, IReadOnlyList<JsonObject> fieldDefinitions, JqlKnownValues? knownValues)
        {
            try
            {
                return new JqlEngine(fieldDefinitions, knownValues).Compile(jql);
            }
            catch (JqlException e)
            {
                throw new JiraRestException(HttpStatusCode.BadRequest, e.ErrorMessages);
            }
        }
    }
}
