namespace JiraSdk.Testing.Jql.Syntax;

internal enum JqlOperator
{
    Equals,
    NotEquals,
    LessThan,
    LessThanEquals,
    GreaterThan,
    GreaterThanEquals,
    Like,
    NotLike,
    In,
    NotIn,
    Is,
    IsNot,
}

internal static class JqlOperators
{
    /// <summary>The operator as Jira spells it in its error messages (words in lower case).</summary>
    public static string Display(this JqlOperator op) => op switch
    {
        JqlOperator.Equals => "=",
        JqlOperator.NotEquals => "!=",
        JqlOperator.LessThan => "<",
        JqlOperator.LessThanEquals => "<=",
        JqlOperator.GreaterThan => ">",
        JqlOperator.GreaterThanEquals => ">=",
        JqlOperator.Like => "~",
        JqlOperator.NotLike => "!~",
        JqlOperator.In => "in",
        JqlOperator.NotIn => "not in",
        JqlOperator.Is => "is",
        JqlOperator.IsNot => "is not",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    /// <summary>
    /// The operator <c>NOT (field op value)</c> turns into. Jira pushes NOT down into its clauses this way (De Morgan),
    /// which is why <c>NOT assignee = bob</c> skips unassigned issues just as <c>assignee != bob</c> does.
    /// </summary>
    public static JqlOperator Negate(this JqlOperator op) => op switch
    {
        JqlOperator.Equals => JqlOperator.NotEquals,
        JqlOperator.NotEquals => JqlOperator.Equals,
        JqlOperator.LessThan => JqlOperator.GreaterThanEquals,
        JqlOperator.LessThanEquals => JqlOperator.GreaterThan,
        JqlOperator.GreaterThan => JqlOperator.LessThanEquals,
        JqlOperator.GreaterThanEquals => JqlOperator.LessThan,
        JqlOperator.Like => JqlOperator.NotLike,
        JqlOperator.NotLike => JqlOperator.Like,
        JqlOperator.In => JqlOperator.NotIn,
        JqlOperator.NotIn => JqlOperator.In,
        JqlOperator.Is => JqlOperator.IsNot,
        JqlOperator.IsNot => JqlOperator.Is,
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    public static bool IsRelational(this JqlOperator op) =>
        op is JqlOperator.LessThan or JqlOperator.LessThanEquals or JqlOperator.GreaterThan or JqlOperator.GreaterThanEquals;
}

internal abstract record JqlClause;

internal sealed record JqlAndClause(IReadOnlyList<JqlClause> Clauses) : JqlClause;

internal sealed record JqlOrClause(IReadOnlyList<JqlClause> Clauses) : JqlClause;

internal sealed record JqlNotClause(JqlClause Clause) : JqlClause;

/// <summary><c>field operator operand</c>.</summary>
internal sealed record JqlTerminalClause(JqlFieldName Field, JqlOperator Operator, JqlOperand Operand) : JqlClause;

/// <summary>A field reference: a name (quoted or not) or <c>cf[10010]</c>.</summary>
/// <param name="Text">As written, used in error messages (<c>cf[10010]</c>, <c>Story Points</c>).</param>
/// <param name="CustomFieldId">The number of <c>cf[N]</c>, otherwise <see langword="null"/>.</param>
internal sealed record JqlFieldName(string Text, long? CustomFieldId);

internal abstract record JqlOperand;

/// <summary><c>EMPTY</c> or <c>NULL</c>.</summary>
internal sealed record JqlEmptyOperand : JqlOperand
{
    public static readonly JqlEmptyOperand Instance = new();

    public override string ToString() => "EMPTY";
}

internal sealed record JqlValueOperand(string Value, bool Quoted) : JqlOperand
{
    public override string ToString() => Value;
}

internal sealed record JqlFunctionOperand(string Name, IReadOnlyList<string> Arguments) : JqlOperand
{
    public override string ToString() => $"{Name}({string.Join(", ", Arguments)})";
}

internal sealed record JqlListOperand(IReadOnlyList<JqlOperand> Items) : JqlOperand
{
    public override string ToString() => $"({string.Join(", ", Items)})";
}

internal sealed record JqlSortKey(JqlFieldName Field, bool? Descending);

internal sealed record JqlStatement(JqlClause? Where, IReadOnlyList<JqlSortKey> OrderBy);
