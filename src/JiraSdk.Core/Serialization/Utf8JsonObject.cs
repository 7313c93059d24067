using System.Buffers;
using System.Text;
using System.Text.Json;

namespace JiraSdk.Serialization;

/// <summary>
/// A JSON object kept as its UTF-8 text and an index of its top-level properties: what a free-form object of a response
/// (an issue's <c>fields</c>) costs to keep is one copy of its bytes, and a value is parsed only when it is looked up.
/// A <see cref="JsonDocument"/> of the same object costs that copy plus about twelve bytes per token, and the time to
/// make them, for every issue of a page, whether or not any field is read.
/// </summary>
/// <remarks>
/// Immutable once built, so safe to read from several threads; parsed values are cached as boxes, whose references are
/// written atomically. A repeated name finds its last value, as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> does.
/// </remarks>
internal sealed class Utf8JsonObject
{
    /// <summary><c>{}</c>.</summary>
    public static readonly Utf8JsonObject Empty = new("{}"u8.ToArray(), []);

    // One int per property, in document order: the offset into _utf8 where its value starts. The rest is found from the
    // text: back from the value over the colon to the name's closing quote, then to its opening quote (the first quote not
    // escaped); a value runs to the next name's opening quote (or the closing brace), and the separators after it do not
    // matter, as a value is read alone. Names are short, so finding them again costs less than keeping a second int per
    // property (issue 13, item 8: a typed GET's allocations).
    private readonly byte[] _utf8;
    private readonly int[] _properties;
    private object?[]? _values;

    private Utf8JsonObject(byte[] utf8, int[] properties)
    {
        _utf8 = utf8;
        _properties = properties;
    }

    /// <summary>The object's JSON, as it was read (without the whitespace around it).</summary>
    public ReadOnlySpan<byte> Utf8 => _utf8;

    /// <summary>How many properties the object has, repeated names counted each time.</summary>
    public int Count => _properties.Length;

