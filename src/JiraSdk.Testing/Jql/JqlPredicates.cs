using System.Text.Json.Nodes;
using JiraSdk.Testing.Jql.Fields;
using JiraSdk.Testing.Jql.Syntax;

namespace JiraSdk.Testing.Jql;

/// <summary>A compiled WHERE clause. NOT has already been pushed into the clauses (see <see cref="JqlOperators.Negate"/>).</summary>
internal abstract class JqlPredicate
{
    public abstract bool Matches(JsonObject issue, JqlEvaluation evaluation);
}

internal sealed class JqlAllPredicate : JqlPredicate
{
    private readonly IReadOnlyList<JqlPredicate> _all;

    public JqlAllPredicate(IReadOnlyList<JqlPredicate> all) => _all = all;

    public IReadOnlyList<JqlPredicate> Children => _all;

    public override bool Matches(JsonObject issue, JqlEvaluation evaluation) => _all.All(p => p.Matches(issue, evaluation));
}

internal sealed class JqlAnyPredicate : JqlPredicate
{
    private readonly IReadOnlyList<JqlPredicate> _any;

    public JqlAnyPredicate(IReadOnlyList<JqlPredicate> any) => _any = any;

    public IReadOnlyList<JqlPredicate> Children => _any;

    public override bool Matches(JsonObject issue, JqlEvaluation evaluation) => _any.Any(p => p.Matches(issue, evaluation));
}

/// <summary>
/// One <c>field operator operand</c> clause. Jira's rules: the negative operators (<c>!=</c>, <c>NOT IN</c>,
/// <c>!~</c>) and the relational ones never match an issue whose field is empty; <c>= EMPTY</c> is <c>IS EMPTY</c>;
/// <c>IN (EMPTY, x)</c> matches empty or x.
/// </summary>
internal sealed class JqlClausePredicate : JqlPredicate
{
    private readonly JqlField _field;
    private readonly JqlOperator _operator;
    private readonly bool _includesEmpty;
    private readonly IReadOnlyList<JqlOperandItem> _items;
    private readonly JqlTextSearch? _text;

    public JqlClausePredicate(JqlField field, JqlOperator op, bool includesEmpty, IReadOnlyList<JqlOperandItem> items, JqlTextSearch? text)
    {
        _field = field;
        _operator = op;
        _includesEmpty = includesEmpty;
        _items = items;
        _text = text;
    }

    public JqlField Field => _field;

    public override bool Matches(JsonObject issue, JqlEvaluation evaluation)
    {
        var hasValue = _field.HasValue(issue, evaluation);
        switch (_operator)
        {
            case JqlOperator.Is:
                return !hasValue;
            case JqlOperator.IsNot:
                return hasValue;
            case JqlOperator.Equals or JqlOperator.In:
                if (!hasValue)
                {
                    return _includesEmpty;
                }

                return _field.EqualsAny(issue, Values(evaluation), evaluation);
            case JqlOperator.NotEquals or JqlOperator.NotIn:
                return hasValue && !_field.EqualsAny(issue, Values(evaluation), evaluation);
            case JqlOperator.Like:
                return hasValue && _text is not null && _field.Contains(issue, _text);
            case JqlOperator.NotLike:
                return hasValue && _text is not null && !_field.Contains(issue, _text);
            default:
                return hasValue && Values(evaluation).Any(v => _field.Compare(issue, _operator, v, evaluation));
        }
    }

    private List<JqlValue> Values(JqlEvaluation evaluation)
    {
        var values = new List<JqlValue>(_items.Count);
        foreach (var item in _items)
        {
            item.AddValues(values, evaluation.Context);
        }

        return values;
    }
}

/// <summary>A literal or function of an operand, evaluated when the query runs (functions read the context).</summary>
internal abstract record JqlOperandItem
{
    public abstract void AddValues(List<JqlValue> into, JqlEvaluationContext context);
}

internal sealed record JqlLiteralItem(string Text) : JqlOperandItem
{
    public override void AddValues(List<JqlValue> into, JqlEvaluationContext context) => into.Add(new JqlValue(Text));
}

/// <summary><c>currentUser()</c>: the searching user's account id; nothing for an anonymous search.</summary>
internal sealed record JqlCurrentUserItem : JqlOperandItem
{
    public override void AddValues(List<JqlValue> into, JqlEvaluationContext context)
    {
        if (context.CurrentUserAccountId is { } accountId)
        {
            into.Add(new JqlValue(accountId));
        }
    }
}

internal sealed record JqlDateFunctionItem(string Name, IReadOnlyList<string> Arguments) : JqlOperandItem
{
    public override void AddValues(List<JqlValue> into, JqlEvaluationContext context)
    {
        try
        {
            into.Add(new JqlValue(Name, JqlDates.EvaluateFunction(Name, Arguments, context)));
        }
        catch (ArgumentOutOfRangeException)
        {
            // An increment beyond the calendar (startOfYear(+9999y)) names no date, so nothing matches it.
        }
    }
}

/// <summary>A list function (<c>subTaskIssueTypes()</c>, <c>linkedIssues(DOCS-1)</c>) as a test of each value.</summary>
internal sealed record JqlTestItem(string Name, Func<JsonObject, bool> Test) : JqlOperandItem
{
    public override void AddValues(List<JqlValue> into, JqlEvaluationContext context) => into.Add(new JqlValue(Name, Test: Test));
}
