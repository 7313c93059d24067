using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JiraSdk.Testing.Jql.Syntax;

namespace JiraSdk.Testing.Jql.Fields;

/// <summary>
/// A field whose values are Jira objects named by id, key, name or option value (project, issue type, status,
/// status category, priority, resolution, versions, components, parent, select lists). Names match case-insensitively.
/// </summary>
internal sealed class JqlObjectField : JqlField
{
    private readonly Func<JsonObject, IEnumerable<JsonObject>> _values;
    private readonly string[] _names;
    private readonly Func<JsonObject, JqlSortValue> _sort;
    private readonly Func<JsonObject, double?>? _rank;
    private readonly Func<string, double?>? _knownRank;

    /// <param name="name">Jira's name of the field.</param>
    /// <param name="operators">The operators Jira allows on it.</param>
    /// <param name="values">The field's objects on an issue.</param>
    /// <param name="names">The properties a search value may equal (e.g. id, key, name).</param>
    /// <param name="sort">The sort key of one object; a multi-valued field sorts by its smallest.</param>
    /// <param name="rank">For ordered fields (priority, versions): an object's rank, greater is "greater".</param>
    /// <param name="knownRank">For ordered fields: the rank of a value named in a query, when known without issues.</param>
    public JqlObjectField(string name, IEnumerable<JqlOperator> operators, Func<JsonObject, IEnumerable<JsonObject>> values,
        string[] names, Func<JsonObject, JqlSortValue> sort, Func<JsonObject, double?>? rank = null, Func<string, double?>? knownRank = null)
        : base(name, operators)
    {
        _values = values;
        _names = names;
        _sort = sort;
        _rank = rank;
        _knownRank = knownRank;
    }

    /// <summary>Values that stand for "no value", such as <c>Unresolved</c> for resolution.</summary>
    public string[] EmptyAliases { get; init; } = Array.Empty<string>();

    public override bool HasValue(JsonObject issue, JqlEvaluation evaluation) => _values(issue).Any();

    public override bool MeansEmpty(string value) => EmptyAliases.Any(a => SameText(a, value));

    public override bool EqualsAny(JsonObject issue, IReadOnlyList<JqlValue> values, JqlEvaluation evaluation) =>
        _values(issue).Any(o => values.Any(v => v.Test is { } test ? test(o) : _names.Any(n => SameText(Text(o[n]), v.Text))));

    public override bool Compare(JsonObject issue, JqlOperator op, JqlValue value, JqlEvaluation evaluation)
    {
        if (_rank is null || RankOf(value.Text, evaluation) is not { } target)
        {
            return false;
        }

        return _values(issue).Any(o => _rank(o) is { } rank && Satisfies(rank.CompareTo(target), op));
    }

    public override JqlSortValue? SortValue(JsonObject issue, JqlEvaluation evaluation)
    {
        JqlSortValue? smallest = null;
        foreach (var value in _values(issue))
        {
            var key = _sort(value);
            if (smallest is null || key.CompareTo(smallest.Value) < 0)
            {
                smallest = key;
            }
        }

        return smallest;
    }

    public override void Learn(JsonObject issue, Dictionary<string, double> ranks)
    {
        if (_rank is null)
        {
            return;
        }

        foreach (var value in _values(issue))
        {
            if (_rank(value) is { } rank)
            {
                foreach (var name in _names)
                {
                    if (Text(value[name]) is { } text)
                    {
                        ranks[text.Trim().ToLowerInvariant()] = rank;
                    }
                }
            }
        }
    }

    private double? RankOf(string text, JqlEvaluation evaluation)
    {
        if (evaluation.LearnedRanks.TryGetValue(this, out var learned) && learned.TryGetValue(text.Trim().ToLowerInvariant(), out var rank))
        {
            return rank;
        }

        return _knownRank?.Invoke(text);
    }
}

