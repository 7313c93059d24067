using System.Globalization;
using System.Text.Json.Nodes;
using JiraSdk.Testing.Jql.Syntax;

namespace JiraSdk.Testing.Jql.Fields;

/// <summary>
/// The fields a query may name: Jira's system fields under their JQL names and aliases (case-insensitive), and the
/// custom fields of the <c>/rest/api/2/field</c> list, as <c>cf[10010]</c> or by name (a system name wins; two custom
/// fields of one name are both searched, as Jira does).
/// </summary>
internal sealed class JqlFieldCatalog
{
    // Jira's default priorities (Highest = 1 … Lowest = 5): a priority with a greater rank is "higher".
    private static readonly Dictionary<string, double> DefaultPriorityRanks = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Highest"] = -1, ["High"] = -2, ["Medium"] = -3, ["Low"] = -4, ["Lowest"] = -5,
        ["Blocker"] = -1, ["Critical"] = -2, ["Major"] = -3, ["Minor"] = -4, ["Trivial"] = -5,
    };

    private static readonly Dictionary<string, int> StatusCategoryOrder = new(StringComparer.OrdinalIgnoreCase)
    {
        ["undefined"] = 0, ["new"] = 1, ["indeterminate"] = 2, ["done"] = 3,
    };

    private readonly Dictionary<string, JqlField> _system = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, JqlField> _customById = new();
    private readonly Dictionary<JqlField, string> _customIds = new();
    private readonly Dictionary<string, List<JqlField>> _customByName = new(StringComparer.OrdinalIgnoreCase);

    private readonly JqlKnownValues _known;

    public JqlFieldCatalog(IReadOnlyList<JsonObject> fieldDefinitions, JqlKnownValues? known)
    {
        _known = known ?? new JqlKnownValues();
        var textCustomFieldIds = new List<string>();
        foreach (var definition in fieldDefinitions)
        {
            if (definition["custom"] is not JsonValue custom || !custom.TryGetValue<bool>(out var isCustom) || !isCustom)
            {
                continue;
            }

            var id = JqlField.Text(definition["id"]);
            var name = JqlField.Text(definition["name"]);
            var schema = definition["schema"] as JsonObject;
            var number = JqlField.Number(schema?["customId"])
                ?? (id is not null && id.StartsWith("customfield_", StringComparison.Ordinal)
                    && long.TryParse(id["customfield_".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                        ? parsed
                        : null);
            if (id is null || name is null || number is null)
            {
                continue;
            }

            var field = CustomField(name, id, schema);
            if (field is JqlTextField)
            {
                textCustomFieldIds.Add(id);
            }

            _customById[(long)number.Value] = field;
            _customIds[field] = id;
            if (!_customByName.TryGetValue(name, out var named))
            {
                _customByName[name] = named = new List<JqlField>();
            }

            named.Add(field);
        }

        AddSystemFields(textCustomFieldIds);
        if (!_customByName.ContainsKey("Rank"))
        {
            // Every Jira Cloud site has a Rank field, and boards sort by it; without one, issues rank in creation order.
            Add(new JqlRankField(), "rank");
        }
    }

    /// <summary>A custom field's id (<c>customfield_10010</c>), or a system field's JQL name (<c>issuekey</c>, <c>status</c>).</summary>
    public string IdOf(JqlField field) => _customIds.TryGetValue(field, out var id) ? id : field.Name;

    /// <summary>The fields a clause name stands for; empty when Jira knows no such field.</summary>
    public IReadOnlyList<JqlField> Resolve(JqlFieldName name)
    {
        if (name.CustomFieldId is { } id)
        {
            return _customById.TryGetValue(id, out var byId) ? new[] { byId } : Array.Empty<JqlField>();
        }

        if (_system.TryGetValue(name.Text.Trim(), out var system))
        {
            return new[] { system };
        }

        return _customByName.TryGetValue(name.Text.Trim(), out var named) ? named : Array.Empty<JqlField>();
    }

    private void AddSystemFields(List<string> textCustomFieldIds)
    {
        var constants = new[] { "id", "name" };
        Add(new JqlObjectField("project", JqlField.EqualityOperators, i => Single(i, "project"), new[] { "id", "key", "name" },
            o => JqlSortValue.Of(JqlField.Text(o["name"]) ?? string.Empty))
        {
            Exists = Known(_known.Projects, "id", "key", "name"),
        }, "project");
        Add(new JqlIssueKeyField
        {
            ListFunctions = new Dictionary<string, Func<IReadOnlyList<string>, Func<JsonObject, bool>>>
            {
                ["linkedissues"] = LinkedIssues,
            },
        }, "issuekey", "key", "id", "issue");
        Add(new JqlObjectField("issuetype", JqlField.EqualityOperators, i => Single(i, "issuetype"), constants, ByName)
        {
            Exists = Known(_known.IssueTypes, "id", "name"),
            ListFunctions = new Dictionary<string, Func<IReadOnlyList<string>, Func<JsonObject, bool>>>
            {
                ["standardissuetypes"] = NoArguments("standardIssueTypes", o => !IsTrue(o["subtask"])),
                ["subtaskissuetypes"] = NoArguments("subTaskIssueTypes", o => IsTrue(o["subtask"])),
            },
        }, "issuetype", "type");
        Add(new JqlObjectField("status", JqlField.EqualityOperators, i => Single(i, "status"), constants, ByName)
        {
            Exists = Known(_known.Statuses, "id", "name"),
        }, "status");
        Add(new JqlObjectField("statusCategory", JqlField.EqualityOperators,
            i => JqlField.Objects(JqlField.FieldOf(i, "status") is JsonObject status ? status["statusCategory"] : null),
            new[] { "id", "key", "name" },
            o => JqlSortValue.Of(StatusCategoryOrder.TryGetValue(JqlField.Text(o["key"]) ?? string.Empty, out var order) ? order : 9))
        {
            Exists = v => StatusCategories.Contains(v.Trim()),
        }, "statusCategory");
        Add(new JqlObjectField("priority", JqlField.OrderedOperators, i => Single(i, "priority"), constants,
            o => JqlSortValue.Of(PriorityRank(o) ?? double.MinValue),
            rank: PriorityRank,
            knownRank: KnownPriorityRank)
        {
            DefaultDescending = true,
            Exists = Known(_known.Priorities, "id", "name"),
        }, "priority");
        Add(new JqlObjectField("resolution", JqlField.OrderedOperators, i => Single(i, "resolution"), constants,
            o => JqlSortValue.Of(JqlField.Number(o["id"]) ?? 0),
            rank: o => JqlField.Number(o["id"]),
            knownRank: v => double.TryParse(v.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null)
        {
            EmptyAliases = new[] { "Unresolved" },
            Exists = Known(_known.Resolutions, "id", "name"),
        }, "resolution");
        Add(new JqlUserField("assignee", i => Single(i, "assignee")) { Exists = KnownUser }, "assignee");
        Add(new JqlUserField("reporter", i => Single(i, "reporter")) { Exists = KnownUser }, "reporter");
        Add(new JqlUserField("creator", i => Single(i, "creator")) { Exists = KnownUser }, "creator");
        Add(new JqlLabelsField("labels", "labels"), "labels");
        Add(new JqlTextField("summary", JqlField.TextOperators, i => new[] { PlainField(i, "summary") }), "summary");
        Add(new JqlTextField("description", JqlField.TextOperators, i => new[] { PlainField(i, "description") }) { Sortable = false }, "description");
        Add(new JqlTextField("environment", JqlField.TextOperators, i => new[] { PlainField(i, "environment") }) { Sortable = false }, "environment");
        Add(new JqlTextField("comment", new[] { JqlOperator.Like, JqlOperator.NotLike }, Comments) { Sortable = false }, "comment");
        Add(new JqlTextField("text", new[] { JqlOperator.Like, JqlOperator.NotLike },
            i => new[] { PlainField(i, "summary"), PlainField(i, "description"), PlainField(i, "environment") }
                .Concat(Comments(i))
                .Concat(textCustomFieldIds.Select(id => PlainField(i, id))))
        {
            Sortable = false,
        }, "text");
        Add(new JqlDateField("created", "created", dateOnly: false) { DefaultDescending = true }, "created", "createdDate");
        Add(new JqlDateField("updated", "updated", dateOnly: false) { DefaultDescending = true }, "updated", "updatedDate");
        Add(new JqlDateField("resolved", "resolutiondate", dateOnly: false) { DefaultDescending = true }, "resolved", "resolutiondate");
        Add(new JqlDateField("duedate", "duedate", dateOnly: true), "duedate", "due");
        Add(new JqlObjectField("parent", JqlField.EqualityOperators, i => Single(i, "parent"), new[] { "id", "key" },
            o => JqlSortValue.Of(JqlField.Text(o["key"]) ?? string.Empty)), "parent");
        Add(Versions("fixVersion", "fixVersions"), "fixVersion");
        Add(Versions("affectedVersion", "versions"), "affectedVersion");
        Add(new JqlObjectField("component", JqlField.EqualityOperators, i => Many(i, "components"), constants, ByName), "component");
        Add(new JqlObjectField("issueLinkType", new[] { JqlOperator.Equals, JqlOperator.NotEquals, JqlOperator.In, JqlOperator.NotIn },
            LinkTypes, new[] { "description" }, ByName)
        {
            Sortable = false,
        }, "issueLinkType");
        Add(new JqlObjectField("attachments", new[] { JqlOperator.Is, JqlOperator.IsNot }, i => Many(i, "attachment"), constants, ByName)
        {
            Sortable = false,
        }, "attachments");
        Add(new JqlNumberField("votes", i => JqlField.Number(JqlField.FieldOf(i, "votes") is JsonObject v ? v["votes"] : null)), "votes");
        Add(new JqlNumberField("watchers", i => JqlField.Number(JqlField.FieldOf(i, "watches") is JsonObject w ? w["watchCount"] : null)), "watchers");
    }

    /// <summary>
    /// An issue's links as Jira's issueLinkType sees them: by the description of this issue's side (the issue linking
    /// out "blocks", the issue linked to "is blocked by").
    /// </summary>
    private static IEnumerable<JsonObject> LinkTypes(JsonObject issue) =>
        Many(issue, "issuelinks").Where(l => l["type"] is JsonObject).Select(l => new JsonObject
        {
            ["name"] = JqlField.Text(l["type"]!["name"]),
            ["description"] = JqlField.Text(l["type"]![l["outwardIssue"] is JsonObject ? "outward" : "inward"]),
        });

    private static readonly HashSet<string> StatusCategories = new(StringComparer.OrdinalIgnoreCase)
    {
        "1", "2", "3", "4", "undefined", "new", "indeterminate", "done", "No Category", "To Do", "In Progress", "Done",
    };

    private static bool IsTrue(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private static Func<string, bool>? Known(IReadOnlyList<JsonObject>? values, params string[] names) =>
        values is null ? null : v => values.Any(o => names.Any(n => JqlField.SameText(JqlField.Text(o[n]), v)));

    private bool KnownUser(string value) =>
        _known.Users is not { } users
        || users.Any(u => string.Equals(JqlField.Text(u["accountId"]), value, StringComparison.Ordinal)
            || new[] { "emailAddress", "displayName", "name", "key" }.Any(n => JqlField.SameText(JqlField.Text(u[n]), value)));

    /// <summary>Greater is higher: by the known priority list when given (highest first), else by Jira's ids (1 = Highest).</summary>
    private double? PriorityRank(JsonObject priority)
    {
        if (_known.Priorities is { } priorities)
        {
            for (var index = 0; index < priorities.Count; index++)
            {
                if (JqlField.SameText(JqlField.Text(priorities[index]["id"]), JqlField.Text(priority["id"])))
                {
                    return -index;
                }
            }
        }

        return -JqlField.Number(priority["id"]);
    }

    private double? KnownPriorityRank(string value)
    {
        if (_known.Priorities is { } priorities)
        {
            var known = priorities.FirstOrDefault(p => JqlField.SameText(JqlField.Text(p["name"]), value) || JqlField.SameText(JqlField.Text(p["id"]), value));
            if (known is not null)
            {
                return PriorityRank(known);
            }
        }

        return double.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? -id
            : DefaultPriorityRanks.TryGetValue(value.Trim(), out var rank) ? rank : null;
    }

    private static Func<IReadOnlyList<string>, Func<JsonObject, bool>> NoArguments(string name, Func<JsonObject, bool> test) =>
        arguments => arguments.Count == 0
            ? test
            : throw new JqlException($"Function '{name}' expected '0' arguments but received '{arguments.Count}'.");

    /// <summary><c>linkedIssues(key[, linkType])</c>: issues with a link to that issue (of that type, by name or description).</summary>
    private static Func<JsonObject, bool> LinkedIssues(IReadOnlyList<string> arguments)
    {
        if (arguments.Count is < 1 or > 2)
        {
            throw new JqlException($"Function 'linkedIssues' expected between '1' and '2' arguments but received '{arguments.Count}'.");
        }

        if (!JqlIssueKeyField.IsValid(arguments[0]))
        {
            throw new JqlException($"Issue '{arguments[0]}' could not be found in function 'linkedIssues'.");
        }

        var target = arguments[0].Trim();
        var linkType = arguments.Count == 2 ? arguments[1] : null;
        return issue => Many(issue, "issuelinks").Any(link =>
        {
            var other = link["inwardIssue"] as JsonObject ?? link["outwardIssue"] as JsonObject;
            if (other is null || !(JqlField.SameText(JqlField.Text(other["key"]), target) || JqlField.SameText(JqlField.Text(other["id"]), target)))
            {
                return false;
            }

            var type = link["type"] as JsonObject;
            return linkType is null || new[] { "name", "inward", "outward" }.Any(n => JqlField.SameText(JqlField.Text(type?[n]), linkType));
        });
    }

    /// <summary>Version fields; versions order by id (creation order) for lack of their sequence.</summary>
    private static JqlField Versions(string name, string id) =>
        new JqlObjectField(name, JqlField.OrderedOperators, i => Many(i, id), new[] { "id", "name" },
            o => JqlSortValue.Of(JqlField.Number(o["id"]) ?? 0),
            rank: o => JqlField.Number(o["id"]),
            knownRank: v => double.TryParse(v.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var versionId) ? versionId : null)
        {
            ListFunctions = new Dictionary<string, Func<IReadOnlyList<string>, Func<JsonObject, bool>>>
            {
                // The optional project argument is not checked: a version belongs to the issue's project anyway.
                ["releasedversions"] = _ => o => IsTrue(o["released"]),
                ["unreleasedversions"] = _ => o => !IsTrue(o["released"]) && !IsTrue(o["archived"]),
            },
        };

    /// <summary>A custom field by its schema (<c>schema.type</c>, <c>schema.items</c>, <c>schema.custom</c>).</summary>
    private JqlField CustomField(string name, string id, JsonObject? schema)
    {
        var type = JqlField.Text(schema?["type"]);
        var items = JqlField.Text(schema?["items"]);
        var plugin = JqlField.Text(schema?["custom"]) ?? string.Empty;
        var select = new[] { "value", "id", "name" };
        return (type, items) switch
        {
            ("number", _) => new JqlNumberField(name, i => JqlField.Number(JqlField.FieldOf(i, id))),
            ("date", _) => new JqlDateField(name, id, dateOnly: true),
            ("datetime", _) => new JqlDateField(name, id, dateOnly: false),
            ("user", _) or ("array", "user") => new JqlUserField(name, i => Many(i, id)) { Exists = KnownUser },
            ("array", "string") when plugin.EndsWith(":labels", StringComparison.Ordinal) => new JqlLabelsField(name, id),
            ("option", _) or ("array", "option") or ("option-with-child", _) or ("version", _) or ("array", "version")
                or ("project", _) or ("array", "component") or ("priority", _) or ("status", _)
                => new JqlObjectField(name, JqlField.EqualityOperators, i => Many(i, id), select,
                    o => JqlSortValue.Of(JqlField.Text(o["value"]) ?? JqlField.Text(o["name"]) ?? string.Empty)),
            _ => new JqlTextField(name, JqlField.TextOperators, i => new[] { PlainField(i, id) }),
        };
    }

    private void Add(JqlField field, params string[] names)
    {
        foreach (var name in names)
        {
            _system[name] = field;
        }
    }

    private static JqlSortValue ByName(JsonObject o) => JqlSortValue.Of(JqlField.Text(o["name"]) ?? string.Empty);

    private static IEnumerable<JsonObject> Single(JsonObject issue, string id) => JqlField.Objects(JqlField.FieldOf(issue, id) as JsonObject);

    private static IEnumerable<JsonObject> Many(JsonObject issue, string id) => JqlField.Objects(JqlField.FieldOf(issue, id));

    private static string? PlainField(JsonObject issue, string id) => JqlTextField.PlainText(JqlField.FieldOf(issue, id));

    private static IEnumerable<string?> Comments(JsonObject issue) =>
        JqlField.FieldOf(issue, "comment") switch
        {
            JsonObject page => JqlField.Objects(page["comments"]).Select(c => JqlTextField.PlainText(c["body"])),
            JsonArray list => JqlField.Objects(list).Select(c => JqlTextField.PlainText(c["body"])),
            _ => Array.Empty<string?>(),
        };
}
