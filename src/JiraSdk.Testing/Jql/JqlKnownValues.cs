using System.Text.Json.Nodes;

namespace JiraSdk.Testing.Jql;

/// <summary>
/// What the site knows besides its issues, each list optional (null: not checked). Given a list, a query naming a value
/// that is not in it fails as on Jira Cloud (<c>The value 'X' does not exist for the field 'project'.</c>), and the
/// priority list (in Jira's order, highest first) orders priorities for <c>&lt;</c>, <c>&gt;</c> and ORDER BY.
/// </summary>
internal sealed class JqlKnownValues
{
    /// <summary>Projects: <c>{ "id", "key", "name" }</c>.</summary>
    public IReadOnlyList<JsonObject>? Projects { get; init; }

    /// <summary>Statuses: <c>{ "id", "name" }</c>.</summary>
    public IReadOnlyList<JsonObject>? Statuses { get; init; }

    /// <summary>Issue types: <c>{ "id", "name" }</c>.</summary>
    public IReadOnlyList<JsonObject>? IssueTypes { get; init; }

    /// <summary>Priorities <c>{ "id", "name" }</c>, highest first (the <c>/rest/api/2/priority</c> order).</summary>
    public IReadOnlyList<JsonObject>? Priorities { get; init; }

    /// <summary>Resolutions: <c>{ "id", "name" }</c>.</summary>
    public IReadOnlyList<JsonObject>? Resolutions { get; init; }

    /// <summary>Users: <c>{ "accountId", "displayName", "emailAddress" }</c> (and <c>name</c>/<c>key</c> on Data Center).</summary>
    public IReadOnlyList<JsonObject>? Users { get; init; }
}