    /// <summary>
    /// Reads the object at the reader's <see cref="JsonTokenType.StartObject"/> and leaves the reader at its end. Inside a
    /// deserialization that <see cref="Utf8JsonInput"/> knows the body of, the bytes are copied straight from that body
    /// (and checked against what the reader saw); otherwise they are taken from a parsed copy.
    /// </summary>
    public static Utf8JsonObject Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException($"Expected a JSON object but found {reader.TokenType}.");
        // Comments and trailing commas (which Jira never sends, and the SDK's options refuse) would sit between the tokens
        // this index finds by scanning the text, and be written back as they are: a caller's lenient options take the copy
        // the writer makes, which has neither.
        var strict = IsStrict(reader.CurrentState.Options);
        if (strict && Utf8JsonInput.Current is { } body && !reader.HasValueSequence)
        {
            var start = reader;
            if (TryReadFromBody(ref reader, body.Span) is { } read) return read;
            reader = start;
        }
        using var document = JsonDocument.ParseValue(ref reader);
        return strict ? FromUtf8(RawUtf8(document.RootElement)) : Rewritten(document.RootElement);
    }

    private static bool IsStrict(JsonReaderOptions options) => options.CommentHandling == JsonCommentHandling.Disallow && !options.AllowTrailingCommas;

    // The element as the writer writes it: no comments, no trailing commas, nesting as deep as the reader allowed.
    private static Utf8JsonObject Rewritten(JsonElement element)
    {
        using var written = new MemoryStream();
        using (var writer = new Utf8JsonWriter(written, new JsonWriterOptions { MaxDepth = KeptText.MaxDepth })) element.WriteTo(writer);
        return FromUtf8(written.ToArray());
    }

    // How the kept text is read again: it was read once already by a reader whose options allowed its depth (a caller's
    // may exceed the default 64), so depth is not limited a second time.
    private static readonly JsonReaderOptions KeptText = new() { MaxDepth = int.MaxValue };

    /// <summary>The object <paramref name="element"/> holds.</summary>
    /// <exception cref="ArgumentException"><paramref name="element"/> is not an object.</exception>
    public static Utf8JsonObject FromElement(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new ArgumentException($"Expected a JSON object, not a {element.ValueKind}.", nameof(element));
        try
        {
            return FromUtf8(RawUtf8(element));
        }
        catch (JsonException)
        {
            // A document parsed with comments or trailing commas allowed: its raw text is not strict JSON.
            return Rewritten(element);
        }
    }

    // The text exactly as it was (escapes kept), off the path the generated clients take.
    private static byte[] RawUtf8(JsonElement element) => Encoding.UTF8.GetBytes(element.GetRawText());

    // One pass over the object in the body the serializer reads, which must be the reader's own input: a converter on
    // this thread may be reading other text (a nested deserialization) while a body is current, so the first name the
    // reader holds must be the body's own memory at the offset the reader reports. Then every offset is the body's.
    private static Utf8JsonObject? TryReadFromBody(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        if (reader.TokenType != JsonTokenType.StartObject) return null;
        var objectStart = reader.TokenStartIndex;
        var index = ArrayPool<int>.Shared.Rent(64);
        var used = 0;
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (used == 0 && !IsBodyMemory(reader.ValueSpan, body, reader.TokenStartIndex + 1)) return null;
                if (!reader.Read()) return null;
                var valueStart = reader.TokenStartIndex;
                if (!reader.TrySkip()) return null;
                if (used == index.Length)
                {
                    var larger = ArrayPool<int>.Shared.Rent(index.Length * 2);
                    Array.Copy(index, larger, used);
                    ArrayPool<int>.Shared.Return(index);
                    index = larger;
                }
                index[used++] = (int)(valueStart - objectStart);
            }
            if (reader.TokenType != JsonTokenType.EndObject) return null;
            if (used == 0) return Empty; // nothing of the body is needed to know it was {}
            var objectEnd = reader.BytesConsumed;
            return new Utf8JsonObject(body.Slice((int)objectStart, (int)(objectEnd - objectStart)).ToArray(), new ReadOnlySpan<int>(index, 0, used).ToArray());
        }
        finally
        {
            ArrayPool<int>.Shared.Return(index);
        }
    }

    // Whether the reader's current name is the body's memory at nameStart (the reader reads this very body), not an
    // equal text elsewhere.
    private static bool IsBodyMemory(ReadOnlySpan<byte> name, ReadOnlySpan<byte> body, long nameStart) =>
        nameStart + name.Length <= body.Length
        && System.Runtime.CompilerServices.Unsafe.AreSame(
            ref System.Runtime.InteropServices.MemoryMarshal.GetReference(name),
            ref System.Runtime.CompilerServices.Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(body), (int)nameStart));

    /// <summary>Indexes <paramref name="utf8"/>, a complete JSON object (whitespace allowed), which is kept, not copied.</summary>
    /// <exception cref="JsonException"><paramref name="utf8"/> is not one JSON object.</exception>
    public static Utf8JsonObject FromUtf8(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8, KeptText);
        if (!reader.Read()) throw new JsonException("Expected a JSON object but found nothing.");
        var read = TryReadFromBody(ref reader, utf8) ?? throw new JsonException("Expected one JSON object.");
        if (reader.Read()) throw new JsonException("Expected one JSON object, found more after it.");
        return read;
    }

    /// <summary>The position of the last property named <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = Count - 1; i >= 0; i--)
            if (NameEquals(i, name)) return i;
        return -1;
    }

    /// <summary>The name of the property at <paramref name="index"/>, unescaped.</summary>
    public string NameAt(int index)
    {
        var (start, length, escaped) = NameOf(index);
        if (!escaped) return Encoding.UTF8.GetString(_utf8, start, length);
        var reader = QuotedName(start, length);
        return reader.GetString()!;
    }

    /// <summary>The kind of the value at <paramref name="index"/>, from its first byte.</summary>
    public JsonValueKind KindAt(int index) => _utf8[_properties[index]] switch
    {
        (byte)'{' => JsonValueKind.Object,
        (byte)'[' => JsonValueKind.Array,
        (byte)'"' => JsonValueKind.String,
        (byte)'t' => JsonValueKind.True,
        (byte)'f' => JsonValueKind.False,
        (byte)'n' => JsonValueKind.Null,
        _ => JsonValueKind.Number,
    };

    /// <summary>The string value at <paramref name="index"/>, unescaped; call only when <see cref="KindAt"/> is a string.</summary>
    public string StringAt(int index)
    {
        var reader = new Utf8JsonReader(ValueAt(index));
        reader.Read();
        return reader.GetString()!;
    }

    /// <summary>
    /// Reads a property of the object at <paramref name="index"/> without a document: its kind (<see cref="JsonValueKind.Undefined"/>
    /// when absent; the last one when repeated) and, for a string, its text. <c>false</c> when the value is not an object.
    /// </summary>
    public bool TryGetNestedScalar(int index, string property, out JsonValueKind kind, out string? text)
    {
        kind = JsonValueKind.Undefined;
        text = null;
        if (KindAt(index) != JsonValueKind.Object) return false;
        var reader = new Utf8JsonReader(ValueAt(index), KeptText);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(property);
            reader.Read();
            if (match)
            {
                kind = reader.TokenType switch
                {
                    JsonTokenType.String => JsonValueKind.String,
                    JsonTokenType.Number => JsonValueKind.Number,
                    JsonTokenType.True => JsonValueKind.True,
                    JsonTokenType.False => JsonValueKind.False,
                    JsonTokenType.Null => JsonValueKind.Null,
                    JsonTokenType.StartObject => JsonValueKind.Object,
                    _ => JsonValueKind.Array,
                };
                text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            reader.Skip();
        }
        return true;
    }

    /// <summary>The value at <paramref name="index"/> as an element of its own document, parsed once and boxed.</summary>
    public object ElementAt(int index)
    {
        var values = _values ?? Interlocked.CompareExchange(ref _values, new object?[Count], null) ?? _values!;
        if (values[index] is { } cached) return cached;
        var reader = new Utf8JsonReader(ValueAt(index), KeptText);
        reader.Read();
        object element = JsonElement.ParseValue(ref reader);
        return Interlocked.CompareExchange(ref values[index], element, null) ?? element;
    }

    /// <summary>The whole object as one parsed element (for building a dictionary of every value).</summary>
    public JsonElement ToElement()
    {
        var reader = new Utf8JsonReader(_utf8, KeptText);
        reader.Read();
        return JsonElement.ParseValue(ref reader);
    }

    private ReadOnlySpan<byte> ValueAt(int index)
    {
        var start = _properties[index];
        var end = index + 1 < Count ? NameOf(index + 1).Start - 1 : _utf8.Length - 1;
        return new ReadOnlySpan<byte>(_utf8, start, end - start);
    }

    private (int Start, int Length, bool Escaped) NameOf(int index)
    {
        // Back from the value over white space, the colon and white space to the name's closing quote.
        var end = _properties[index] - 1;
        while (_utf8[end] != (byte)':') end--;
        end--;
        while (_utf8[end] != (byte)'"') end--;
        // Then to the opening quote: the first quote before it that an even number of backslashes precedes.
        var escaped = false;
        var quote = end - 1;
        while (true)
        {
            var b = _utf8[quote];
            if (b == (byte)'\\') escaped = true;
            else if (b == (byte)'"')
            {
                var backslashes = 0;
                while (_utf8[quote - 1 - backslashes] == (byte)'\\') backslashes++;
                if (backslashes % 2 == 0) break;
            }
            quote--;
        }
        return (quote + 1, end - quote - 1, escaped);
    }

    private Utf8JsonReader QuotedName(int start, int length)
    {
        // The name with its quotes is a JSON string on its own; the reader unescapes it.
        var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_utf8, start - 1, length + 2));
        reader.Read();
        return reader;
    }

    private bool NameEquals(int index, string name)
    {
        var (start, length, escaped) = NameOf(index);
        if (escaped) return QuotedName(start, length).ValueTextEquals(name);
        if (length == name.Length)
        {
            // Field ids are ASCII: compare bytes with chars, and fall back to decoding at the first byte that is not.
            for (var i = 0; i < length; i++)
            {
                var b = _utf8[start + i];
                if (b >= 0x80) return Encoding.UTF8.GetString(_utf8, start, length) == name;
                if (b != name[i]) return false;
            }
            return true;
        }
        // Different lengths match only when the name has characters beyond ASCII.
        foreach (var c in name)
            if (c >= 0x80) return Encoding.UTF8.GetString(_utf8, start, length) == name;
        return false;
    }
}

/// <summary>
/// The body a synchronous deserialization is reading (set by <see cref="GeneratedResponseReader"/>), so that converters
/// keeping a value's JSON (<see cref="Utf8JsonObject"/>) copy its bytes instead of parsing them into a document first.
/// Per thread, because deserializing from a span runs on one thread from start to end.
/// </summary>
internal static class Utf8JsonInput
{
    [ThreadStatic] private static ReadOnlyMemory<byte>? t_body;

    /// <summary>The body being read on this thread, if any: the whole text the reader was given.</summary>
    public static ReadOnlyMemory<byte>? Current => t_body;

    /// <summary>Makes <paramref name="body"/> current until the returned scope is disposed (which restores the outer one).</summary>
    public static Scope Enter(ReadOnlyMemory<byte> body)
    {
        var scope = new Scope(t_body);
        t_body = body;
        return scope;
    }

    public readonly struct Scope(ReadOnlyMemory<byte>? outer) : IDisposable
    {
        public void Dispose() => t_body = outer;
    }
}
