using System.Text.Json;

namespace JiraSdk.Serialization;

/// <summary>
/// The response body being deserialized, for the converters that read tolerantly: they note where a mismatch is (the
/// reader's byte offset, which System.Text.Json does not turn into a path for a converter that does not throw), and when
/// reading ends the offsets are turned into JSON paths in one pass over the body and reported.
/// </summary>
/// <remarks>
/// Deserializing from a span is synchronous, so the scope is per thread and lives exactly as long as that one call; the
/// offsets are absolute because every converter reads from the one reader over the whole body. Every typed response
/// opens one, so a thread keeps its finished scope for its next read instead of allocating one per call, and the names
/// a report needs (response type, request path) are only worked out when there is something to report.
/// </remarks>
internal sealed class SchemaReadScope : IDisposable
{
    [ThreadStatic] private static SchemaReadScope? s_current;
    [ThreadStatic] private static SchemaReadScope? s_spare;

    private SchemaReadScope? _outer;
    private JiraSchemaDiagnostics? _diagnostics;
    private byte[]? _body;
    private int _length;
    private Type? _responseType;
    private HttpRequestMessage? _request;
    private List<(long Offset, JiraSchemaMismatchKind Kind, string Expected)>? _found;
    private string? _responseTypeName;
    private string? _requestPath;
    private bool _requestPathKnown;

    private SchemaReadScope()
    {
    }

    /// <summary>Starts a scope for one body when the response's request carries diagnostics; otherwise reading stays tolerant and silent.</summary>
    public static SchemaReadScope? Begin(HttpResponseMessage response, byte[] body, int length, Type responseType)
    {
        var request = response.RequestMessage;
        if (request is null || Http.RequestProperties.SchemaDiagnosticsOf(request) is not { } diagnostics) return null;
        var scope = s_spare ?? new SchemaReadScope();
        s_spare = null;
        scope._outer = s_current;
        scope._diagnostics = diagnostics;
        scope._body = body;
        scope._length = length;
        scope._responseType = responseType;
        scope._request = request;
        s_current = scope;
        return scope;
    }

    /// <summary>The scope of the body being read on this thread, if any (values read lazily later report through it).</summary>
    public static SchemaReadScope? Current => s_current;

    public JiraSchemaDiagnostics Diagnostics => _diagnostics ?? throw new ObjectDisposedException(nameof(SchemaReadScope));

    /// <summary>The model the whole body is read as (<c>IssueBean</c>, <c>List&lt;Project&gt;</c>).</summary>
    public string ResponseType => _responseTypeName ??= TypeName(_responseType ?? throw new ObjectDisposedException(nameof(SchemaReadScope)));

    /// <summary>The path of the request (no query), when known.</summary>
    public string? RequestPath => _requestPathKnown ? _requestPath : PathOfRequest();

    private string? PathOfRequest()
    {
        _requestPath = _request?.RequestUri?.IsAbsoluteUri == true ? _request.RequestUri.AbsolutePath : null;
        _requestPathKnown = true;
        return _requestPath;
    }

    /// <summary>Notes a mismatch at the reader's current token, or throws in strict mode (the serializer adds the JSON path).</summary>
    public static void Mismatch(ref Utf8JsonReader reader, JiraSchemaMismatchKind kind, string expected)
    {
        var scope = s_current;
        if (scope is null) return;
        if (scope._diagnostics!.Strict)
            throw new JsonException($"The value does not match the spec ({kind}): expected {expected}.");
        (scope._found ??= new()).Add((reader.TokenStartIndex, kind, expected));
    }

    public void Dispose()
    {
        if (_diagnostics is not { } diagnostics) return; // disposed already
        s_current = _outer;
        var found = _found;
        var body = _body!;
        var length = _length;
        var responseType = _responseType!;
        var request = _request;
        var responseTypeName = _responseTypeName;
        var knownRequestPath = _requestPath;
        var requestPathKnown = _requestPathKnown;
        _responseTypeName = null;
        _requestPath = null;
        _requestPathKnown = false;
        _outer = null;
        _diagnostics = null;
        _body = null;
        _responseType = null;
        _request = null;
        _found = null;
        s_spare = this;
        if (found is null) return;

        var paths = JsonPathLocator.PathsAt(new ReadOnlySpan<byte>(body, 0, length), found.Select(f => f.Offset));
        var typeName = responseTypeName ?? TypeName(responseType);
        var requestPath = requestPathKnown ? knownRequestPath : request?.RequestUri?.IsAbsoluteUri == true ? request.RequestUri.AbsolutePath : null;
        foreach (var (offset, kind, expected) in found)
            diagnostics.Report(new JiraSchemaMismatch(kind, paths.TryGetValue(offset, out var path) ? path : "$", expected, typeName, requestPath));
    }

    private static string TypeName(Type type) =>
        type.IsGenericType ? type.Name.Split('`')[0] + "<" + string.Join(",", type.GetGenericArguments().Select(TypeName)) + ">" : type.Name;
}
