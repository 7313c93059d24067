using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace JiraSdk.Serialization;

/// <summary>
/// A free-form JSON object (<c>IssueBean.Fields</c>, <c>RenderedFields</c>, …) as an
/// <see cref="IDictionary{TKey, TValue}"/> of its values: a <see cref="JsonElement"/> each, or <c>null</c> for JSON null.
/// Looking a value up reads it from the JSON; the dictionary itself (a string per name, a box per value) is only built
/// when the whole object is wanted (enumerating, counting, changing it), so a caller that reads a few fields of an issue,
/// or none, does not pay for all of them.
/// </summary>
/// <remarks>
/// Behaves as the <see cref="Dictionary{TKey, TValue}"/> with ordinal keys it replaces: a repeated name keeps its last
/// value (as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> finds it), and it may be changed.
/// </remarks>
internal sealed class JsonObjectDictionary : IDictionary<string, object>, IReadOnlyDictionary<string, object>
{
    private readonly JsonElement _json;
    private Dictionary<string, object>? _values;

    public JsonObjectDictionary(JsonElement json)
    {
        _json = json;
    }

    private Dictionary<string, object> Built
    {
        get
        {
            if (_values is { } built) return built;
            var count = 0;
            foreach (var _ in _json.EnumerateObject()) count++;
            var values = new Dictionary<string, object>(count, StringComparer.Ordinal);
            foreach (var property in _json.EnumerateObject()) values[property.Name] = ValueOf(property.Value);
            return Interlocked.CompareExchange(ref _values, values, null) ?? values;
        }
    }

    /// <summary>The JSON object itself, while the dictionary has not been built (so nothing was changed).</summary>
    public bool TryGetUnchangedJson(out JsonElement json)
    {
        json = _json;
        return _values is null;
    }

    private static object ValueOf(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null! : value;

#if NET8_0_OR_GREATER
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object value)
#else
    public bool TryGetValue(string key, out object value)
#endif
    {
        if (key is null) throw new ArgumentNullException(nameof(key));
        if (_values is { } built) return built.TryGetValue(key, out value);
        if (_json.TryGetProperty(key, out var found))
        {
            value = ValueOf(found);
            return true;
        }
        value = null!;
        return false;
    }

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public object this[string key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The JSON object has no property '{key}'.");
        set => Built[key] = value;
    }

    public int Count => Built.Count;

    public bool IsReadOnly => false;

    public ICollection<string> Keys => Built.Keys;

    ICollection<object> IDictionary<string, object>.Values => Built.Values;

    IEnumerable<string> IReadOnlyDictionary<string, object>.Keys => Built.Keys;

    IEnumerable<object> IReadOnlyDictionary<string, object>.Values => Built.Values;

    public void Add(string key, object value) => Built.Add(key, value);

    public bool Remove(string key) => Built.Remove(key);

    public void Add(KeyValuePair<string, object> item) => ((ICollection<KeyValuePair<string, object>>)Built).Add(item);

    public void Clear() => Built.Clear();

    public bool Contains(KeyValuePair<string, object> item) => ((ICollection<KeyValuePair<string, object>>)Built).Contains(item);

    public void CopyTo(KeyValuePair<string, object>[] array, int arrayIndex) => ((ICollection<KeyValuePair<string, object>>)Built).CopyTo(array, arrayIndex);

    public bool Remove(KeyValuePair<string, object> item) => ((ICollection<KeyValuePair<string, object>>)Built).Remove(item);

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => Built.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
