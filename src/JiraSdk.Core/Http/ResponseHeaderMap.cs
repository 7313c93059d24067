using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace JiraSdk.Http;

/// <summary>
/// A response's headers, its content's included, as the generated clients hand them on (to <c>ReadObjectResponseAsync</c>,
/// <c>FileResponse</c> and exceptions): a read-only dictionary with case-insensitive names, built when first read. A call
/// that succeeds, the common case, never looks at them, and copying them means parsing every header (dates, products,
/// media types) and an array per header on each call.
/// </summary>
/// <remarks>
/// Thread-safe. Built from the response as it is at the first read; the SDK's exceptions read it when they are made, so
/// the response is not kept alive by an exception that is kept.
/// </remarks>
internal sealed class ResponseHeaderMap : IReadOnlyDictionary<string, IEnumerable<string>>
{
    private HttpResponseMessage? _response;
    private IReadOnlyDictionary<string, IEnumerable<string>>? _headers;

    public ResponseHeaderMap(HttpResponseMessage response)
    {
        _response = response ?? throw new ArgumentNullException(nameof(response));
    }

    /// <summary>The headers copied out of the response (once; later calls return the same copy).</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers
    {
        get
        {
            if (Volatile.Read(ref _headers) is { } built) return built;
            // The response is let go only after the copy is published, so a reader that finds it gone finds the copy.
            var response = Volatile.Read(ref _response);
            if (response is null) return _headers!;
            var headers = ErrorMappingHandler.HeadersOf(response);
            var published = Interlocked.CompareExchange(ref _headers, headers, null) ?? headers;
            Volatile.Write(ref _response, null);
            return published;
        }
    }

    public IEnumerable<string> this[string key] => Headers[key];

    public IEnumerable<string> Keys => Headers.Keys;

    public IEnumerable<IEnumerable<string>> Values => Headers.Values;

    public int Count => Headers.Count;

    public bool ContainsKey(string key) => Headers.ContainsKey(key);

#if NET8_0_OR_GREATER
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out IEnumerable<string> value) => Headers.TryGetValue(key, out value);
#else
    public bool TryGetValue(string key, out IEnumerable<string> value) => Headers.TryGetValue(key, out value!);
#endif

    public IEnumerator<KeyValuePair<string, IEnumerable<string>>> GetEnumerator() => Headers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
