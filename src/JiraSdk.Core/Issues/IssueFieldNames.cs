using JiraSdk.Errors;

namespace JiraSdk.Issues;

/// <summary>
/// Field ids by field name, for reading custom fields by the name people see (<c>Story Points</c>) rather than by id
/// (<c>customfield_10016</c>), which differs from site to site. Built from the fields API (<c>GET /rest/api/3/field</c>;
/// <c>jira.V3.GetFieldNamesAsync()</c>) or from an issue's <c>names</c> expansion (<see cref="FromNames"/>).
/// </summary>
/// <remarks>
/// Names are matched ordinally first, then ignoring case (invariant), as Jira's own JQL matches them. Jira lets two custom
/// fields share a name; such a name resolves to no single id, and <see cref="IdOf"/> says which ids it could be.
/// </remarks>
public sealed class IssueFieldNames
{
    private readonly Dictionary<string, List<string>> _idsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _idsByFoldedName = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    /// <summary>Creates the map from (field id, field name) pairs.</summary>
    /// <param name="fields">Each field's id and name; entries without a name are known by id only.</param>
    public IssueFieldNames(IEnumerable<KeyValuePair<string, string?>> fields)
    {
        if (fields is null) throw new ArgumentNullException(nameof(fields));
        foreach (var (id, name) in fields.Select(pair => (pair.Key, pair.Value)))
        {
            if (string.IsNullOrEmpty(id) || !_ids.Add(id)) continue;
            if (string.IsNullOrEmpty(name)) continue;
            Add(_idsByName, name!, id);
            Add(_idsByFoldedName, name!, id);
        }
    }

    /// <summary>From an issue's <c>names</c> expansion (<c>expand=names</c>): field name by field id.</summary>
    /// <param name="names">The <c>names</c> map of an issue or a search.</param>
    public static IssueFieldNames FromNames(IDictionary<string, string> names) =>
        new((names ?? throw new ArgumentNullException(nameof(names))).Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)));

    /// <summary>Finds the id of the one field called <paramref name="name"/>; an id that is known is its own answer.</summary>
    /// <param name="name">The field's name, e.g. <c>Story Points</c>, or its id.</param>
    /// <param name="fieldId">The id, when exactly one field matches.</param>
    /// <returns>Whether exactly one field matches.</returns>
    public bool TryGetId(string name, out string fieldId)
    {
        var ids = Candidates(name);
        fieldId = ids.Count == 1 ? ids[0] : string.Empty;
        return ids.Count == 1;
    }

    /// <summary>The id of the one field called <paramref name="name"/>; an id that is known is its own answer.</summary>
    /// <param name="name">The field's name, e.g. <c>Story Points</c>, or its id.</param>
    /// <exception cref="JiraFieldException">No field has that name, or several do (the message lists their ids).</exception>
    public string IdOf(string name)
    {
        var ids = Candidates(name);
        return ids.Count switch
        {
            1 => ids[0],
            0 => throw new JiraFieldException(name, $"No field is named '{name}'."),
            _ => throw new JiraFieldException(name, $"{ids.Count} fields are named '{name}' ({string.Join(", ", ids)}); read the one you mean by its id."),
        };
    }

    private IReadOnlyList<string> Candidates(string name)
    {
        if (name is null) throw new ArgumentNullException(nameof(name));
        if (_ids.Contains(name)) return [name];
        if (_idsByName.TryGetValue(name, out var exact)) return exact;
        return _idsByFoldedName.TryGetValue(name, out var folded) ? folded : Array.Empty<string>();
    }

    private static void Add(Dictionary<string, List<string>> map, string name, string id)
    {
        if (!map.TryGetValue(name, out var ids)) map[name] = ids = new List<string>(1);
        ids.Add(id);
    }
}
