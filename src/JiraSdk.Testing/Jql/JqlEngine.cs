using System.Text.Json.Nodes;
using JiraSdk.Testing.Jql.Fields;
using JiraSdk.Testing.Jql.Syntax;

namespace JiraSdk.Testing.Jql;

/// <summary>
/// Compiles JQL into queries over issues in Jira's REST v2 JSON shape. Parse errors and validation errors
/// (unknown field, unknown function, unsupported operator, bad value) raise <see cref="JqlException"/> with Jira's
/// wording; validation errors of every clause are reported together, as Jira does.
/// </summary>
internal sealed class JqlEngine
{
    private readonly JqlFieldCatalog _fields;

    /// <param name="fieldDefinitions">The <c>/rest/api/2/field</c> list; its custom fields become searchable.</param>
    /// <param name="knownValues">The site's projects, statuses, users…, to refuse unknown values as Jira Cloud does.</param>
    public JqlEngine(IReadOnlyList<JsonObject> fieldDefinitions, JqlKnownValues? knownValues = null)
    {
        ArgumentNullException.ThrowIfNull(fieldDefinitions);
        _fields = new JqlFieldCatalog(fieldDefinitions, knownValues);
    }

    /// <exception cref="JqlException">The query is not valid JQL for these fields.</exception>
    public JqlQuery Compile(string jql)
    {
        ArgumentNullException.ThrowIfNull(jql);
        var statement = JqlParser.Parse(jql);
        var errors = new List<string>();
        var clauses = new List<JqlClauseInfo>();
        var where = statement.Where is null ? null : Bind(statement.Where, negate: false, errors, clauses);
        var orderBy = new List<(JqlField Field, JqlOrderKey Key)>();
        foreach (var sort in statement.OrderBy)
        {
            var fields = _fields.Resolve(sort.Field);
            if (fields.Count == 0)
            {
                errors.Add(NoSuchField(sort.Field));
                continue;
            }

            if (!fields[0].Sortable)
            {
                errors.Add($"Field '{sort.Field.Text}' does not support sorting.");
                continue;
            }

            orderBy.Add((fields[0], new JqlOrderKey(sort.Field.Text, sort.Descending ?? fields[0].DefaultDescending, sort.Descending is not null)));
        }

        if (errors.Count > 0)
        {
            throw new JqlException(errors.Distinct(StringComparer.Ordinal).ToList());
        }

        return new JqlQuery(where, orderBy, clauses);
    }

    private JqlPredicate Bind(JqlClause clause, bool negate, List<string> errors, List<JqlClauseInfo> clauses)
    {
        switch (clause)
        {
            case JqlAndClause and:
                var all = and.Clauses.Select(c => Bind(c, negate, errors, clauses)).ToList();
                return negate ? new JqlAnyPredicate(all) : new JqlAllPredicate(all);
            case JqlOrClause or:
                var any = or.Clauses.Select(c => Bind(c, negate, errors, clauses)).ToList();
                return negate ? new JqlAllPredicate(any) : new JqlAnyPredicate(any);
            case JqlNotClause not:
                return Bind(not.Clause, !negate, errors, clauses);
            default:
                return BindTerminal((JqlTerminalClause)clause, negate, errors, clauses);
        }
    }

