using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace JiraSdk.Raw;

/// <summary>
/// What a universal request carries besides its method and path: values for the path template's <c>{placeholders}</c>,
/// query parameters, headers and an optional JSON body.
/// </summary>
/// <example>
/// <code>
/// var options = new JiraRequestOptions { PathParameters = { ["key"] = "DOCS-1" }, Query = { ["fields"] = new[] { "summary", "status" } } };
/// using var issue = await jira.SendAsync(HttpMethod.Get, "rest/api/3/issue/{key}", options);
/// </code>
/// </example>
public sealed class JiraRequestOptions
{
    private byte[]? _jsonBody;

    /// <summary>
    /// Values for the path's <c>{name}</c> placeholders; every character outside the unreserved set is percent-encoded,
    /// <c>/</c> included. Use <c>{+name}</c> in the path to keep <c>/</c> and other reserved characters as they are.
    /// </summary>
    public IDictionary<string, object> PathParameters { get; } = new Dictionary<string, object>(StringComparer.Ordinal);

    /// <summary>
    /// Query parameters, percent-encoded. Values are strings, numbers, booleans (written <c>true</c>/<c>false</c>),
    /// dates (ISO 8601) or sequences of those (the parameter is repeated). <c>null</c> values are left out.
    /// </summary>
    public IDictionary<string, object?> Query { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>Extra request headers. <c>Accept</c> defaults to <c>application/json</c>.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a failed response raises its exception (default) or, for <c>SendForResponseAsync</c>, comes back as it is
    /// (<see cref="JiraErrorOptions.NoThrow"/>).
    /// </summary>
    public JiraErrorOptions ErrorOptions { get; set; }

    /// <summary>Whether a JSON body was set.</summary>
    public bool HasBody => _jsonBody is not null;

    /// <summary>Sends <paramref name="value"/> as the JSON body, serialized with its (source-generated) metadata.</summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="value">The body.</param>
    /// <param name="typeInfo">How to serialize it.</param>
    public JiraRequestOptions WithJsonBody<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        if (typeInfo is null) throw new ArgumentNullException(nameof(typeInfo));
        _jsonBody = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        return this;
    }

    /// <summary>Sends <paramref name="node"/> as the JSON body (<c>null</c> sends the JSON literal <c>null</c>).</summary>
    /// <param name="node">The body.</param>
    public JiraRequestOptions WithJsonBody(JsonNode? node)
    {
        _jsonBody = node is null ? Encoding.UTF8.GetBytes("null") : Encoding.UTF8.GetBytes(node.ToJsonString());
        return this;
    }

    /// <summary>Sends <paramref name="element"/> as the JSON body.</summary>
    /// <param name="element">The body.</param>
    public JiraRequestOptions WithJsonBody(JsonElement element)
    {
        _jsonBody = Encoding.UTF8.GetBytes(element.GetRawText());
        return this;
    }

    /// <summary>Sends <paramref name="json"/>, which must be valid JSON, as the body.</summary>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="ArgumentException">The text is not JSON.</exception>
    public JiraRequestOptions WithJsonBody(string json)
    {
        if (json is null) throw new ArgumentNullException(nameof(json));
        try
        {
            using var _ = JsonDocument.Parse(json);
        }
        catch (JsonException invalid)
        {
            throw new ArgumentException($"The body is not valid JSON: {invalid.Message}", nameof(json), invalid);
        }
        _jsonBody = Encoding.UTF8.GetBytes(json);
        return this;
    }

    internal byte[]? JsonBodyUtf8 => _jsonBody;
}
