using System.Text.RegularExpressions;

namespace JiraSdk.Generator;

/// <summary>
/// Corrections to NSwag's System.Text.Json output that no setting reaches. NSwag puts
/// <c>JsonStringEnumConverter&lt;T&gt;</c> on enum properties, which ignores the <c>EnumMember</c> wire values
/// (<c>jira:issue_created</c> would be written as <c>JiraIssueCreated</c>), and puts nothing on enum collections (written as
/// numbers). Removing the attributes lets the converter that <c>JiraJson.Configure</c> registers handle every enum,
/// single or in a collection, by its wire value. (A body that is not the declared JSON is handled by the
/// <c>Client.Class.ReadObjectResponse</c> template override, which raises <c>JiraSerializationException</c>.)
/// Request bodies: form-urlencoded bodies and multipart bodies are built by JiraSdk's own content types (see below).
/// Per-call costs of NSwag's client template that a successful call gets nothing for (a parsed copy of every response
/// header, a new <c>HttpMethod</c>, a parsed <c>Accept</c> value, a URL builder grown from 16 characters) are taken out.
/// </summary>
internal static partial class CodeFixups
{
    [GeneratedRegex(@"^\s*\[System\.Text\.Json\.Serialization\.JsonConverter\(typeof\(System\.Text\.Json\.Serialization\.JsonStringEnumConverter(<[^>]+>)?\)\)\]\r?\n", RegexOptions.Multiline)]
    private static partial Regex EnumConverterAttribute();

    [GeneratedRegex(@"^\s*// TODO\(system\.text\.json\): Add ItemConverterType with enum converter when supported\r?\n", RegexOptions.Multiline)]
    private static partial Regex ItemConverterTodo();

    // NSwag turns a form-urlencoded body into a Dictionary<string, string> through JSON, which fails on a list
    // (columns=a&columns=b); the form is built from the JSON by JiraSdk instead, a list as repeated fields.
    [GeneratedRegex(@"var dictionary_ = System\.Text\.Json\.JsonSerializer\.Deserialize<System\.Collections\.Generic\.Dictionary<string, string>>\(json_, JsonSerializerSettings\);\r?\n(?<indent>\s*)var content_ = new System\.Net\.Http\.FormUrlEncodedContent\(dictionary_\);")]
    private static partial Regex FormFromDictionary();

    private const string MultipartContent = "new System.Net.Http.MultipartFormDataContent(boundary_)";

    private const string BinaryBodyContentType = "System.Net.Http.Headers.MediaTypeHeaderValue.Parse(body.ContentType)";

    // A free-form query parameter (a string map, see ObjectQueryParameters) is sent pair by pair; NSwag reads
    // AdditionalProperties from it as if it were a model, and does not escape a keyword name there (params).
    [GeneratedRegex(@"foreach \(var item_ in @?(?<name>\w+)\.AdditionalProperties\) \{ urlBuilder_")]
    private static partial Regex FreeFormQueryLoop();

    // Per call, NSwag copies every response header into a dictionary (parsing each) before looking at the status; a
    // successful call never reads it. JiraSdk's map copies them when first read (error paths, file responses).
    [GeneratedRegex(@"var headers_ = new System\.Collections\.Generic\.Dictionary<string, System\.Collections\.Generic\.IEnumerable<string>>\(\);\r?\n\s*foreach \(var item_ in response_\.Headers\)\r?\n\s*headers_\[item_\.Key\] = item_\.Value;\r?\n\s*if \(response_\.Content != null && response_\.Content\.Headers != null\)\r?\n\s*\{\r?\n\s*foreach \(var item_ in response_\.Content\.Headers\)\r?\n\s*headers_\[item_\.Key\] = item_\.Value;\r?\n\s*\}")]
    private static partial Regex HeaderCopy();

    // A new HttpMethod per call, where .NET has one instance per standard method (netstandard2.0 has none for PATCH).
    [GeneratedRegex(@"new System\.Net\.Http\.HttpMethod\(""(?<method>GET|POST|PUT|DELETE|HEAD|OPTIONS)""\)")]
    private static partial Regex StandardMethod();

