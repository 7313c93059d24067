using System.Text;
using System.Text.RegularExpressions;

namespace JiraSdk.Generator;

/// <summary>
/// Writes an <c>IAsyncEnumerable&lt;T&gt;</c> twin for every paged operation NSwag generated: an extension method on the
/// client interface, named <c>Enumerate…Async</c>, with the operation's own parameters minus the paging ones, that streams
/// every item through <c>JiraPages</c> one page at a time.
/// </summary>
/// <remarks>
/// It reads NSwag's C# rather than the spec, so the signatures it calls are exactly the generated ones (NSwag's names for
/// parameters, enums and models). An operation is paged when it takes <c>startAt</c> and <c>maxResults</c> (offset pages) or
/// <c>nextPageToken</c> and <c>maxResults</c> (token pages); its response must then hold the items: a page model with one item
/// collection (<c>values</c> first, then <c>issues</c>), a model holding such a page in one property, or a bare list.
/// Operations that fit none of these are listed in the report with the reason, never skipped silently.
/// </remarks>
internal static partial class PagingWriter
{
    [GeneratedRegex(@"^namespace ([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"^\s*public partial (?<kind>interface|class) (?<name>\w+)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^\s*public (?<type>.+?) (?<name>\w+) \{ get; set; \}")]
    private static partial Regex Property();

    [GeneratedRegex(@"^\s*System\.Threading\.Tasks\.Task(?<result><.+>)? (?<name>\w+)Async\((?<parameters>.*)\);\s*$")]
    private static partial Regex InterfaceMethod();

    public sealed record Result(string Code, IReadOnlyList<string> Written, IReadOnlyList<string> Skipped);

    public static Result Write(string generatedCode)
    {
        var model = Read(generatedCode);
        var written = new List<string>();
        var skipped = new List<string>();
        var code = new StringBuilder();
        code.AppendLine("// <auto" + "-generated>")
            .AppendLine("//     Written by JiraSdk.Generator from NSwag's clients: one IAsyncEnumerable twin per paged operation.")
            .AppendLine("// </auto" + "-generated>")
            .AppendLine("#nullable enable")
            .AppendLine()
            .AppendLine($"namespace {model.Namespace}")
            .AppendLine("{");

        foreach (var client in model.Interfaces)
        {
            var methods = new StringBuilder();
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var method in client.Methods)
            {
                var paging = Plan(method, model.Classes, out var reason);
                var name = $"Enumerate{EnumerationName(method.Name)}Async";
                if (paging is not null && !names.Add(name)) (paging, reason) = (null, $"another operation of {client.Name} already enumerates as {name}");
                if (paging is null)
                {
                    if (reason is not null) skipped.Add($"{client.Name}.{method.Name}Async: {reason}");
                    continue;
                }
                WriteMethod(methods, client.Name, method, name, paging);
                written.Add($"{client.Name}.{name}");
            }
            if (methods.Length == 0) continue;
            var className = client.Name.Substring(1) + "Paging";
            code.AppendLine($"    /// <summary>Every paged operation of <see cref=\"{client.Name}\"/> as an <see cref=\"global::System.Collections.Generic.IAsyncEnumerable{{T}}\"/> of its items.</summary>")
                .AppendLine("    [global::System.CodeDom.Compiler.GeneratedCode(\"JiraSdk.Generator\", \"1.0\")]")
                .AppendLine($"    public static class {className}")
                .AppendLine("    {")
                .Append(methods)
                .AppendLine("    }")
                .AppendLine();
        }
        code.AppendLine("}");
        return new Result(code.ToString(), written, skipped);
    }

    /// <summary>The name after <c>Enumerate</c>: a leading <c>Get</c> is dropped (GetComments → EnumerateComments), as in .NET's GetFiles/EnumerateFiles.</summary>
    internal static string EnumerationName(string operation) =>
        operation.StartsWith("Get", StringComparison.Ordinal) && operation.Length > 3 && char.IsUpper(operation[3]) ? operation[3..] : operation;

    private sealed record Parameter(string Type, string Name, string? Default);

    private sealed record Method(string Name, string? Result, IReadOnlyList<Parameter> Parameters, bool Deprecated);

    private sealed record Interface(string Name, List<Method> Methods);

    private sealed record Model(string Namespace, List<Interface> Interfaces, Dictionary<string, Dictionary<string, string>> Classes);

    private enum Style { Offset, Token }

    /// <summary>How to call one paged operation and read its pages.</summary>
    private sealed record Paging(Style Style, string ItemType, Parameter Position, Parameter Size, string Items, string? StartAt, string? Total, string? IsLast, string? NextPageToken);

    private static Model Read(string code)
    {
        var ns = Namespace().Match(code) is { Success: true } match ? match.Groups[1].Value : throw new GeneratorException("the generated code has no namespace");
        var interfaces = new List<Interface>();
        var classes = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Interface? currentInterface = null;
        Dictionary<string, string>? currentClass = null;
        var deprecated = false;
        foreach (var line in code.Split('\n'))
        {
            if (line.TrimStart().StartsWith("[System.Obsolete", StringComparison.Ordinal))
            {
                deprecated = true;
                continue;
            }
            if (TypeDeclaration().Match(line) is { Success: true } type)
            {
                currentInterface = null;
                currentClass = null;
                deprecated = false;
                if (type.Groups["kind"].Value == "interface")
                    interfaces.Add(currentInterface = new Interface(type.Groups["name"].Value, new List<Method>()));
                else
                    classes[type.Groups["name"].Value] = currentClass = new Dictionary<string, string>(StringComparer.Ordinal);
                continue;
            }
            var isComment = line.TrimStart().StartsWith("//", StringComparison.Ordinal) || line.Trim().Length == 0;
            if (!isComment && currentInterface is not null && InterfaceMethod().Match(line) is { Success: true } method)
            {
                var result = method.Groups["result"].Success ? method.Groups["result"].Value[1..^1] : null;
                currentInterface.Methods.Add(new Method(method.Groups["name"].Value, result, SplitParameters(method.Groups["parameters"].Value), deprecated));
            }
            else if (currentClass is not null && Property().Match(line) is { Success: true } property)
            {
                currentClass[property.Groups["name"].Value] = property.Groups["type"].Value;
            }
            // An [Obsolete] belongs to the declaration right after it (doc comments may sit between).
            if (!isComment) deprecated = false;
        }
        return new Model(ns, interfaces, classes);
    }

    /// <summary>Splits a parameter list at its top-level commas (generic arguments, parentheses and string defaults hold commas too).</summary>
    internal static IReadOnlyList<(string Type, string Name, string? Default)> SplitParameterList(string list) =>
        SplitParameters(list).Select(p => (p.Type, p.Name, p.Default)).ToList();

    private static List<Parameter> SplitParameters(string list)
    {
        var parameters = new List<Parameter>();
        var depth = 0;
        var inString = false;
        var start = 0;
        for (var i = 0; i <= list.Length; i++)
        {
            var c = i < list.Length ? list[i] : ',';
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            switch (c)
            {
                case '"': inString = true; break;
                case '<' or '(' or '[': depth++; break;
                case '>' or ')' or ']': depth--; break;
                case ',' when depth == 0:
                    var text = list[start..i].Trim();
                    start = i + 1;
                    if (text.Length == 0) break;
                    var equals = text.IndexOf(" = ", StringComparison.Ordinal);
                    var declaration = equals < 0 ? text : text[..equals];
                    var space = declaration.LastIndexOf(' ');
                    if (space < 0) throw new GeneratorException($"cannot read the parameter '{text}'");
                    parameters.Add(new Parameter(declaration[..space], declaration[(space + 1)..], equals < 0 ? null : text[(equals + 3)..]));
                    break;
            }
        }
        return parameters;
    }

    /// <summary>Decides whether and how <paramref name="method"/> pages; <paramref name="reason"/> says why a paged-looking one cannot.</summary>
    private static Paging? Plan(Method method, Dictionary<string, Dictionary<string, string>> classes, out string? reason)
    {
        reason = null;
        var size = method.Parameters.FirstOrDefault(p => p.Name is "maxResults" or "maxResult");
        var offset = method.Parameters.FirstOrDefault(p => p.Name == "startAt");
        var token = method.Parameters.FirstOrDefault(p => p.Name == "nextPageToken");
        if ((offset ?? token) is not { } position) return null;
        if (size is null) { reason = $"has {position.Name} but no maxResults"; return null; }
        if (method.Parameters.Any(p => p.Name is "client" or "pageSize")) { reason = "a parameter is named like one the enumeration adds"; return null; }
        if (method.Result is null) { reason = "its response has no body"; return null; }
        if (!IsNumberOrString(position.Type) || !IsNumberOrString(size.Type)) { reason = $"{position.Name} or {size.Name} is a {position.Type}/{size.Type}"; return null; }
        var style = offset is not null ? Style.Offset : Style.Token;
        if (style == Style.Token && position.Type.TrimEnd('?') != "string") { reason = $"its nextPageToken is a {position.Type}"; return null; }

        if (ItemTypeOfList(method.Result) is { } listItem)
        {
            if (style == Style.Token) { reason = "a token-paged operation that answers a bare list has nowhere to put the next token"; return null; }
            return new Paging(style, listItem, position, size, "page_", null, null, null, null);
        }
        if (!classes.TryGetValue(method.Result, out var page)) { reason = $"its response {method.Result} is not a generated model"; return null; }

        var prefix = "page_.";
        if (style == Style.Token && !page.ContainsKey("NextPageToken"))
        {
            // Status and workflow usages: { "projects": { "nextPageToken": …, "values": [...] } }.
            var holders = page.Where(p => classes.TryGetValue(p.Value.TrimEnd('?'), out var inner) && inner.ContainsKey("NextPageToken")).ToList();
            if (holders.Count != 1) { reason = $"{method.Result} holds no single page with a nextPageToken"; return null; }
            prefix = $"page_.{holders[0].Key}?.";
            page = classes[holders[0].Value.TrimEnd('?')];
        }

        var collections = page.Where(p => ItemTypeOfList(p.Value) is not null).Select(p => p.Key).ToList();
        string? items = collections.Contains("Values") ? "Values" : collections.Contains("Issues") ? "Issues" : collections.Count == 1 ? collections[0] : null;
        var itemType = items is null ? null : ItemTypeOfList(page[items]);
        var itemsExpression = prefix + items;
        if (items is null && collections.Count > 1 && collections.Select(c => ItemTypeOfList(page[c])).Distinct().Count() == 1)
        {
            // Two names for one list (create metadata: "issueTypes" and "createMetaIssueType"); Jira fills one of them.
            itemType = ItemTypeOfList(page[collections[0]]);
            items = collections[0];
            itemsExpression = string.Join(" ?? ", collections.Select(c => prefix + c));
        }
        if (items is null || itemType is null)
        {
            reason = collections.Count == 0 ? $"{method.Result} has no item list" : $"{method.Result} has several item lists ({string.Join(", ", collections)})";
            return null;
        }
        string? Numeric(string name) => page.TryGetValue(name, out var type) && type.TrimEnd('?') is "long" or "int" ? prefix + name : null;
        string? Of(string name, string type) => page.TryGetValue(name, out var actual) && actual.TrimEnd('?') == type ? prefix + name : null;
        if (style == Style.Token)
            return new Paging(style, itemType, position, size, itemsExpression, null, null, Of("IsLast", "bool"), Of("NextPageToken", "string"));
        return new Paging(style, itemType, position, size, itemsExpression, Numeric("StartAt"), Numeric("Total"), Of("IsLast", "bool"), null);
    }

    private static bool IsNumberOrString(string type) => type.TrimEnd('?') is "int" or "long" or "string";

    private static string? ItemTypeOfList(string type)
    {
        const string Collection = "System.Collections.Generic.ICollection<";
        var bare = type.TrimEnd('?');
        return bare.StartsWith(Collection, StringComparison.Ordinal) && bare.EndsWith('>') ? bare[Collection.Length..^1] : null;
    }

    private static void WriteMethod(StringBuilder code, string client, Method method, string name, Paging paging)
    {
        var kept = method.Parameters.Where(p => p != paging.Position && p != paging.Size && p.Name != "cancellationToken").ToList();
        var signature = string.Join(", ", kept.Select(p => p.Default is null ? $"{p.Type} {p.Name}" : $"{p.Type} {p.Name} = {p.Default}"));
        var operation = $"{client}.{method.Name}Async";
        var style = paging.Style == Style.Offset ? "offset (startAt)" : "token (nextPageToken)";

        code.AppendLine($"        /// <summary>")
            .AppendLine($"        /// Every item of <see cref=\"{operation}\"/>, fetched one page at a time ({style} paging) while the")
            .AppendLine($"        /// enumeration proceeds; at most one page is held, and cancelling stops before the next fetch.")
            .AppendLine($"        /// </summary>")
            .AppendLine($"        /// <param name=\"client\">The client to call.</param>")
            .AppendLine($"        /// <inheritdoc cref=\"{operation}\" path=\"/param\"/>")
            .AppendLine($"        /// <param name=\"pageSize\">The <c>{paging.Size.Name}</c> of each request; Jira may cap it lower.</param>")
            .AppendLine($"        /// <param name=\"cancellationToken\">Stops the enumeration.</param>")
            .Append(method.Deprecated ? "        [global::System.Obsolete(\"The operation it enumerates is deprecated.\")]\n" : "")
            .AppendLine($"        public static global::System.Collections.Generic.IAsyncEnumerable<{paging.ItemType}> {name}(this {client} client{(signature.Length > 0 ? ", " + signature : "")}, int pageSize = global::JiraSdk.Paging.JiraPages.DefaultPageSize, global::System.Threading.CancellationToken cancellationToken = default)")
            .AppendLine("        {")
            .AppendLine("            if (client is null) throw new global::System.ArgumentNullException(nameof(client));");

        var arguments = kept.Select(p => $"{p.Name}: {p.Name}")
            .Append($"{paging.Position.Name}: {Convert("position_", paging.Position.Type, paging.Style == Style.Offset)}")
            .Append($"{paging.Size.Name}: {Convert("size_", paging.Size.Type, isOffsetPosition: false)}")
            .Append("cancellationToken: ct_");
        var call = $"client.{method.Name}Async({string.Join(", ", arguments)})";
        if (paging.Style == Style.Offset)
        {
            var describe = paging.StartAt is null && paging.Total is null && paging.IsLast is null
                ? $"new global::JiraSdk.Paging.OffsetPage<{paging.ItemType}>({paging.Items})"
                : $"new global::JiraSdk.Paging.OffsetPage<{paging.ItemType}>({paging.Items}, {paging.StartAt ?? "null"}, {paging.Total ?? "null"}, {paging.IsLast ?? "null"})";
            code.AppendLine("            return global::JiraSdk.Paging.JiraPages.ByOffset(")
                .AppendLine($"                (position_, size_, ct_) => {call},")
                .AppendLine($"                page_ => {describe},")
                .AppendLine("                pageSize, cancellationToken: cancellationToken);");
        }
        else
        {
            code.AppendLine("            return global::JiraSdk.Paging.JiraPages.ByToken(")
                .AppendLine($"                (position_, size_, ct_) => {call},")
                .AppendLine($"                page_ => new global::JiraSdk.Paging.TokenPage<{paging.ItemType}>({paging.Items}, {paging.NextPageToken ?? "null"}, {paging.IsLast ?? "null"}),")
                .AppendLine("                pageSize, cancellationToken);");
        }
        code.AppendLine("        }").AppendLine();
    }

    /// <summary>The page position or size as the operation's parameter type wants it (some specs declare them as strings).</summary>
    private static string Convert(string value, string parameterType, bool isOffsetPosition) => parameterType.TrimEnd('?') switch
    {
        "int" when isOffsetPosition => $"checked((int){value})",
        "string" when value != "position_" || isOffsetPosition => $"{value}.ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
        _ => value,
    };
}
