using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using JiraSdk.Testing.Jql.Syntax;

namespace JiraSdk.Testing.Jql.Fields;

/// <summary>
/// One value of an operand once evaluated: a literal, a user from <c>currentUser()</c>, an instant, or (list
/// functions such as <c>subTaskIssueTypes()</c>) a test of the field's object or of the issue itself.
/// </summary>
internal readonly record struct JqlValue(string Text, DateTimeOffset? Instant = null, Func<JsonObject, bool>? Test = null);

/// <summary>Which function results a field accepts.</summary>
internal enum JqlFunctionKind
{
    None,
    Date,
    User,
}

/// <summary>A field's sort key: text first (culture-invariant, case-insensitive), then number.</summary>
internal readonly record struct JqlSortValue(string Text, double Number) : IComparable<JqlSortValue>
{
    public static JqlSortValue Of(string text) => new(text, 0);

    public static JqlSortValue Of(double number) => new(string.Empty, number);

    public int CompareTo(JqlSortValue other)
    {
        var text = CultureInfo.InvariantCulture.CompareInfo.Compare(Text, other.Text, CompareOptions.IgnoreCase);
        if (text == 0)
        {
            text = string.CompareOrdinal(Text, other.Text);
        }

        return text != 0 ? text : Number.CompareTo(other.Number);
    }
}

/// <summary>What evaluation needs besides the issue: the context and value orders learned from the issues searched.</summary>
internal sealed class JqlEvaluation
{
    public JqlEvaluation(JqlEvaluationContext context) => Context = context;

    public JqlEvaluationContext Context { get; }

    /// <summary>Per field, the rank of a constant (priority, version) by its lower-cased name, learned from issues.</summary>
    public Dictionary<JqlField, Dictionary<string, double>> LearnedRanks { get; } = new();
}

/// <summary>
/// A searchable field: which operators Jira allows on it, how its value is read from an issue in the REST v2 shape,
/// how values match, compare, contain text and sort.
/// </summary>
internal abstract class JqlField
{
    internal static readonly JqlOperator[] EqualityOperators =
    {
        JqlOperator.Equals, JqlOperator.NotEquals, JqlOperator.In, JqlOperator.NotIn, JqlOperator.Is, JqlOperator.IsNot,
    };

    internal static readonly JqlOperator[] OrderedOperators =
    {
        JqlOperator.Equals, JqlOperator.NotEquals, JqlOperator.In, JqlOperator.NotIn, JqlOperator.Is, JqlOperator.IsNot,
        JqlOperator.LessThan, JqlOperator.LessThanEquals, JqlOperator.GreaterThan, JqlOperator.GreaterThanEquals,
    };

    internal static readonly JqlOperator[] TextOperators =
    {
        JqlOperator.Like, JqlOperator.NotLike, JqlOperator.Is, JqlOperator.IsNot,
    };

    protected JqlField(string name, IEnumerable<JqlOperator> operators)
    {
        Name = name;
        Operators = operators.ToHashSet();
    }

    /// <summary>Jira's name of the field.</summary>
    public string Name { get; }

    public IReadOnlySet<JqlOperator> Operators { get; }

    public bool Sortable { get; init; } = true;

    /// <summary>Jira's own sort order for the field, used when ORDER BY names no direction.</summary>
    public bool DefaultDescending { get; init; }

    public virtual JqlFunctionKind AcceptedFunctions => JqlFunctionKind.None;

    public abstract bool HasValue(JsonObject issue, JqlEvaluation evaluation);

    /// <summary>When the site's values are known: whether a literal names one of them (Jira Cloud refuses others).</summary>
    public Func<string, bool>? Exists { get; init; }

    /// <summary>The list functions (beyond the date and user ones) this field takes, by lower-cased name.</summary>
    public IReadOnlyDictionary<string, Func<IReadOnlyList<string>, Func<JsonObject, bool>>> ListFunctions { get; init; } =
        new Dictionary<string, Func<IReadOnlyList<string>, Func<JsonObject, bool>>>();

    /// <summary>Jira's error for a literal this field cannot take, or null.</summary>
    public virtual string? ValidateLiteral(string value, string clauseName) =>
        Exists is not null && !MeansEmpty(value) && !Exists(value)
            ? $"The value '{value}' does not exist for the field '{clauseName}'."
            : null;

    /// <summary>Whether a literal stands for "no value" (<c>resolution = Unresolved</c>).</summary>
    public virtual bool MeansEmpty(string value) => false;

    public virtual bool EqualsAny(JsonObject issue, IReadOnlyList<JqlValue> values, JqlEvaluation evaluation) => false;

    public virtual bool Compare(JsonObject issue, JqlOperator op, JqlValue value, JqlEvaluation evaluation) => false;

    public virtual bool Contains(JsonObject issue, JqlTextSearch query) => false;

    /// <summary>The sort key, or null when the field is empty (empties sort last ascending, first descending).</summary>
    public virtual JqlSortValue? SortValue(JsonObject issue, JqlEvaluation evaluation) => null;

    /// <summary>Learns constant orders (priority, version) from the issues being searched.</summary>
    public virtual void Learn(JsonObject issue, Dictionary<string, double> ranks)
    {
    }

    protected static bool Satisfies(int comparison, JqlOperator op) => op switch
    {
        JqlOperator.LessThan => comparison < 0,
        JqlOperator.LessThanEquals => comparison <= 0,
        JqlOperator.GreaterThan => comparison > 0,
        JqlOperator.GreaterThanEquals => comparison >= 0,
        _ => false,
    };

    internal static JsonObject? FieldsOf(JsonObject issue) => issue["fields"] as JsonObject;

    internal static JsonNode? FieldOf(JsonObject issue, string id) =>
        FieldsOf(issue) is { } fields && fields.TryGetPropertyValue(id, out var node) ? node : null;

    /// <summary>A JSON scalar as text (strings as they are, numbers and booleans as JSON writes them).</summary>
    internal static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        }
        : null;

    internal static double? Number(JsonNode? node) =>
        Text(node) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    /// <summary>The objects of a single-object or array field.</summary>
    internal static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject single => new[] { single },
        JsonArray array => array.OfType<JsonObject>(),
        _ => Array.Empty<JsonObject>(),
    };

    internal static bool SameText(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
