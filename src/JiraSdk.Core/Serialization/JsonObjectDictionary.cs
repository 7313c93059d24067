using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace JiraSdk.Serialization;

/// <summary>
/// A free-form JSON object (<c>IssueBean.Fields</c>, <c>RenderedFields</c>, …) as an
/// <see cref="IDictionary{TKey, TValue}"/> of its values: a <see cref="JsonElement"/> each, or <c>null</c> for JSON null.
/// Looking a value up finds it in the JSON's index and parses that value alone (<see cref="Utf8JsonObject"/>); the
/// dictionary itself (a string per name, a box per value) is only built when the whole object is wanted (enumerating,
/// counting, changing it), so a caller that reads a few fields of an issue, or none, does not pay for all of them.
/// </summary>
/// <remarks>
/// Behaves as the <see cref="Dictionary{TKey, TValue}"/> with ordinal keys it replaces: a repeated name keeps its last
/// value (as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> finds it; values are elements of their own small documents until the dictionary is built), and it may be changed.
/// </remarks>
internal sealed class JsonObjectDictionary : IDictionary<string, object>, IReadOnlyDictionary<string, object>
{
    private readonly Utf8JsonObject _json;
    private Dictionary<string, object>? _values;

    public JsonObjectDictionary(Utf8JsonObject json)
    {
        _json = json;
    }

    private Dictionary<string, object> Built
    {
        get
        {
            if (_values is { } built) return built;
            // One document for all the values, rather than one per value as lookups make them.
            var whole = _json.ToElement();
            var values = new Dictionary<string, object>(_json.Count, StringComparer.Ordinal);
            foreach (var property in whole.EnumerateObject()) values[property.Name] = ValueOf(property.Value);
            return Interlocked.CompareExchange(ref _values, values, null) ?? values;
        }
    }

    /// <summary>The JSON object itself, while the dictionary has not been built (so nothing was changed).</summary>
#if NET8_0_OR_GREATER
    public bool TryGetUnchangedJson([NotNullWhen(true)] out Utf8JsonObject? json)
#else
    public bool TryGetUnchangedJson(out Utf8JsonObject? json)
#endif
    {
        json = _values is null ? _json : null;
        return json is not null;
    }

    /// <summary>Where <paramref name="key"/>'s value is in the JSON, while the dictionary has not been built (so the JSON is current).</summary>
    public bool TryFindInJson(string key, out Utf8JsonObject json, out int index)
    {
        json = _json;
        index = _values is null ? _json.IndexOf(key) : -1;
        return index >= 0;
    }

    /// <summary>
    /// A string value read straight from the JSON, without an element: <c>true</c> with the string, or with <c>null</c> for
    /// JSON null; <c>false</c> when the key is absent, holds another kind of value, or the dictionary has been built.
    /// </summary>
    public bool TryGetString(string key, out string? value)
    {
        value = null;
        if (!TryFindInJson(key, out _, out var index)) return false;
        switch (_json.KindAt(index))
        {
            case JsonValueKind.String:
                value = _json.StringAt(index);
                return true;
            case JsonValueKind.Null:
                return true;
            default:
                return false;
        }
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
        var index = _json.IndexOf(key);
        if (index < 0)
        {
            value = null!;
            return false;
        }
        value = _json.KindAt(index) == JsonValueKind.Null ? null! : _json.ElementAt(index);
        return true;
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