    // The Accept media type is a constant: sent as it is instead of parsed into a header value object on each call.
    [GeneratedRegex(@"request_\.Headers\.Accept\.Add\(System\.Net\.Http\.Headers\.MediaTypeWithQualityHeaderValue\.Parse\((?<type>""[^""]*"")\)\);")]
    private static partial Regex AcceptParse();

    // The URL builder starts at 16 characters and grows a chunk at a time, a new one per call; the thread's kept one
    // (RequestUrlBuilder) is taken instead, at least as large as the operation's path needs.
    [GeneratedRegex(@"var urlBuilder_ = new System\.Text\.StringBuilder\(\);(?<rest>\r?\n\s*// Operation Path: ""(?<path>[^""]*)"")")]
    private static partial Regex UrlBuilder();

    private const string UrlToString = "var url_ = urlBuilder_.ToString();";

    // The pipeline's per-request switches (the path template, the schema diagnostics) go into a request's options, a
    // dictionary made on first use; a request of the SDK's own type carries them in a field.
    private const string NewRequest = "var request_ = new System.Net.Http.HttpRequestMessage()";

    // Each operation is an async method whose state machine is a new object per call (about 0.3 KB). It becomes a
    // wrapper returning the Task callers know, over a ValueTask method whose state .NET pools between calls.
    [GeneratedRegex(@"^(?<indent>[ \t]*)public virtual async System\.Threading\.Tasks\.Task(?<result><.+?>)? (?<name>\w+)\((?<parameters>[^\r\n]*)\)(?<eol>\r?\n)", RegexOptions.Multiline)]
    private static partial Regex AsyncOperation();

    /// <summary>
    /// What <see cref="Apply"/> was meant to take out of the per-call path but finds still there: NSwag's output changed
    /// (a new version) and a fixup no longer matches it. The build warns, so the lost speed is noticed, not shipped.
    /// </summary>
    public static IEnumerable<string> Unapplied(string code)
    {
        if (code.Contains("foreach (var item_ in response_.Headers)"))
            yield return "response headers are copied into a dictionary on every call (HeaderCopy no longer matches)";
        if (code.Contains("MediaTypeWithQualityHeaderValue.Parse("))
            yield return "the Accept header is parsed on every call (AcceptParse no longer matches)";
        if (StandardMethod().IsMatch(code))
            yield return "a new HttpMethod is made on every call (StandardMethod no longer matches)";
        if (code.Contains("var urlBuilder_ = new System.Text.StringBuilder("))
            yield return "a new URL builder is made on every call (UrlBuilder no longer matches)";
        if (code.Contains(UrlToString))
            yield return "the URL builder is not given back (UrlToString no longer matches)";
        if (code.Contains(NewRequest))
            yield return "requests keep the SDK's switches in a dictionary (NewRequest no longer matches)";
        if (AsyncOperation().IsMatch(code))
            yield return "an operation allocates its async state on every call (AsyncOperation no longer matches)";
    }

