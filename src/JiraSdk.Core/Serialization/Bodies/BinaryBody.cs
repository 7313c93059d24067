using System.Net.Http.Headers;

namespace JiraSdk.Serialization;

/// <summary>
/// The content type of a raw binary body (the avatar uploads take the image as it is, with its type): the one the
/// caller gave, else the image type read from the first bytes of a seekable stream (PNG, JPEG, GIF: the types Jira
/// takes); otherwise a clear error before anything is sent.
/// </summary>
internal static class BinaryBody
{
    public static MediaTypeHeaderValue ContentTypeOf(Stream data, string? declared)
    {
        if (!string.IsNullOrWhiteSpace(declared)) return MediaTypeHeaderValue.Parse(declared);
        if (data is { CanSeek: true } && Sniff(data) is { } sniffed) return new MediaTypeHeaderValue(sniffed);
        throw new ArgumentException("The body needs its content type (image/png, image/jpeg or image/gif): set FileParameter.ContentType.", "body");
    }

    private static string? Sniff(Stream data)
    {
        var start = data.Position;
        var head = new byte[4];
        var read = 0;
        while (read < head.Length && data.Read(head, read, head.Length - read) is var n and > 0) read += n;
        data.Position = start;
        if (read < 3) return null;
        if (head[0] == 0x89 && head[1] == (byte)'P' && head[2] == (byte)'N') return "image/png";
        if (head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return "image/jpeg";
        if (head[0] == (byte)'G' && head[1] == (byte)'I' && head[2] == (byte)'F') return "image/gif";
        return null;
    }
}
