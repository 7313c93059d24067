using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace JiraSdk.Tests.Generated;

/// <summary>
/// Every operation of both specs whose request body is not plain JSON, called through its generated method: the
/// content type, the bytes on the wire and the XSRF header are what Jira reads (the media type the operation declares,
/// corrected by specs/patches where the description contradicts it). A new non-JSON body in a spec fails until it is
/// listed here with what it must send.
/// </summary>
public class NonJsonBodyTests
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 1, 2, 3];

    /// <summary>What each operation sends: the body argument, then the expected content type and body bytes.</summary>
    private static readonly object JsonPatch = new[] { new Dictionary<string, string> { ["op"] = "replace", ["path"] = "/name", ["value"] = "Plan A" } };

    private static readonly Dictionary<string, (Func<Type, object> Body, string ContentType, Func<byte[], string?> Check)> Expected = new()
    {
        ["storeAvatar"] = (_ => null!, "image/png", AvatarBytes),
        ["createProjectAvatar"] = (_ => null!, "image/png", AvatarBytes),
        ["createIssueTypeAvatar"] = (_ => null!, "image/png", AvatarBytes),
        ["setColumns"] = (Columns, "application/x-www-form-urlencoded", Exactly("columns=summary&columns=due+date")),
        ["setIssueNavigatorDefaultColumns"] = (Columns, "application/x-www-form-urlencoded", Exactly("columns=summary&columns=due+date")),
        ["setUserColumns"] = (Columns, "application/x-www-form-urlencoded", Exactly("columns=summary&columns=due+date")),
        ["setPreference"] = (_ => "false", "text/plain", Exactly("false")),
        ["updatePlan"] = (_ => JsonPatch, "application/json-patch+json", Exactly("""[{"op":"replace","path":"/name","value":"Plan A"}]""")),
        ["updateAtlassianTeam"] = (_ => JsonPatch, "application/json-patch+json", Exactly("""[{"op":"replace","path":"/name","value":"Plan A"}]""")),
        ["updatePlanOnlyTeam"] = (_ => JsonPatch, "application/json-patch+json", Exactly("""[{"op":"replace","path":"/name","value":"Plan A"}]""")),
        ["addAttachment"] = (_ => null!, "multipart/form-data", AttachmentParts),
    };


    public static IEnumerable<TestCaseData> NonJsonBodies()
    {
        foreach (var (version, assembly) in new[] { ("v2", typeof(JiraSdk.V2.JiraApiV2).Assembly), ("v3", typeof(JiraSdk.V3.JiraApiV3).Assembly) })
        {
            var specPath = Path.Combine(CoverageTests.SpecsDirectory, $"jira-platform-{version}.json");
            if (!File.Exists(specPath)) continue;
            using var spec = JsonDocument.Parse(File.ReadAllBytes(specPath), new JsonDocumentOptions { MaxDepth = 256 });
            var tags = CoverageTests.ReadOperations(specPath).ToDictionary(o => o.OperationId, o => o.Tag);
            foreach (var path in spec.RootElement.GetProperty("paths").EnumerateObject())
            foreach (var method in path.Value.EnumerateObject())
            {
                if (method.Value.ValueKind != JsonValueKind.Object || !method.Value.TryGetProperty("requestBody", out var body)) continue;
                var mediaTypes = body.GetProperty("content").EnumerateObject().Select(m => m.Name).ToList();
                if (mediaTypes.SequenceEqual(["application/json"])) continue;
                var operationId = method.Value.GetProperty("operationId").GetString()!;
                yield return new TestCaseData(version, assembly, tags[operationId], operationId).SetArgDisplayNames(version, operationId);
            }
        }
    }

    [TestCaseSource(nameof(NonJsonBodies))]
    public async Task SendsTheDeclaredMediaTypeOnTheWire(string version, Assembly assembly, string tag, string operationId)
    {
        Assert.That(Expected.ContainsKey(operationId), Is.True, $"{operationId} has a non-JSON body this test does not know yet");
        var (makeBody, contentType, check) = Expected[operationId];
        var capture = new Capture();
        using var http = new HttpClient(capture) { BaseAddress = new Uri("https://example.atlassian.net/") };
        var clientType = assembly.GetType($"JiraSdk.{version.ToUpperInvariant()}.{CoverageTests.ClientName(tag)}Client")!;
        var method = clientType.GetMethods().Single(m => m.Name == CoverageTests.Pascal(operationId) + "Async" && m.DeclaringType == clientType);
        var arguments = method.GetParameters().Select(p => Argument(p, assembly, makeBody)).ToArray();

        await Sent((Task)method.Invoke(Activator.CreateInstance(clientType, http), arguments)!);

        var request = capture.Request!;
        Assert.That(request.Content!.Headers.ContentType!.MediaType, Is.EqualTo(contentType));
        Assert.That(check(capture.Body!), Is.Null);
        if (!contentType.Contains("json", StringComparison.Ordinal))
            Assert.That(request.Headers.GetValues("X-Atlassian-Token"), Is.EqualTo(new[] { "no-check" }));
    }

    [TestCase("документ ü 报告.pdf", "документ ü 报告.pdf")]
    [TestCase("a \"quoted\" name.txt", "a \\\"quoted\\\" name.txt")]
    [TestCase(@"back\slash\name.txt", @"back\\slash\\name.txt")]
    [TestCase("semi;colon, comma = equals.txt", "semi;colon, comma = equals.txt")]
    [TestCase("line\nbreak.txt", "line%0Abreak.txt")]
    public async Task AttachmentFileNamesAreSentAsBrowsersSendThem(string fileName, string onTheWire)
    {
        var capture = new Capture();
        using var http = new HttpClient(capture) { BaseAddress = new Uri("https://example.atlassian.net/") };

        await Sent(new JiraSdk.V3.IssueAttachmentsClient(http).AddAttachmentAsync("DOCS-1", [new JiraSdk.V3.FileParameter("hello"u8.ToArray(), fileName, "text/plain")]));

        var body = Encoding.UTF8.GetString(capture.Body!);
        Assert.That(body, Does.Contain($"Content-Disposition: form-data; name=\"file\"; filename=\"{onTheWire}\"\r\n"));
        Assert.That(body, Does.Not.Contain("filename*").And.Not.Contain("=?utf-8?"));
        Assert.That(capture.Request!.Content!.Headers.ContentLength, Is.EqualTo(capture.Body!.Length));
    }

    [Test]
    public async Task AnAvatarFromAStreamThatCannotSeekIsSentAsIs()
    {
        var capture = new Capture();
        using var http = new HttpClient(capture) { BaseAddress = new Uri("https://example.atlassian.net/") };
        using var stream = new ForwardOnlyStream(Png);

        await Sent(new JiraSdk.V3.AvatarsClient(http).StoreAvatarAsync(JiraSdk.V3.StoreAvatarType.Project, "10000", 0, new JiraSdk.V3.FileParameter(stream, null, "image/gif")));

        Assert.That(capture.Body, Is.EqualTo(Png));
        Assert.That(capture.Request!.Content!.Headers.ContentType!.ToString(), Is.EqualTo("image/gif"));
    }

    [Test]
    public async Task AnAvatarWithoutAContentTypeTakesItFromTheImage()
    {
        var capture = new Capture();
        using var http = new HttpClient(capture) { BaseAddress = new Uri("https://example.atlassian.net/") };

        await Sent(new JiraSdk.V3.ProjectAvatarsClient(http).CreateProjectAvatarAsync("DOCS", new JiraSdk.V3.FileParameter(Png)));

        Assert.That(capture.Request!.Content!.Headers.ContentType!.MediaType, Is.EqualTo("image/png"));
        Assert.That(capture.Body, Is.EqualTo(Png));
    }

    [Test]
    public void ABodyWhoseTypeCannotBeToldIsRefusedBeforeSending()
    {
        var capture = new Capture();
        using var http = new HttpClient(capture) { BaseAddress = new Uri("https://example.atlassian.net/") };

        var error = Assert.ThrowsAsync<ArgumentException>(() => new JiraSdk.V3.ProjectAvatarsClient(http).CreateProjectAvatarAsync("DOCS", new JiraSdk.V3.FileParameter("not an image"u8.ToArray())));

        Assert.That(error!.Message, Does.Contain("FileParameter.ContentType"));
        Assert.That(capture.Request, Is.Null);
    }

    /// <summary>Awaits the call; the capture answers 204, which not every operation declares, and only the request matters here.</summary>
    private static async Task Sent(Task call)
    {
        try
        {
            await call;
        }
        catch (JiraSdk.Errors.JiraApiException error) when (error.StatusCode == 204)
        {
        }
    }

    private static object? Argument(ParameterInfo parameter, Assembly assembly, Func<Type, object> makeBody)
    {
        var type = parameter.ParameterType;
        var fileParameter = assembly.GetType(assembly.GetName().Name + ".FileParameter")!;
        if (type == typeof(CancellationToken)) return CancellationToken.None;
        if (type == fileParameter) return Activator.CreateInstance(fileParameter, Png, null, "image/png");
        if (type.IsGenericType && type.GetGenericArguments()[0] == fileParameter)
        {
            var files = Array.CreateInstance(fileParameter, 2);
            files.SetValue(Activator.CreateInstance(fileParameter, "first"u8.ToArray(), "a.txt", "text/plain"), 0);
            files.SetValue(Activator.CreateInstance(fileParameter, new MemoryStream(Png), "b.png", "image/png"), 1);
            return files;
        }
        if (parameter.Name == "body") return makeBody(type);
        if (parameter.IsOptional) return parameter.DefaultValue is DBNull ? null : parameter.DefaultValue;
        if (type == typeof(string)) return "10000";
        if (type == typeof(int)) return 0;
        if (type == typeof(long)) return 10000L;
        if (type.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)?.GetValue(null) is System.Collections.IList known) return known[0];
        throw new InvalidOperationException($"no sample for {parameter.Name} ({type})");
    }

    private static object Columns(Type type)
    {
        var body = Activator.CreateInstance(type)!;
        type.GetProperty("Columns")!.SetValue(body, new List<string> { "summary", "due date" });
        return body;
    }

    private static Func<byte[], string?> Exactly(string expected) =>
        bytes => Encoding.UTF8.GetString(bytes) == expected ? null : $"sent {Encoding.UTF8.GetString(bytes)}";

    private static string? AvatarBytes(byte[] bytes) => bytes.SequenceEqual(Png) ? null : "the image bytes differ";

    private static string? AttachmentParts(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var expected = new[] { "name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nfirst\r\n", "name=\"file\"; filename=\"b.png\"\r\nContent-Type: image/png\r\n\r\n" };
        return expected.All(text.Contains) && bytes.AsSpan().IndexOf(Png) > 0 ? null : "sent " + text;
    }

    private sealed class Capture : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }
        public byte[]? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            Body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.NoContent) { RequestMessage = request };
        }
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    }
}