    private JqlPredicate BindTerminal(JqlTerminalClause clause, bool negate, List<string> errors, List<JqlClauseInfo> clauses)
    {
        var name = clause.Field.Text;
        var fields = _fields.Resolve(clause.Field);
        var failed = new JqlAnyPredicate(Array.Empty<JqlPredicate>());
        if (fields.Count == 0)
        {
            errors.Add(NoSuchField(clause.Field));
            return failed;
        }

        var op = clause.Operator;
        clauses.AddRange(fields.Select(f => new JqlClauseInfo(name, _fields.IdOf(f), op.Display(), clause.Operand.ToString() ?? string.Empty, negate)));
        var unsupported = fields.FirstOrDefault(f => !f.Operators.Contains(op));
        if (unsupported is not null)
        {
            errors.Add($"The operator '{op.Display()}' is not supported by the '{name}' field.");
            return failed;
        }

        var operand = clause.Operand;
        var isList = operand is JqlListOperand;
        if (op is JqlOperator.Is or JqlOperator.IsNot)
        {
            if (operand is not JqlEmptyOperand)
            {
                errors.Add($"The operator '{op.Display()}' only supports searching for EMPTY values.");
                return failed;
            }
        }
        else if (op is JqlOperator.In or JqlOperator.NotIn)
        {
            if (!isList && operand is not JqlFunctionOperand)
            {
                errors.Add($"Operator '{op.Display()}' does not support the non-list value '{operand}' for field '{name}'.");
                return failed;
            }
        }
        else if (isList)
        {
            errors.Add($"Operator '{op.Display()}' does not support the list value '{operand}' for field '{name}'.");
            return failed;
        }

        var items = isList ? ((JqlListOperand)operand).Items : new[] { operand };
        var predicates = new List<JqlPredicate>();
        foreach (var field in fields)
        {
            var includesEmpty = false;
            var values = new List<JqlOperandItem>();
            JqlTextSearch? text = null;
            var ok = true;
            foreach (var item in items)
            {
                switch (item)
                {
                    case JqlEmptyOperand:
                        includesEmpty = true;
                        break;
                    case JqlValueOperand value when field.MeansEmpty(value.Value):
                        includesEmpty = true;
                        break;
                    case JqlValueOperand value when op is JqlOperator.Like or JqlOperator.NotLike:
                        text = JqlTextSearch.Parse(value.Value);
                        if (value.Value.Trim().Length == 0)
                        {
                            errors.Add($"The field '{name}' does not support searching for an empty string.");
                            ok = false;
                        }

                        break;
                    case JqlValueOperand value:
                        if (field.ValidateLiteral(value.Value, name) is { } problem)
                        {
                            errors.Add(problem);
                            ok = false;
                        }

                        values.Add(new JqlLiteralItem(value.Value));
                        break;
                    case JqlFunctionOperand function:
                        if (BindFunction(function, field, name, errors) is { } bound)
                        {
                            values.Add(bound);
                        }
                        else
                        {
                            ok = false;
                        }

                        break;
                }
            }

            if (!ok)
            {
                return failed;
            }

            var effective = op;
            if (includesEmpty && values.Count == 0 && text is null)
            {
                // "= EMPTY", "~ EMPTY", "resolution = Unresolved": a test for emptiness.
                effective = op switch
                {
                    JqlOperator.Equals or JqlOperator.In or JqlOperator.Like or JqlOperator.Is => JqlOperator.Is,
                    JqlOperator.NotEquals or JqlOperator.NotIn or JqlOperator.NotLike or JqlOperator.IsNot => JqlOperator.IsNot,
                    _ => op,
                };
                if (effective.IsRelational())
                {
                    errors.Add($"The operator '{op.Display()}' does not support searching for EMPTY values.");
                    return failed;
                }
            }

            if (effective is JqlOperator.Like or JqlOperator.NotLike && text is null)
            {
                errors.Add($"The operator '{op.Display()}' is not supported by the '{name}' field for this value.");
                return failed;
            }

            predicates.Add(new JqlClausePredicate(field, negate ? effective.Negate() : effective, includesEmpty, values, text));
        }

        return predicates.Count == 1 ? predicates[0] : new JqlAnyPredicate(predicates);
    }

    private static JqlOperandItem? BindFunction(JqlFunctionOperand function, JqlField field, string fieldName, List<string> errors)
    {
        if (field.ListFunctions.TryGetValue(function.Name.ToLowerInvariant(), out var listFunction))
        {
            try
            {
                return new JqlTestItem(function.Name, listFunction(function.Arguments));
            }
            catch (JqlException e)
            {
                errors.AddRange(e.ErrorMessages);
                return null;
            }
        }

        if (string.Equals(function.Name, "currentUser", StringComparison.OrdinalIgnoreCase))
        {
            if (function.Arguments.Count > 0)
            {
                errors.Add($"Function '{function.Name}' expected '0' arguments but received '{function.Arguments.Count}'.");
                return null;
            }

            if (field.AcceptedFunctions != JqlFunctionKind.User)
            {
                errors.Add($"A value provided by the function '{function.Name}' is invalid for the field '{fieldName}'.");
                return null;
            }

            return new JqlCurrentUserItem();
        }

        if (JqlDates.IsFunction(function.Name))
        {
            if (JqlDates.ValidateFunction(function.Name, function.Arguments) is { } problem)
            {
                errors.Add(problem);
                return null;
            }

            if (field.AcceptedFunctions != JqlFunctionKind.Date)
            {
                errors.Add($"A value provided by the function '{function.Name}' is invalid for the field '{fieldName}'.");
                return null;
            }

            return new JqlDateFunctionItem(function.Name, function.Arguments);
        }

        errors.Add($"Unable to find JQL function '{function}'.");
        return null;
    }

    private static string NoSuchField(JqlFieldName field) =>
        $"Field '{field.Text}' does not exist or you do not have permission to view it.";
}
