namespace JiraSdk.Testing.Jql;

/// <summary>
/// What a query is evaluated against besides the issues: the clock (<c>now()</c>, relative dates such as <c>-7d</c>),
/// the searching user's time zone (date-only values and <c>startOfDay()</c> are days in that zone, as in Jira) and the
/// searching user (<c>currentUser()</c>; <see langword="null"/> for an anonymous search).
/// </summary>
internal sealed record JqlEvaluationContext(DateTimeOffset Now, TimeZoneInfo TimeZone, string? CurrentUserAccountId);

/// <summary>One key of a query's <c>ORDER BY</c>: the field as written and the direction applied.</summary>
/// <param name="Field">The field name as written in the query (e.g. <c>created</c>, <c>cf[10010]</c>, <c>Story Points</c>).</param>
/// <param name="Descending">The direction applied: the one written, otherwise the field's default (see <see cref="JqlQuery"/>).</param>
/// <param name="DirectionGiven">Whether the query wrote <c>ASC</c> or <c>DESC</c>.</param>
internal sealed record JqlOrderKey(string Field, bool Descending, bool DirectionGiven);

/// <summary>One <c>field operator operand</c> clause of a query.</summary>
/// <param name="Field">The field as written (<c>Story Points</c>, <c>cf[10010]</c>, <c>key</c>).</param>
/// <param name="FieldId">The custom field's id (<c>customfield_10010</c>) or the system field's JQL name (<c>issuekey</c>).</param>
/// <param name="Operator">The operator as written, in Jira's spelling (<c>=</c>, <c>not in</c>, <c>is not</c>).</param>
/// <param name="Operand">The operand (<c>DOCS</c>, <c>(Done, To Do)</c>, <c>currentUser()</c>, <c>EMPTY</c>).</param>
/// <param name="Negated">Whether the clause sits under a NOT.</param>
internal sealed record JqlClauseInfo(string Field, string FieldId, string Operator, string Operand, bool Negated);
