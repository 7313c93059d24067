using System.Collections;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using JiraSdk.Http;
using Microsoft.Kiota.Abstractions;

namespace JiraSdk.Raw;

/// <summary>
/// Builds the <see cref="HttpRequestMessage"/> of a universal request. The URL comes from a Kiota
/// <see cref="RequestInformation"/> URL template (RFC 6570): <c>{+baseurl}/</c> + the caller's path template + a query
/// expression listing the query parameters, so every value is escaped by the template rules.
/// </summary>
internal static class RawRequestBuilder
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static HttpRequestMessage Build(Uri baseAddress, HttpMethod method, string relativePath, JiraRequestOptions? options)
    {
        if (method is null) throw new ArgumentNullException(nameof(method));
        if (relativePath is null) throw new ArgumentNullException(nameof(relativePath));
        options ??= new JiraRequestOptions();

        var request = new JiraRequestMessage(method, BuildUri(baseAddress, relativePath, options));
        // The path template names the endpoint as Jira's burst limits count it (the rate-limit governor reads it).
        if (relativePath.IndexOf('{') >= 0 && !Uri.TryCreate(relativePath, UriKind.Absolute, out _)) request.SetPathTemplate(relativePath);
        var body = options.JsonBodyUtf8;
        if (body is not null || method == HttpMethod.Delete)
        {
            // Jira rejects a body-less DELETE on several resources unless it names a JSON content type.
            request.Content = new ByteArrayContent(body ?? Array.Empty<byte>());
            request.Content.Headers.ContentType = Json;
        }
        var acceptSet = false;
        foreach (var header in options.Headers)
        {
            if (string.Equals(header.Key, "Accept", StringComparison.OrdinalIgnoreCase)) acceptSet = true;
            if (header.Key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                request.Content ??= new ByteArrayContent(Array.Empty<byte>());
                request.Content.Headers.Remove(header.Key);
                request.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            else if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                throw new ArgumentException($"The header '{header.Key}' cannot be set on a request.", nameof(options));
            }
        }
        if (!acceptSet) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    internal static Uri BuildUri(Uri baseAddress, string relativePath, JiraRequestOptions options)
    {
        if (baseAddress is null || !baseAddress.IsAbsoluteUri)
            throw new InvalidOperationException("The HttpClient has no absolute BaseAddress (the Jira site URL).");

        var information = new RequestInformation { HttpMethod = Method.GET };
        string pathTemplate;
        if (Uri.TryCreate(relativePath, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
        {
            // A "self" or "next" link Jira returned: allowed on the site only, so credentials stay with it.
            if (!Http.RequestDescription.SameOrigin(absolute, baseAddress))
                throw new ArgumentException($"'{absolute.GetLeftPart(UriPartial.Authority)}' is not the Jira site; credentials are only sent to {baseAddress.GetLeftPart(UriPartial.Authority)}.", nameof(relativePath));
            pathTemplate = EscapeLiteral(absolute.GetLeftPart(UriPartial.Path)) + (absolute.Query.Length > 1 ? absolute.Query : string.Empty);
        }
        else
        {
            information.PathParameters["baseurl"] = baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/');
            pathTemplate = "{+baseurl}/" + relativePath.TrimStart('/');
        }

        foreach (var name in PlaceholdersOf(pathTemplate))
        {
            if (name == "baseurl") continue;
            if (!options.PathParameters.TryGetValue(name, out var value) || value is null)
                throw new ArgumentException($"The path has a '{{{name}}}' placeholder but no value was given for it.", nameof(options));
            information.PathParameters[name] = Format(value);
        }

        var names = new List<string>();
        foreach (var parameter in options.Query)
        {
            if (parameter.Value is null) continue;
            if (!IsVariableName(parameter.Key))
                throw new ArgumentException($"'{parameter.Key}' is not a query parameter name this request can send.", nameof(options));
            information.QueryParameters[parameter.Key] = Format(parameter.Value);
            names.Add(parameter.Key + "*");
        }
        if (names.Count > 0)
            pathTemplate += (pathTemplate.IndexOf('?') >= 0 ? "{&" : "{?") + string.Join(",", names) + "}";

        information.UrlTemplate = pathTemplate;
        return information.URI;
    }

    private static object Format(object value) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        DateTimeOffset moment => moment.ToString("o", CultureInfo.InvariantCulture),
        DateTime moment => moment.ToString("o", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable sequence => sequence.Cast<object?>().Where(item => item is not null).Select(item => (string)Format(item!)).ToArray(),
        _ => value.ToString() ?? string.Empty,
    };

    private static IEnumerable<string> PlaceholdersOf(string template)
    {
        for (var start = template.IndexOf('{'); start >= 0; start = template.IndexOf('{', start + 1))
        {
            var end = template.IndexOf('}', start);
            if (end < 0) throw new ArgumentException($"The path '{template}' has an unclosed '{{'.");
            var name = template.Substring(start + 1, end - start - 1).TrimStart('+', '#');
            yield return name;
        }
    }

    /// <summary>RFC 6570 variable names: letters, digits, <c>_</c>, <c>.</c> and percent-encoded triplets.</summary>
    private static bool IsVariableName(string name)
    {
        if (name.Length == 0) return false;
        foreach (var c in name)
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '.')) return false;
        return true;
    }

    private static string EscapeLiteral(string text) => text.Replace("{", "%7B").Replace("}", "%7D");
}