/// <summary>
/// A user field (assignee, reporter, creator, user pickers). A value matches a user by account id, or by email
/// address, display name or (Data Center) user name, case-insensitively; <c>currentUser()</c> gives the account id.
/// Users sort by display name.
/// </summary>
internal sealed class JqlUserField : JqlField
{
    private readonly Func<JsonObject, IEnumerable<JsonObject>> _users;

    public JqlUserField(string name, Func<JsonObject, IEnumerable<JsonObject>> users)
        : base(name, EqualityOperators) => _users = users;

    public override JqlFunctionKind AcceptedFunctions => JqlFunctionKind.User;

    public override bool HasValue(JsonObject issue, JqlEvaluation evaluation) => _users(issue).Any();

    public override bool EqualsAny(JsonObject issue, IReadOnlyList<JqlValue> values, JqlEvaluation evaluation) =>
        _users(issue).Any(user => values.Any(v =>
            string.Equals(Text(user["accountId"]), v.Text, StringComparison.Ordinal)
            || SameText(Text(user["emailAddress"]), v.Text)
            || SameText(Text(user["displayName"]), v.Text)
            || SameText(Text(user["name"]), v.Text)
            || SameText(Text(user["key"]), v.Text)));

    public override JqlSortValue? SortValue(JsonObject issue, JqlEvaluation evaluation) =>
        _users(issue).Select(u => (JqlSortValue?)JqlSortValue.Of(Text(u["displayName"]) ?? Text(u["accountId"]) ?? string.Empty))
            .FirstOrDefault();
}

