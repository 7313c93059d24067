using System.Globalization;
using System.Text.Json.Nodes;
using JiraSdk.Testing.Jql.Fields;

namespace JiraSdk.Testing.Jql;

/// <summary>
/// A compiled JQL query: a filter and an order.
/// <para>
/// Order: the ORDER BY keys in turn; a key without ASC/DESC takes the field's own default as Jira does
/// (descending for <c>created</c>, <c>updated</c>, <c>resolved</c> and <c>priority</c> — highest first — ascending
/// otherwise). Empty values sort last ascending and first descending (Jira treats "no value" as the greatest).
/// Ties, and queries without ORDER BY, go by issue id descending (newest first).
/// </para>
/// </summary>
internal sealed class JqlQuery
{
    private readonly JqlPredicate? _where;
    private readonly IReadOnlyList<(JqlField Field, JqlOrderKey Key)> _orderBy;

    internal JqlQuery(JqlPredicate? where, IReadOnlyList<(JqlField Field, JqlOrderKey Key)> orderBy, IReadOnlyList<JqlClauseInfo> clauses)
    {
        _where = where;
        Clauses = clauses;
        _orderBy = orderBy;
        OrderBy = orderBy.Select(o => o.Key).ToList();
    }

    public IReadOnlyList<JqlOrderKey> OrderBy { get; }

    /// <summary>
    /// The query's <c>field operator operand</c> clauses as written, in order (e.g. to check a webhook's JQL filter
    /// against the fields and operators Jira accepts there).
    /// </summary>
    public IReadOnlyList<JqlClauseInfo> Clauses { get; }

    /// <summary>Whether one issue matches the WHERE part (orders of named priorities/versions from Jira's defaults).</summary>
    public bool Matches(JsonObject issue, JqlEvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(context);
        return _where is null || _where.Matches(issue, new JqlEvaluation(context));
    }

    /// <summary>The matching issues in the query's order.</summary>
    public IReadOnlyList<JsonObject> Apply(IEnumerable<JsonObject> issues, JqlEvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(issues);
        ArgumentNullException.ThrowIfNull(context);
        var all = issues.ToList();
        var evaluation = new JqlEvaluation(context);
        LearnRanks(all, evaluation);
        var matching = _where is null ? all : all.Where(i => _where.Matches(i, evaluation)).ToList();
        var keyed = matching
            .Select(issue => (Issue: issue, Keys: _orderBy.Select(o => o.Field.SortValue(issue, evaluation)).ToArray(), Id: IdOf(issue)))
            .ToList();
        keyed.Sort((a, b) =>
        {
            for (var k = 0; k < _orderBy.Count; k++)
            {
                var comparison = CompareEmptyLast(a.Keys[k], b.Keys[k]);
                if (comparison != 0)
                {
                    return _orderBy[k].Key.Descending ? -comparison : comparison;
                }
            }

            return b.Id.CompareTo(a.Id);
        });
        return keyed.Select(k => k.Issue).ToList();
    }

    private static int CompareEmptyLast(JqlSortValue? a, JqlSortValue? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        _ => a.Value.CompareTo(b.Value),
    };

    private static long IdOf(JsonObject issue) =>
        long.TryParse(JqlField.Text(issue["id"]), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;

    private void LearnRanks(List<JsonObject> issues, JqlEvaluation evaluation)
    {
        foreach (var field in JqlFieldsOf(_where))
        {
            if (!evaluation.LearnedRanks.TryGetValue(field, out var ranks))
            {
                evaluation.LearnedRanks[field] = ranks = new Dictionary<string, double>(StringComparer.Ordinal);
            }

            foreach (var issue in issues)
            {
                field.Learn(issue, ranks);
            }
        }
    }

    private static IEnumerable<JqlField> JqlFieldsOf(JqlPredicate? predicate) => predicate switch
    {
        JqlClausePredicate clause => new[] { clause.Field },
        JqlAllPredicate all => all.Children.SelectMany(JqlFieldsOf).Distinct(),
        JqlAnyPredicate any => any.Children.SelectMany(JqlFieldsOf).Distinct(),
        _ => Array.Empty<JqlField>(),
    };
}
