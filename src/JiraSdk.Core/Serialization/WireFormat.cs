using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;

namespace JiraSdk.Serialization;

/// <summary>
/// How the generated clients write a value into a path segment, query string, header or form field (their
/// <c>ConvertToString</c>): invariant digits and the Gregorian calendar whatever the current culture, enums by wire
/// value, booleans in lower case, lists comma-separated.
/// </summary>
internal static class WireFormat
{
    public static string ToText(object? value) => value switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "true" : "false",
        Enum member => EnumText(member),
        DateTimeOffset instant => instant.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
        DateTime instant => instant.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(",", items.Cast<object?>().Select(ToText)),
        _ => value.ToString() ?? "",
    };

    private static string EnumText(Enum member)
    {
        var name = Enum.GetName(member.GetType(), member);
        if (name is null) return Convert.ToString(member, CultureInfo.InvariantCulture) ?? "";
        return member.GetType().GetField(name, BindingFlags.Public | BindingFlags.Static)?.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? name;
    }
}