/// <summary>
/// <c>issuekey</c> (also <c>key</c>, <c>id</c>, <c>issue</c>): a value is an issue key (case-insensitive) or an issue
/// id. Comparing with <c>&lt;</c>/<c>&gt;</c> against a key orders issues of that key's project by number, as Jira
/// does; against an id it compares ids. Sorts by project key, then number.
/// </summary>
internal sealed partial class JqlIssueKeyField : JqlField
{
    public JqlIssueKeyField()
        : base("issuekey", new[]
        {
            JqlOperator.Equals, JqlOperator.NotEquals, JqlOperator.In, JqlOperator.NotIn,
            JqlOperator.LessThan, JqlOperator.LessThanEquals, JqlOperator.GreaterThan, JqlOperator.GreaterThanEquals,
        })
    {
    }

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9_]*)-(\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IssueKey();

    public override string? ValidateLiteral(string value, string clauseName) =>
        IsValid(value) ? null : $"The issue key '{value}' for field '{clauseName}' is invalid.";

    public static bool IsValid(string value) => IsId(value) || IssueKey().IsMatch(value.Trim());

    public override bool HasValue(JsonObject issue, JqlEvaluation evaluation) => true;

    public override bool EqualsAny(JsonObject issue, IReadOnlyList<JqlValue> values, JqlEvaluation evaluation) =>
        values.Any(v => v.Test is { } test ? test(issue) : IsId(v.Text)
            ? string.Equals(Text(issue["id"]), v.Text.Trim(), StringComparison.Ordinal)
            : SameText(Text(issue["key"]), v.Text));

    public override bool Compare(JsonObject issue, JqlOperator op, JqlValue value, JqlEvaluation evaluation)
    {
        if (IsId(value.Text))
        {
            return long.TryParse(Text(issue["id"]), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && Satisfies(id.CompareTo(long.Parse(value.Text.Trim(), CultureInfo.InvariantCulture)), op);
        }

        var target = IssueKey().Match(value.Text.Trim());
        var own = IssueKey().Match(Text(issue["key"]) ?? string.Empty);
        return target.Success && own.Success
            && string.Equals(target.Groups[1].Value, own.Groups[1].Value, StringComparison.OrdinalIgnoreCase)
            && Satisfies(long.Parse(own.Groups[2].Value, CultureInfo.InvariantCulture)
                .CompareTo(long.Parse(target.Groups[2].Value, CultureInfo.InvariantCulture)), op);
    }

    public override JqlSortValue? SortValue(JsonObject issue, JqlEvaluation evaluation)
    {
        var own = IssueKey().Match(Text(issue["key"]) ?? string.Empty);
        return own.Success
            ? new JqlSortValue(own.Groups[1].Value, double.Parse(own.Groups[2].Value, CultureInfo.InvariantCulture))
            : JqlSortValue.Of(Text(issue["key"]) ?? string.Empty);
    }

    private static bool IsId(string text) => text.Trim().Length > 0 && text.Trim().All(char.IsAsciiDigit);
}

/// <summary>Labels (and label custom fields): a set of strings, matched case-insensitively.</summary>
internal sealed class JqlLabelsField : JqlField
{
    private readonly string _id;

    public JqlLabelsField(string name, string id)
        : base(name, EqualityOperators) => _id = id;

    public override bool HasValue(JsonObject issue, JqlEvaluation evaluation) => Labels(issue).Any();

    public override bool EqualsAny(JsonObject issue, IReadOnlyList<JqlValue> values, JqlEvaluation evaluation) =>
        Labels(issue).Any(l => values.Any(v => SameText(l, v.Text)));

    public override JqlSortValue? SortValue(JsonObject issue, JqlEvaluation evaluation)
    {
        var labels = Labels(issue).Order(StringComparer.OrdinalIgnoreCase).ToList();
        return labels.Count == 0 ? null : JqlSortValue.Of(string.Join(" ", labels));
    }

    private IEnumerable<string> Labels(JsonObject issue) => FieldOf(issue, _id) switch
    {
        JsonArray array => array.Select(Text).OfType<string>().Where(t => t.Length > 0),
        JsonValue single when Text(single) is { Length: > 0 } text => new[] { text },
        _ => Array.Empty<string>(),
    };
}

/// <summary>
/// A text field searched with <c>~</c>: summary, description, environment, comment (each comment on its own), the
/// <c>text</c> master field and text custom fields. Each text is matched on its own, as Jira's index does per field.
/// </summary>
internal sealed class JqlTextField : JqlField
{
    private readonly Func<JsonObject, IEnumerable<string?>> _texts;

    public JqlTextField(string name, IEnumerable<JqlOperator> operators, Func<JsonObject, IEnumerable<string?>> texts)
        : base(name, operators) => _texts = texts;

    public override bool HasValue(JsonObject issue, JqlEvaluation evaluation) =>
        _texts(issue).Any(t => !string.IsNullOrWhiteSpace(t));

    public override bool Contains(JsonObject issue, JqlTextSearch query) => _texts(issue).Any(query.Matches);

    public override JqlSortValue? SortValue(JsonObject issue, JqlEvaluation evaluation) =>
        _texts(issue).FirstOrDefault(t => !string.IsNullOrEmpty(t)) is { } text ? JqlSortValue.Of(text) : null;

    /// <summary>
    /// The text of a rich-text value: a wiki string as is; an Atlassian Document Format tree (if a caller passes one)
    /// by its text nodes.
    /// </summary>
    internal static string? PlainText(JsonNode? node)
    {
        if (node is JsonValue)
        {
            return Text(node);
        }

        if (node is null)
        {
            return null;
        }

        var text = new StringBuilder();
        Collect(node, text);
        return text.ToString();

        static void Collect(JsonNode? node, StringBuilder into)
        {
            switch (node)
            {
                case JsonObject obj:
                    if (obj["text"] is JsonValue t && Text(t) is { } s)
                    {
                        into.Append(s).Append(' ');
                    }

                    if (obj["content"] is JsonArray content)
                    {
                        Collect(content, into);
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Collect(item, into);
                    }

                    break;
            }
        }
    }
}

/// <summary>
/// A date or date-time field. Date-only values (due date, date pickers) are the start of their day in the searcher's
/// time zone. <c>=</c> compares to the minute (Jira indexes dates at minute resolution), the other operators compare
/// instants; see <see cref="JqlDates"/> for what a value stands for.
/// </summary>
internal sealed class JqlDateField : JqlField
{
    private readonly string _id;
    private readonly bool _dateOnly;

    public JqlDateField(string name, string id, bool dateOnly)
        : base(name, OrderedOperators)
    {
        _id = id;
        _dateOnly = dateOnly;
    }

    public override JqlFunctionKind AcceptedFunctions => JqlFunctionKind.Date;

    public override string? ValidateLiteral(string value, string clauseName) =>
        JqlDates.IsValidLiteral(value) ? null : $"Date value '{value}' for field '{clauseName}' is invalid. {JqlDates.InvalidFormatsHint}";

    public override bool HasValue(JsonObject issue, JqlEvaluation evaluation) => Instant(issue, evaluation) is not null;

    public override bool EqualsAny(JsonObject issue, IReadOnlyList<JqlValue> values, JqlEvaluation evaluation) =>
        Instant(issue, evaluation) is { } instant
        && values.Any(v => Resolve(v, evaluation) is { } target && ToMinute(instant) == ToMinute(target));

    public override bool Compare(JsonObject issue, JqlOperator op, JqlValue value, JqlEvaluation evaluation) =>
        Instant(issue, evaluation) is { } instant && Resolve(value, evaluation) is { } target
        && Satisfies(instant.CompareTo(target), op);

    public override JqlSortValue? SortValue(JsonObject issue, JqlEvaluation evaluation) =>
        Instant(issue, evaluation) is { } instant ? JqlSortValue.Of(instant.UtcTicks) : null;

    private static DateTimeOffset? Resolve(JqlValue value, JqlEvaluation evaluation) =>
        value.Instant ?? (JqlDates.TryResolve(value.Text, evaluation.Context, out var instant) ? instant : null);

    private static long ToMinute(DateTimeOffset instant) => instant.UtcTicks / TimeSpan.TicksPerMinute;

    private DateTimeOffset? Instant(JsonObject issue, JqlEvaluation evaluation) =>
        Text(FieldOf(issue, _id)) is { Length: > 0 } text
            ? _dateOnly ? JqlDates.ParseIssueDate(text, evaluation.Context.TimeZone) : JqlDates.ParseIssueDateTime(text)
            : null;
}

/// <summary>A number: a number custom field (e.g. Story Points), votes, watchers.</summary>
internal sealed class JqlNumberField : JqlField
{
    private readonly Func<JsonObject, double?> _value;

    public JqlNumberField(string name, Func<JsonObject, double?> value)
        : base(name, OrderedOperators) => _value = value;

    public override string? ValidateLiteral(string value, string clauseName) =>
        Parse(value) is null ? $"The value '{value}' is not a valid number for field '{clauseName}'." : null;

    public override bool HasValue(JsonObject issue, JqlEvaluation evaluation) => _value(issue) is not null;

    public override bool EqualsAny(JsonObject issue, IReadOnlyList<JqlValue> values, JqlEvaluation evaluation) =>
        _value(issue) is { } number && values.Any(v => Parse(v.Text) == number);

    public override bool Compare(JsonObject issue, JqlOperator op, JqlValue value, JqlEvaluation evaluation) =>
        _value(issue) is { } number && Parse(value.Text) is { } target && Satisfies(number.CompareTo(target), op);

    public override JqlSortValue? SortValue(JsonObject issue, JqlEvaluation evaluation) =>
        _value(issue) is { } number ? JqlSortValue.Of(number) : null;

    private static double? Parse(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
}

/// <summary>
/// <c>ORDER BY Rank</c> on a site without a Rank field: new issues are ranked last, so rank follows issue ids.
/// Not searchable by value, as in Jira.
/// </summary>
internal sealed class JqlRankField : JqlField
{
    public JqlRankField()
        : base("rank", Array.Empty<JqlOperator>())
    {
    }

    public override bool HasValue(JsonObject issue, JqlEvaluation evaluation) => true;

    public override JqlSortValue? SortValue(JsonObject issue, JqlEvaluation evaluation) =>
        Number(issue["id"]) is { } id ? JqlSortValue.Of(id) : null;
}
