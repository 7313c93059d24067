using System.Text.Json;

namespace JiraSdk.Serialization;

/// <summary>
/// The response body being deserialized, for the converters that read tolerantly: they note where a mismatch is (the
/// reader's byte offset, which System.Text.Json does not turn into a path for a converter that does not throw), and when
/// reading ends the offsets are turned into JSON paths in one pass over the body and reported.
/// </summary>
/// <remarks>
/// Deserializing from a span is synchronous, so the scope is per thread and lives exactly as long as that one call; the
/// offsets are absolute because every converter reads from the one reader over the whole body.
/// </remarks>
internal sealed class SchemaReadScope : IDisposable
{
    [ThreadStatic] private static SchemaReadScope? s_current;

    private readonly SchemaReadScope? _outer;
    private readonly JiraSchemaDiagnostics _diagnostics;
    private readonly byte[] _body;
    private readonly int _length;
    private readonly string _responseType;
    private readonly string? _requestPath;
    private List<(long Offset, JiraSchemaMismatchKind Kind, string Expected)>? _found;

    private SchemaReadScope(JiraSchemaDiagnostics diagnostics, byte[] body, int length, string responseType, string? requestPath)
    {
        _outer = s_current;
        _diagnostics = diagnostics;
        _body = body;
        _length = length;
        _responseType = responseType;
        _requestPath = requestPath;
        s_current = this;
    }

    /// <summary>Starts a scope for one body when the response's request carries diagnostics; otherwise reading stays tolerant and silent.</summary>
    public static SchemaReadScope? Begin(HttpResponseMessage response, byte[] body, int length, Type responseType)
    {
        var request = response.RequestMessage;
        if (request is null || JiraSchemaDiagnosticsHandler.Of(request) is not { } diagnostics) return null;
        return new SchemaReadScope(diagnostics, body, length, TypeName(responseType), request.RequestUri?.IsAbsoluteUri == true ? request.RequestUri.AbsolutePath : null);
    }

    /// <summary>The scope of the body being read on this thread, if any (values read lazily later report through it).</summary>
    public static SchemaReadScope? Current => s_current;

    public JiraSchemaDiagnostics Diagnostics => _diagnostics;

    public string ResponseType => _responseType;

    public string? RequestPath => _requestPath;

    /// <summary>Notes a mismatch at the reader's current token, or throws in strict mode (the serializer adds the JSON path).</summary>
    public static void Mismatch(ref Utf8JsonReader reader, JiraSchemaMismatchKind kind, string expected)
    {
        var scope = s_current;
        if (scope is null) return;
        if (scope._diagnostics.Strict)
            throw new JsonException($"The value does not match the spec ({kind}): expected {expected}.");
        (scope._found ??= new()).Add((reader.TokenStartIndex, kind, expected));
    }

    public void Dispose()
    {
        s_current = _outer;
        if (_found is null) return;
        var paths = JsonPathLocator.PathsAt(new ReadOnlySpan<byte>(_body, 0, _length), _found.Select(f => f.Offset));
        foreach (var (offset, kind, expected) in _found)
            _diagnostics.Report(new JiraSchemaMismatch(kind, paths.TryGetValue(offset, out var path) ? path : "$", expected, _responseType, _requestPath));
    }

    private static string TypeName(Type type) =>
        type.IsGenericType ? type.Name.Split('`')[0] + "<" + string.Join(",", type.GetGenericArguments().Select(TypeName)) + ">" : type.Name;
}
