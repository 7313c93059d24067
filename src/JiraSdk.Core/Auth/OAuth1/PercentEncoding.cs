using System.Text;

namespace JiraSdk.Auth;

/// <summary>RFC 3986 percent-encoding as RFC 5849 §3.6 defines it, and the form decoding that §3.4.1.3.1 asks for.</summary>
internal static class PercentEncoding
{
    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>Encodes UTF-8 bytes; only ALPHA, DIGIT, '-', '.', '_' and '~' stay as they are.</summary>
    internal static string Encode(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (IsUnreserved(b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
            }
        }
        return builder.ToString();
    }

    /// <summary>Splits an <c>application/x-www-form-urlencoded</c> string (a query or a body) into decoded name/value pairs, keeping repeats and order.</summary>
    internal static IEnumerable<KeyValuePair<string, string>> ParseForm(string? form)
    {
        if (string.IsNullOrEmpty(form)) yield break;
        foreach (var pair in form!.Split('&'))
        {
            if (pair.Length == 0) continue;
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair.Substring(0, equals);
            var value = equals < 0 ? string.Empty : pair.Substring(equals + 1);
            yield return new KeyValuePair<string, string>(DecodeForm(name), DecodeForm(value));
        }
    }

    /// <summary>Decodes '+' as a space and %XX sequences as UTF-8 bytes; a stray '%' stays literal.</summary>
    internal static string DecodeForm(string value)
    {
        if (value.IndexOf('%') < 0 && value.IndexOf('+') < 0) return value;
        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '%' && i + 2 < value.Length && TryHex(value[i + 1], out var high) && TryHex(value[i + 2], out var low))
            {
                bytes.Add((byte)((high << 4) | low));
                i += 2;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(value.Substring(i, 2)));
                i++;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsUnreserved(byte b) =>
        (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || b == '.' || b == '_' || b == '~';

    private static bool TryHex(char c, out int value)
    {
        value = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        return value >= 0;
    }
}
