using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace JiraSdk.Serialization;

/// <summary>The System.Text.Json settings every JiraSdk client uses for Jira's JSON.</summary>
public static class JiraJson
{
    /// <summary>
    /// Applies Jira's conventions to <paramref name="options"/>: null properties are left out of request bodies (Jira reads
    /// an explicit <c>null</c> as "clear this field"), timestamps use Jira's format, enums their wire values (open enums keep
    /// values the spec does not know), and free-form
    /// objects (issue fields) are parsed once rather than once per value.
    /// </summary>
    public static void Configure(JsonSerializerOptions options)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // Request bodies go to Jira, not into HTML: '+' in a timestamp offset and non-ASCII text stay as they are
        // instead of \u escapes, which keeps bodies readable in logs and byte-for-byte what the caller wrote.
        options.Encoder ??= System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        if (!options.Converters.OfType<JiraDateTimeOffsetConverter>().Any())
            options.Converters.Add(new JiraDateTimeOffsetConverter());
        if (!options.Converters.OfType<NullableJiraDateTimeOffsetConverter>().Any())
            options.Converters.Add(new NullableJiraDateTimeOffsetConverter());
        if (!options.Converters.OfType<JiraEnumConverterFactory>().Any())
            options.Converters.Add(new JiraEnumConverterFactory());
        // Jira is newer than its spec: enum values it added since are kept and reported (JiraSchemaDiagnostics) rather
        // than failing the whole response.
        if (!options.Converters.OfType<JiraOpenEnumConverterFactory>().Any())
            options.Converters.Add(new JiraOpenEnumConverterFactory());
        // Only where reflection would be used anyway: a caller's source-generated resolver is left as it is.
        options.TypeInfoResolver ??= new DefaultJsonTypeInfoResolver { Modifiers = { FreeFormObjectConverter.Apply } };
    }
}
