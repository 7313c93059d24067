using System.Collections;
using System.Text.Json;
using JiraSdk.Raw;

namespace JiraSdk.Issues;

/// <summary>
/// One page of search results, parsed once. Its issues are cloned out of the page one at a time as they are enumerated
/// (a copy of bytes, not a second parse), so an issue the caller keeps does not keep the page alive, and the page's pooled
/// memory goes back when its enumeration ends.
/// </summary>
internal sealed class IssueSearchPage
{
    private static readonly IssueSearchPage Empty = new(null, default);

    private readonly PooledJsonBody? _body;
    private readonly JsonElement _issues;

    private IssueSearchPage(PooledJsonBody? body, JsonElement issues)
    {
        _body = body;
        _issues = issues;
    }

    public string? NextPageToken { get; private set; }

    public bool? IsLast { get; private set; }

    public long? StartAt { get; private set; }

    public long? Total { get; private set; }

    /// <summary>The issues; enumerate once. Ending or disposing the enumeration releases the page.</summary>
    public IEnumerable<JiraIssue>? Issues => _body is null ? null : new IssueEnumerable(this);

    /// <summary>Reads the paging values and checks the shape; on success the page owns <paramref name="body"/>.</summary>
    /// <exception cref="JsonException">The body is not a search page; the exception names the JSON path.</exception>
    public static IssueSearchPage Read(PooledJsonBody? body)
    {
        if (body is null) return Empty;
        var root = body.Root;
        if (root.ValueKind != JsonValueKind.Object) throw WrongShape("$", "an object", root);
        var issues = Optional(root, "issues", JsonValueKind.Array, "an array");
        if (issues is { } list)
        {
            // Checked up front, so a bad element fails the page before any of its issues reached the caller.
            var index = 0;
            foreach (var issue in list.EnumerateArray())
            {
                if (issue.ValueKind != JsonValueKind.Object) throw WrongShape($"$.issues[{index}]", "an issue object", issue);
                index++;
            }
        }
        var page = new IssueSearchPage(issues is null ? null : body, issues ?? default)
        {
            NextPageToken = Optional(root, "nextPageToken", JsonValueKind.String, "a string")?.GetString(),
            IsLast = Boolean(root, "isLast"),
            StartAt = Number(root, "startAt"),
            Total = Number(root, "total"),
        };
        if (issues is null) body.Dispose();
        return page;
    }

    private static JsonElement? Optional(JsonElement root, string name, JsonValueKind kind, string expected)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == kind ? value : throw WrongShape("$." + name, expected, value);
    }

    private static bool? Boolean(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongShape("$." + name, "a boolean", value),
        };
    }

    private static long? Number(JsonElement root, string name) =>
        Optional(root, name, JsonValueKind.Number, "a number") is { } value
            ? value.TryGetInt64(out var number) ? number : throw WrongShape("$." + name, "a whole number", value)
            : null;

    private static JsonException WrongShape(string path, string expected, JsonElement actual) =>
        new($"Expected {expected} but found a JSON {actual.ValueKind.ToString().ToLowerInvariant()}.", path, null, null);

    private sealed class IssueEnumerable(IssueSearchPage page) : IEnumerable<JiraIssue>
    {
        public IEnumerator<JiraIssue> GetEnumerator() => new IssueEnumerator(page);

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class IssueEnumerator(IssueSearchPage page) : IEnumerator<JiraIssue>
    {
        private JsonElement.ArrayEnumerator _items = page._issues.EnumerateArray();
        private JiraIssue? _current;

        public JiraIssue Current => _current ?? throw new InvalidOperationException("Call MoveNext first.");

        object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (!_items.MoveNext())
            {
                Dispose();
                return false;
            }
            _current = new JiraIssue(_items.Current.Clone());
            return true;
        }

        public void Reset() => throw new NotSupportedException();

        public void Dispose()
        {
            _current = null;
            page._body?.Dispose();
        }
    }
}
