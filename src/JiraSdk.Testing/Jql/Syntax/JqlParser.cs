using System.Globalization;

namespace JiraSdk.Testing.Jql.Syntax;

/// <summary>
/// Recursive-descent parser for JQL with Jira's precedence: <c>NOT</c> binds tighter than <c>AND</c>, which binds
/// tighter than <c>OR</c>; parentheses group. <c>&amp;</c>/<c>&amp;&amp;</c>, <c>|</c>/<c>||</c> and <c>!</c> are
/// Jira's alternative spellings of AND, OR and NOT. Errors carry Jira's wording and position.
/// </summary>
internal sealed class JqlParser
{
    private const string ValidOperators =
        "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";

    // Words that cannot be an unquoted field name or value because they have a meaning in JQL.
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "not", "in", "is", "empty", "null", "order", "by", "was", "changed",
    };

    private readonly List<JqlToken> _tokens;
    private int _index;

    private JqlParser(List<JqlToken> tokens) => _tokens = tokens;

    public static JqlStatement Parse(string jql)
    {
        var parser = new JqlParser(JqlLexer.Tokenize(jql));
        return parser.ParseStatement();
    }

    private JqlToken Current => _tokens[_index];

    private JqlToken Peek(int ahead = 1) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    private JqlToken Take() => _tokens[_index++];

    private JqlStatement ParseStatement()
    {
        JqlClause? where = null;
        if (Current.Kind != JqlTokenKind.End && !IsOrderBy())
        {
            where = ParseOr();
        }

        var orderBy = new List<JqlSortKey>();
        if (IsOrderBy())
        {
            Take();
            var by = Take();
            if (!by.IsWord("by"))
            {
                throw Error(by.Kind == JqlTokenKind.End
                    ? "Expecting 'BY' before the end of the query."
                    : $"Expecting 'BY' but got '{by.Text}'.", by);
            }

            while (true)
            {
                var field = ParseFieldName(sorting: true);
                bool? descending = null;
                if (Current.IsWord("asc"))
                {
                    Take();
                    descending = false;
                }
                else if (Current.IsWord("desc"))
                {
                    Take();
                    descending = true;
                }

                orderBy.Add(new JqlSortKey(field, descending));
                if (Current.Kind == JqlTokenKind.Comma)
                {
                    Take();
                    continue;
                }

                if (Current.Kind == JqlTokenKind.End)
                {
                    break;
                }

                throw Error(descending is null
                    ? $"Expecting either 'ASC', 'DESC' or ',' but got '{Current.Text}'."
                    : $"Expecting ',' but got '{Current.Text}'.", Current);
            }
        }

        if (Current.Kind != JqlTokenKind.End)
        {
            throw Current.Kind == JqlTokenKind.RightParen
                ? Error($"Expecting either 'OR' or 'AND' but got ')'.", Current)
                : Error($"Expecting either 'OR' or 'AND' but got '{Current.Text}'.", Current);
        }

        return new JqlStatement(where, orderBy);
    }

    private bool IsOrderBy() => Current.IsWord("order") && Peek().Kind != JqlTokenKind.Equals && !IsOperatorStart(Peek());

    private static bool IsOperatorStart(JqlToken token) =>
        token.Kind is JqlTokenKind.Equals or JqlTokenKind.NotEquals or JqlTokenKind.LessThan or JqlTokenKind.LessThanEquals
            or JqlTokenKind.GreaterThan or JqlTokenKind.GreaterThanEquals or JqlTokenKind.Like or JqlTokenKind.NotLike
        || token.IsWord("in") || token.IsWord("is") || token.IsWord("not");

    private JqlClause ParseOr() =>
        ParseChain(ParseAnd, "or", JqlTokenKind.Pipe, clauses => new JqlOrClause(clauses));

    private JqlClause ParseAnd() =>
        ParseChain(ParseNot, "and", JqlTokenKind.Ampersand, clauses => new JqlAndClause(clauses));

    /// <summary><c>operand (connective operand)*</c> for one level of precedence.</summary>
    private JqlClause ParseChain(Func<JqlClause> operand, string keyword, JqlTokenKind symbol, Func<List<JqlClause>, JqlClause> combine)
    {
        var clauses = new List<JqlClause> { operand() };
        while (Current.IsWord(keyword) || Current.Kind == symbol)
        {
            Take();
            clauses.Add(operand());
        }

        return clauses.Count == 1 ? clauses[0] : combine(clauses);
    }

    private JqlClause ParseNot()
    {
        if (Current.IsWord("not") || Current.Kind == JqlTokenKind.Bang)
        {
            Take();
            return new JqlNotClause(ParseNot());
        }

        if (Current.Kind == JqlTokenKind.LeftParen)
        {
            Take();
            var inner = ParseOr();
            var close = Take();
            if (close.Kind != JqlTokenKind.RightParen)
            {
                throw close.Kind == JqlTokenKind.End
                    ? Error("Expecting ')' before the end of the query.", close)
                    : Error($"Expecting ')' but got '{close.Text}'.", close);
            }

            return inner;
        }

        return ParseTerminal();
    }

    private JqlClause ParseTerminal()
    {
        var field = ParseFieldName(sorting: false);
        var op = ParseOperator();
        var operand = ParseOperand();
        return new JqlTerminalClause(field, op, operand);
    }

    private JqlFieldName ParseFieldName(bool sorting)
    {
        var token = Take();
        if (token.Kind == JqlTokenKind.Quoted)
        {
            return new JqlFieldName(token.Value, null);
        }

        if (token.Kind == JqlTokenKind.Word && !Keywords.Contains(token.Value))
        {
            if (string.Equals(token.Value, "cf", StringComparison.OrdinalIgnoreCase) && Current.Kind == JqlTokenKind.LeftBracket)
            {
                Take();
                var number = Take();
                if (number.Kind != JqlTokenKind.Word
                    || !long.TryParse(number.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    throw number.Kind == JqlTokenKind.End
                        ? Error("Expecting a custom field id before the end of the query.", number)
                        : Error($"Expecting a custom field id but got '{number.Text}'.", number);
                }

                var close = Take();
                if (close.Kind != JqlTokenKind.RightBracket)
                {
                    throw close.Kind == JqlTokenKind.End
                        ? Error("Expecting ']' before the end of the query.", close)
                        : Error($"Expecting ']' but got '{close.Text}'.", close);
                }

                return new JqlFieldName(string.Create(CultureInfo.InvariantCulture, $"cf[{id}]"), id);
            }

            return new JqlFieldName(token.Value, null);
        }

        if (token.Kind == JqlTokenKind.End)
        {
            throw Error(sorting ? "Expecting a field name at the end of the query." : "Expecting a field name at the end of the query.", token);
        }

        throw token.Kind == JqlTokenKind.Word
            ? Error($"Expecting a field name but got '{token.Text}'. You must surround '{token.Text}' in quotation marks to use it as a field name.", token)
            : Error($"Expecting a field name but got '{token.Text}'.", token);
    }

    private JqlOperator ParseOperator()
    {
        var token = Take();
        switch (token.Kind)
        {
            case JqlTokenKind.Equals: return JqlOperator.Equals;
            case JqlTokenKind.NotEquals: return JqlOperator.NotEquals;
            case JqlTokenKind.LessThan: return JqlOperator.LessThan;
            case JqlTokenKind.LessThanEquals: return JqlOperator.LessThanEquals;
            case JqlTokenKind.GreaterThan: return JqlOperator.GreaterThan;
            case JqlTokenKind.GreaterThanEquals: return JqlOperator.GreaterThanEquals;
            case JqlTokenKind.Like: return JqlOperator.Like;
            case JqlTokenKind.NotLike: return JqlOperator.NotLike;
            case JqlTokenKind.End:
                throw Error($"Expecting operator before the end of the query. {ValidOperators}", token);
        }

        if (token.IsWord("in"))
        {
            return JqlOperator.In;
        }

        if (token.IsWord("is"))
        {
            if (Current.IsWord("not"))
            {
                Take();
                return JqlOperator.IsNot;
            }

            return JqlOperator.Is;
        }

        if (token.IsWord("not") && Current.IsWord("in"))
        {
            Take();
            return JqlOperator.NotIn;
        }

        if (token.IsWord("was") || token.IsWord("changed"))
        {
            // History searches need the change history, which the engine is not given.
            throw new JqlException($"The operator '{token.Value.ToLowerInvariant()}' is not supported by this search.");
        }

        throw Error($"Expecting operator but got '{token.Text}'. {ValidOperators}", token);
    }

    private JqlOperand ParseOperand()
    {
        var token = Current;
        if (token.Kind == JqlTokenKind.LeftParen)
        {
            Take();
            var items = new List<JqlOperand>();
            while (true)
            {
                items.Add(ParseSingleOperand());
                var next = Take();
                if (next.Kind == JqlTokenKind.Comma)
                {
                    continue;
                }

                if (next.Kind == JqlTokenKind.RightParen)
                {
                    break;
                }

                throw next.Kind == JqlTokenKind.End
                    ? Error("Expecting ')' before the end of the query.", next)
                    : Error($"Expecting either ',' or ')' but got '{next.Text}'.", next);
            }

            return new JqlListOperand(items);
        }

        return ParseSingleOperand();
    }

    private JqlOperand ParseSingleOperand()
    {
        var token = Take();
        if (token.Kind == JqlTokenKind.Quoted)
        {
            return new JqlValueOperand(token.Value, Quoted: true);
        }

        if (token.Kind == JqlTokenKind.Word)
        {
            if (token.IsWord("empty") || token.IsWord("null"))
            {
                return JqlEmptyOperand.Instance;
            }

            if (Current.Kind == JqlTokenKind.LeftParen && !Keywords.Contains(token.Value))
            {
                Take();
                var arguments = new List<string>();
                if (Current.Kind == JqlTokenKind.RightParen)
                {
                    Take();
                    return new JqlFunctionOperand(token.Value, arguments);
                }

                while (true)
                {
                    var argument = Take();
                    if (argument.Kind is not (JqlTokenKind.Word or JqlTokenKind.Quoted))
                    {
                        throw argument.Kind == JqlTokenKind.End
                            ? Error("Expecting ')' before the end of the query.", argument)
                            : Error($"Expecting a function argument but got '{argument.Text}'.", argument);
                    }

                    arguments.Add(argument.Value);
                    var next = Take();
                    if (next.Kind == JqlTokenKind.Comma)
                    {
                        continue;
                    }

                    if (next.Kind == JqlTokenKind.RightParen)
                    {
                        return new JqlFunctionOperand(token.Value, arguments);
                    }

                    throw next.Kind == JqlTokenKind.End
                        ? Error("Expecting ')' before the end of the query.", next)
                        : Error($"Expecting either ',' or ')' but got '{next.Text}'.", next);
                }
            }

            if (!Keywords.Contains(token.Value))
            {
                return new JqlValueOperand(token.Value, Quoted: false);
            }

            throw Error($"Expecting either a value, list or function but got '{token.Text}'. You must surround '{token.Text}' in quotation marks to use it as a value.", token);
        }

        if (token.Kind == JqlTokenKind.End)
        {
            throw Error("Expecting either a value, list or function before the end of the query.", token);
        }

        throw Error($"Expecting either a value, list or function but got '{token.Text}'.", token);
    }

    private static JqlException Error(string message, JqlToken at) =>
        at.Kind == JqlTokenKind.End
            ? new JqlException("Error in the JQL Query: " + message)
            : new JqlException(string.Create(CultureInfo.InvariantCulture,
                $"Error in the JQL Query: {message} (line {at.Line}, character {at.Column})"));
}
