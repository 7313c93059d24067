using System.Text;
using System.Text.Json;
using JiraSdk.Serialization;

namespace JiraSdk.Tests.Serialization;

public class Utf8JsonObjectTests
{
    private static Utf8JsonObject Index(string json) => Utf8JsonObject.FromUtf8(Encoding.UTF8.GetBytes(json));

    // Reads the object at "$.fields" of body the way a converter does inside a generated client's read, with or
    // without the body made current.
    private static Utf8JsonObject ReadFields(byte[] body, bool bodyIsCurrent, byte[]? current = null)
    {
        var reader = new Utf8JsonReader(body);
        while (reader.Read())
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("fields"))
            {
                reader.Read();
                if (!bodyIsCurrent) return Utf8JsonObject.Read(ref reader);
                var input = current ?? body;
                using (Utf8JsonInput.Enter(input)) return Utf8JsonObject.Read(ref reader);
            }
        throw new AssertionException("no fields");
    }

    [Test]
    public void FindsPropertiesByNameAndReadsTheirValuesAlone()
    {
        var json = Index("""{ "summary" : "Hi \"there\"", "status": {"name":"Done"}, "labels":["a"], "n": 3.5, "t": true, "f": false, "none": null }""");

        Assert.That(json.Count, Is.EqualTo(7));
        Assert.That(json.StringAt(json.IndexOf("summary")), Is.EqualTo("Hi \"there\""));
        Assert.That(json.KindAt(json.IndexOf("status")), Is.EqualTo(JsonValueKind.Object));
        Assert.That(((JsonElement)json.ElementAt(json.IndexOf("status"))).GetProperty("name").GetString(), Is.EqualTo("Done"));
        Assert.That(json.ElementAt(json.IndexOf("status")), Is.SameAs(json.ElementAt(json.IndexOf("status"))), "parsed once");
        Assert.That(new[] { "labels", "n", "t", "f", "none" }.Select(name => json.KindAt(json.IndexOf(name))),
            Is.EqualTo(new[] { JsonValueKind.Array, JsonValueKind.Number, JsonValueKind.True, JsonValueKind.False, JsonValueKind.Null }));
        Assert.That(json.IndexOf("Summary"), Is.EqualTo(-1), "names are ordinal");
        Assert.That(json.IndexOf("summar"), Is.EqualTo(-1));
        Assert.That(json.IndexOf("missing"), Is.EqualTo(-1));
    }

    [Test]
    public void MatchesEscapedAndNonAsciiNamesAsTheirText()
    {
        var json = Index("""{"a\u0062c":1,"Grö\u00dfe":2,"größe":3,"日付":4}""");

        Assert.That(json.IndexOf("abc"), Is.EqualTo(0));
        Assert.That(json.NameAt(0), Is.EqualTo("abc"));
        Assert.That(json.IndexOf("Größe"), Is.EqualTo(1));
        Assert.That(json.IndexOf("größe"), Is.EqualTo(2));
        Assert.That(json.IndexOf("日付"), Is.EqualTo(3));
        Assert.That(json.NameAt(3), Is.EqualTo("日付"));
        Assert.That(json.IndexOf("gröse"), Is.EqualTo(-1));
    }

    [Test]
    public void FindsNamesThatEndInEscapedBackslashesOrHoldEscapedQuotes()
    {
        // Only each value's start is kept; a name is found again backwards from it, so quotes and backslashes must be told apart.
        var json = Index("""{"a\\":"\\","\\\"b" : "\"","c\\\\":"x\\\"\\","\"":{"\\":1},"":2}""");

        Assert.That(Enumerable.Range(0, json.Count).Select(json.NameAt), Is.EqualTo(new[] { "a\\", "\\\"b", "c\\\\", "\"", "" }));
        Assert.That(json.StringAt(json.IndexOf("a\\")), Is.EqualTo("\\"));
        Assert.That(json.StringAt(json.IndexOf("\\\"b")), Is.EqualTo("\""));
        Assert.That(json.StringAt(json.IndexOf("c\\\\")), Is.EqualTo("x\\\"\\"));
        Assert.That(((JsonElement)json.ElementAt(json.IndexOf("\""))).GetProperty("\\").GetInt32(), Is.EqualTo(1));
        Assert.That(((JsonElement)json.ElementAt(json.IndexOf(""))).GetInt32(), Is.EqualTo(2));
        Assert.That(json.IndexOf("a"), Is.EqualTo(-1));
    }

    [Test]
    public void ARepeatedNameFindsItsLastValue()
    {
        var json = Index("""{"summary":"first","summary":"last"}""");

        Assert.That(json.StringAt(json.IndexOf("summary")), Is.EqualTo("last"));
    }

    [Test]
    public void CopiesTheObjectFromTheBodyBeingRead()
    {
        var body = Encoding.UTF8.GetBytes("""{"key":"DOCS-1","fields":  {"summary":"Hi","status":{"name":"Done"}}  ,"id":"1"}""");

        var fromBody = ReadFields(body, bodyIsCurrent: true);
        var parsed = ReadFields(body, bodyIsCurrent: false);

        Assert.That(Encoding.UTF8.GetString(fromBody.Utf8.ToArray()), Is.EqualTo("""{"summary":"Hi","status":{"name":"Done"}}"""));
        Assert.That(Encoding.UTF8.GetString(parsed.Utf8.ToArray()), Is.EqualTo(Encoding.UTF8.GetString(fromBody.Utf8.ToArray())));
        Assert.That(fromBody.StringAt(fromBody.IndexOf("summary")), Is.EqualTo("Hi"));
    }

    [Test]
    public void NeverCopiesFromABodyThatIsNotTheReaders()
    {
        // A converter reading other text on the same thread (a nested deserialization) while a body is current: the offsets
        // the reader reports point elsewhere in that body, so the object is taken from the reader instead.
        var body = Encoding.UTF8.GetBytes("""{"fields":{"summary":"Right","status":"x"}}""");
        var current = Encoding.UTF8.GetBytes("""{"fields":{"summary":"Wrong","status":"y"}}""");
        var shorter = Encoding.UTF8.GetBytes("""{}""");

        var read = ReadFields(body, bodyIsCurrent: true, current);
        var readWithShortBody = ReadFields(body, bodyIsCurrent: true, shorter);

        Assert.That(read.StringAt(read.IndexOf("summary")), Is.EqualTo("Right"));
        Assert.That(readWithShortBody.StringAt(readWithShortBody.IndexOf("summary")), Is.EqualTo("Right"));
    }

    [Test]
    public void ReadsNamesAndValuesWhateverTheWhiteSpace()
    {
        var json = Index("{\n  \"a\" :\t\"x\" ,\r\n  \"b\\\"q\"  :  [1, 2]  ,\"c\":3.25 , \"d\" : {\"e\":null}\n}");

        Assert.That(json.NameAt(0), Is.EqualTo("a"));
        Assert.That(json.StringAt(0), Is.EqualTo("x"));
        Assert.That(json.IndexOf("b\"q"), Is.EqualTo(1));
        Assert.That(((JsonElement)json.ElementAt(1)).GetArrayLength(), Is.EqualTo(2));
        Assert.That(((JsonElement)json.ElementAt(2)).GetDouble(), Is.EqualTo(3.25));
        Assert.That(((JsonElement)json.ElementAt(3)).GetProperty("e").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public void ReadsAnObjectWithCommentsWhenTheOptionsAllowThem()
    {
        var body = Encoding.UTF8.GetBytes("{\"fields\":{\"a\":1 /* x \" : */, // y\n \"b\":\"y\"}}");
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        reader.Read();
        reader.Read();
        reader.Read();

        Utf8JsonObject json;
        using (Utf8JsonInput.Enter(body)) json = Utf8JsonObject.Read(ref reader);

        Assert.That(Encoding.UTF8.GetString(json.Utf8.ToArray()), Is.EqualTo("{\"a\":1,\"b\":\"y\"}"));
        Assert.That(json.StringAt(json.IndexOf("b")), Is.EqualTo("y"));
    }

    [Test]
    public void RefusesAnythingButOneObject()
    {
        Assert.That(() => Index("[1]"), Throws.InstanceOf<JsonException>());
        Assert.That(() => Index("""{"a":1} {"b":2}"""), Throws.InstanceOf<JsonException>());
        Assert.That(() => Index("""{"a":"""), Throws.InstanceOf<JsonException>());
        Assert.That(() => Utf8JsonObject.FromElement(JsonDocument.Parse("3").RootElement), Throws.ArgumentException);
    }
}