    public static string Apply(string code)
    {
        code = HeaderCopy().Replace(code, "var headers_ = new global::JiraSdk.Http.ResponseHeaderMap(response_);");
        code = StandardMethod().Replace(code, match => "System.Net.Http.HttpMethod." + match.Groups["method"].Value[0] + match.Groups["method"].Value.Substring(1).ToLowerInvariant());
        code = AcceptParse().Replace(code, "request_.Headers.TryAddWithoutValidation(\"Accept\", ${type});");
        code = UrlBuilder().Replace(code, match =>
            "var urlBuilder_ = global::JiraSdk.Http.RequestUrlBuilder.Acquire(" + (match.Groups["path"].Value.Length + 64).ToString(System.Globalization.CultureInfo.InvariantCulture) + ");" + match.Groups["rest"].Value);
        code = code.Replace(UrlToString, "var url_ = global::JiraSdk.Http.RequestUrlBuilder.ToStringAndRelease(urlBuilder_);");
        code = code.Replace(NewRequest, "var request_ = new global::JiraSdk.Http.JiraRequestMessage()");
        code = PoolAsyncOperations(code);
        code = EnumConverterAttribute().Replace(code, "");
        code = FreeFormQueryLoop().Replace(code, "foreach (var item_ in @${name}) { urlBuilder_");
        code = ItemConverterTodo().Replace(code, "");
        code = FormFromDictionary().Replace(code, "var content_ = JiraSdk.Serialization.FormUrlEncodedBody.FromJson(json_);");
        // .NET's multipart content writes a non-ASCII file name as a MIME encoded word plus filename*, and rejects a
        // name with quotes; JiraSdk's writes the raw UTF-8 name, as browsers do (RFC 7578 §4.2).
        code = code.Replace(MultipartContent, "new JiraSdk.Serialization.MultipartFormBody(boundary_)");
        // A raw binary body (avatar images) with no content type given takes the image type from its first bytes,
        // or fails with a clear ArgumentException, instead of NSwag's FormatException from parsing null.
        return code.Replace(BinaryBodyContentType, "JiraSdk.Serialization.BinaryBody.ContentTypeOf(body.Data, body.ContentType)");
    }
    /// <summary>
    /// Splits each <c>public virtual async</c> operation into the public method, now returning the pooled method's
    /// <c>ValueTask</c> as a <c>Task</c> (one small object instead of the whole state machine), and a private
    /// <c>…Core</c> method holding NSwag's body, built with JiraSdk's <c>PooledValueTaskMethodBuilder</c> on .NET 6 and later.
    /// </summary>
    private static string PoolAsyncOperations(string code) => AsyncOperation().Replace(code, match =>
    {
        var indent = match.Groups["indent"].Value;
        var eol = match.Groups["eol"].Value;
        var result = match.Groups["result"].Value;
        var name = match.Groups["name"].Value;
        var parameters = SplitParameters(match.Groups["parameters"].Value);
        var arguments = string.Join(", ", parameters.Select(ParameterName));
        var coreParameters = string.Join(", ", parameters.Select(WithoutDefault));
        var builder = result.Length == 0 ? "PooledValueTaskMethodBuilder" : "PooledValueTaskMethodBuilder<>";
        return indent + "public virtual System.Threading.Tasks.Task" + result + " " + name + "(" + match.Groups["parameters"].Value + ") =>" + eol
            + indent + "    " + name + "Core(" + arguments + ").AsTask();" + eol
            + eol
            + "#if NET6_0_OR_GREATER" + eol
            + indent + "[System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(global::JiraSdk.Http." + builder + "))]" + eol
            + "#endif" + eol
            + indent + "private async System.Threading.Tasks.ValueTask" + result + " " + name + "Core(" + coreParameters + ")" + eol;
    });

    /// <summary>A parameter list split at its top-level commas (generic arguments, default values and strings keep theirs).</summary>
    internal static List<string> SplitParameters(string parameters)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        var quoted = false;
        for (var i = 0; i < parameters.Length; i++)
        {
            if (quoted)
            {
                if (parameters[i] == '\\') i++; // an escaped character, a quote or a backslash included
                else if (parameters[i] == '"') quoted = false;
                continue;
            }
            if (parameters[i] == '"')
            {
                quoted = true;
                continue;
            }
            switch (parameters[i])
            {
                case '<' or '(' or '[': depth++; break;
                case '>' or ')' or ']': depth--; break;
                case ',' when depth == 0:
                    parts.Add(parameters.Substring(start, i - start).Trim());
                    start = i + 1;
                    break;
            }
        }
        if (parameters.Trim().Length > 0) parts.Add(parameters.Substring(start).Trim());
        return parts;
    }

    private static string WithoutDefault(string parameter)
    {
        var equals = parameter.IndexOf(" = ", StringComparison.Ordinal);
        return equals < 0 ? parameter : parameter.Substring(0, equals);
    }

    private static string ParameterName(string parameter)
    {
        var declaration = WithoutDefault(parameter);
        return declaration.Substring(declaration.LastIndexOf(' ') + 1);
    }
}
