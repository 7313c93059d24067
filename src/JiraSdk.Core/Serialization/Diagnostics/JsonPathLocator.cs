using System.Text;
using System.Text.Json;

namespace JiraSdk.Serialization;

/// <summary>Turns byte offsets of tokens in a JSON document into JSON paths (<c>$.issues[3].fields.status</c>) in one pass.</summary>
internal static class JsonPathLocator
{
    public static Dictionary<long, string> PathsAt(ReadOnlySpan<byte> json, IEnumerable<long> offsets)
    {
        var wanted = new HashSet<long>(offsets);
        var paths = new Dictionary<long, string>();
        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        try
        {
            while (paths.Count < wanted.Count && reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames[frames.Count - 1].Property = reader.GetString();
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                        if (frames.Count > 0 && frames[frames.Count - 1].IsArray) frames[frames.Count - 1].Index++;
                        if (wanted.Contains(reader.TokenStartIndex)) paths[reader.TokenStartIndex] = Describe(frames);
                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                            frames.Add(new Frame { IsArray = reader.TokenType == JsonTokenType.StartArray });
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // A body that breaks off after a mismatch still reports the paths found before the break.
        }
        return paths;
    }

    private static string Describe(List<Frame> frames)
    {
        var path = new StringBuilder("$");
        foreach (var frame in frames)
        {
            if (frame.IsArray) path.Append('[').Append(frame.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(']');
            else if (frame.Property is { } name) AppendProperty(path, name);
        }
        return path.ToString();
    }

    private static void AppendProperty(StringBuilder path, string name)
    {
        var plain = name.Length > 0 && name.All(c => c < 128 && (char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == ':')) ;
        if (plain) path.Append('.').Append(name);
        else path.Append("['").Append(name.Replace("\\", "\\\\").Replace("'", "\\'")).Append("']");
    }

    private sealed class Frame
    {
        public bool IsArray;
        public int Index = -1;
        public string? Property;
    }
}
