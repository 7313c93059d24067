using System.Net;
using System.Text;

namespace JiraSdk.Serialization;

/// <summary>
/// A <c>multipart/form-data</c> body whose part headers are written as browsers write them (RFC 7578 §4.2, HTML's
/// form submission): <c>filename="…"</c> with the raw UTF-8 name, <c>"</c> and <c>\</c> backslash-escaped, CR and LF
/// percent-encoded, and no <c>filename*</c> or MIME encoded words, which Jira stores literally as the attachment name.
/// .NET's <c>MultipartFormDataContent</c> encodes non-ASCII names as <c>=?utf-8?B?…?=</c> and rejects names with quotes.
/// </summary>
/// <remarks>Same shape as <c>MultipartFormDataContent</c> (<c>Add(content, name[, fileName])</c>) so the generated code uses it unchanged.</remarks>
internal sealed class MultipartFormBody : HttpContent
{
    private static readonly byte[] CrLf = [(byte)'\r', (byte)'\n'];
    private readonly string _boundary;
    private readonly List<(HttpContent Content, byte[] Head)> _parts = new();

    public MultipartFormBody(string boundary)
    {
        _boundary = boundary ?? throw new ArgumentNullException(nameof(boundary));
        Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=" + boundary);
    }

    public void Add(HttpContent content, string name) => AddPart(content, $"form-data; name=\"{Quote(name)}\"");

    public void Add(HttpContent content, string name, string fileName) =>
        AddPart(content, $"form-data; name=\"{Quote(name)}\"; filename=\"{Quote(fileName)}\"");

    private void AddPart(HttpContent content, string disposition)
    {
        if (content is null) throw new ArgumentNullException(nameof(content));
        var head = new StringBuilder();
        head.Append("--").Append(_boundary).Append("\r\n");
        head.Append("Content-Disposition: ").Append(disposition).Append("\r\n");
        foreach (var header in content.Headers)
        {
            if (header.Key.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase) || header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            head.Append(header.Key).Append(": ").Append(string.Join(", ", header.Value)).Append("\r\n");
        }
        head.Append("\r\n");
        _parts.Add((content, Encoding.UTF8.GetBytes(head.ToString())));
    }

    /// <summary>A quoted-string's content: backslash before <c>"</c> and <c>\</c>; CR and LF percent-encoded as HTML forms do.</summary>
    internal static string Quote(string value) =>
        value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\r", "%0D").Replace("\n", "%0A");

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        foreach (var (content, head) in _parts)
        {
            await stream.WriteAsync(head, 0, head.Length).ConfigureAwait(false);
            await content.CopyToAsync(stream).ConfigureAwait(false);
            await stream.WriteAsync(CrLf, 0, CrLf.Length).ConfigureAwait(false);
        }
        var end = Encoding.UTF8.GetBytes("--" + _boundary + "--\r\n");
        await stream.WriteAsync(end, 0, end.Length).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = Encoding.UTF8.GetByteCount("--" + _boundary + "--\r\n");
        foreach (var (content, head) in _parts)
        {
            var partLength = content.Headers.ContentLength;
            if (partLength is null) return false;
            length += head.Length + partLength.Value + CrLf.Length;
        }
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) foreach (var (content, _) in _parts) content.Dispose();
        base.Dispose(disposing);
    }
}
