using System.Net;
using System.Text;
using JiraSdk.Generator.Normalizations;
using RichardSzalay.MockHttp;

namespace JiraSdk.Generator.Tests;

public class PatchAndSourceTests
{
    private string _directory = null!;

    [SetUp]
    public void SetUp() => _directory = Directory.CreateTempSubdirectory("jirasdk-generator-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void PatchesApplyToOperationsByIdInEitherVersion()
    {
        File.WriteAllText(Path.Combine(_directory, "fix.json"), """
            {"fixes":"getThing 200","why":"the spec forgets the body","apiVersions":["v3"],
             "steps":[{"operation":"getThing","op":"add","path":"/responses/200/content","value":{"*/*":{}}}]}
            """);
        var document = Spec.Parse("""{"paths":{"/rest/api/3/thing":{"get":{"operationId":"getThing","responses":{"200":{}}}}}}""");

        new SpecPatches(SpecPatches.Load(_directory), "v3").Apply(document);

        Assert.That(Spec.At(document, "/paths/~1rest~1api~13~1thing/get/responses/200"), Is.EqualTo("""{"content":{"*/*":{}}}"""));
    }

    [Test]
    public void APatchWhoseTargetIsGoneFailsTheGeneration()
    {
        File.WriteAllText(Path.Combine(_directory, "fix.json"), """
            {"fixes":"getGone","why":"because","steps":[{"operation":"getGone","op":"remove","path":"/responses"}]}
            """);
        var document = Spec.Parse("""{"paths":{}}""");

        var error = Assert.Throws<InvalidOperationException>(() => new SpecPatches(SpecPatches.Load(_directory), "v2").Apply(document));
        Assert.That(error!.Message, Does.Contain("getGone").And.Contain("not found"));
    }

    [Test]
    public void APatchMustSayWhy()
    {
        File.WriteAllText(Path.Combine(_directory, "fix.json"), """{"fixes":"x","steps":[]}""");

        var error = Assert.Throws<InvalidOperationException>(() => SpecPatches.Load(_directory));
        Assert.That(error!.Message, Does.Contain("what it fixes and why"));
    }

    [Test]
    public async Task AMissingSpecIsDownloadedAndCheckedAgainstTheRecordedHash()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"openapi":"3.0.1"}""");
        var entry = new SpecSourceEntry("jira-platform-v3.json", "https://specs.example/v3.json", "1", SpecSource.Sha256Of(bytes), null);
        using var mock = new MockHttpMessageHandler();
        mock.Expect("https://specs.example/v3.json").Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) });
        var source = new SpecSource(new HttpClient(mock));

        var spec = await source.ResolveAsync(entry, Path.Combine(_directory, "absent"), Path.Combine(_directory, "cache"), acceptLatest: false, CancellationToken.None);
        var again = await source.ResolveAsync(entry, Path.Combine(_directory, "absent"), Path.Combine(_directory, "cache"), acceptLatest: false, CancellationToken.None);

        Assert.That(File.ReadAllBytes(spec.Path), Is.EqualTo(bytes));
        Assert.That(spec.Downloaded, Is.True);
        Assert.That(again.Path, Is.EqualTo(spec.Path));
        Assert.That(again.Downloaded, Is.False, "the second build reads the verified copy in the cache");
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public void ADownloadWithAnotherHashStopsWithOneMessageNamingJiraSpecsAcceptLatest()
    {
        var entry = new SpecSourceEntry("jira-platform-v3.json", "https://specs.example/v3.json", "1", new string('0', 64), null);
        using var mock = new MockHttpMessageHandler();
        mock.When("https://specs.example/v3.json").Respond("application/json", "{}");

        var error = Assert.ThrowsAsync<GeneratorException>(() =>
            new SpecSource(new HttpClient(mock)).ResolveAsync(entry, _directory, Path.Combine(_directory, "cache"), acceptLatest: false, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("-p:JiraSpecsAccept=latest").And.Contain("JiraSpecsDir").And.Contain("https://specs.example/v3.json")
            .And.Contain(SpecSource.Sha256Of("{}"u8.ToArray())));
        Assert.That(Directory.Exists(Path.Combine(_directory, "cache")), Is.False, "nothing unverified is cached");
    }

    [Test]
    public async Task TheDownloadFallbackAcceptsTheRecordedPrettyPrintedCopyToo()
    {
        var bytes = Encoding.UTF8.GetBytes("{\n  \"openapi\": \"3.0.1\"\n}\n");
        var entry = new SpecSourceEntry("jira-datacenter.json", "https://specs.example/dc.json", "1", new string('0', 64), SpecSource.Sha256Of(bytes));
        using var mock = new MockHttpMessageHandler();
        mock.When("https://specs.example/dc.json").Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) });

        var spec = await new SpecSource(new HttpClient(mock)).ResolveAsync(entry, _directory, Path.Combine(_directory, "cache"), acceptLatest: false, CancellationToken.None);

        Assert.That(spec.Bytes, Is.EqualTo(bytes));
    }

    [Test]
    public async Task AcceptingLatestGeneratesFromTheCurrentFileAndTheReportNamesTheSha256ToRecord()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"info":{"version":"2"},"paths":{"/new":{"get":{"operationId":"getNewAsync"}}}}""");
        var entry = new SpecSourceEntry("jira-platform-v3.json", "https://specs.example/v3.json", "1", new string('0', 64), null);
        using var mock = new MockHttpMessageHandler();
        mock.When("https://specs.example/v3.json").Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) });
        var operationsFile = Path.Combine(_directory, "ops.txt");
        File.WriteAllLines(operationsFile, ["getOld (GET /old)"]);

        var spec = await new SpecSource(new HttpClient(mock)).ResolveAsync(entry, _directory, Path.Combine(_directory, "cache"), acceptLatest: true, CancellationToken.None);
        var report = GenerationReport.Describe(GenerationReport.OperationsOf(spec.Bytes), "2", 0, spec, entry, operationsFile, changed: true);

        Assert.That(spec.Bytes, Is.EqualTo(bytes));
        Assert.That(report, Does.Contain($"\"sha256\": \"{SpecSource.Sha256Of(bytes)}\"").And.Contain("\"infoVersion\": \"2\""));
        Assert.That(report, Does.Contain("+ getNewAsync (GET /new)").And.Contain("- getOld (GET /old)"));
    }

    [Test]
    public async Task TheGeneratorRegeneratesWhenTheSpecChangesAndBackWhateverTheFileDates()
    {
        // End to end through the generator's entry point; the spec folder is switched the way -p:JiraSpecsDir does.
        var sources = Path.Combine(_directory, "sources.json");
        File.WriteAllText(sources, """{"specs":{"v3":{"file":"jira-platform-v3.json","url":"http://127.0.0.1:9/none","infoVersion":"1","sha256":"00"}}}""");
        string Folder(string name, string paths)
        {
            var folder = Directory.CreateDirectory(Path.Combine(_directory, name)).FullName;
            File.WriteAllText(Path.Combine(folder, "jira-platform-v3.json"), "{\"openapi\":\"3.0.1\",\"info\":{\"version\":\"" + name + "\"},\"paths\":{" + paths + "}}");
            return folder;
        }
        var original = Folder("original", """ "/a":{"get":{"operationId":"getA","tags":["A"],"responses":{"200":{"description":"ok"}}}} """);
        var newer = Folder("newer", """ "/a":{"get":{"operationId":"getA","tags":["A"],"responses":{"200":{"description":"ok"}}}}, "/b":{"post":{"operationId":"bulkBAsync","tags":["A"],"responses":{"200":{"description":"ok"}}}} """);
        // The newer spec is the older file: a date-based build would never pick it up.
        File.SetLastWriteTimeUtc(Path.Combine(newer, "jira-platform-v3.json"), new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var output = Path.Combine(_directory, "out", "v3.normalized.json");
        var key = Path.ChangeExtension(output, ".key");

        async Task<string> Generate(string specs)
        {
            var console = new StringWriter();
            var (previous, previousError) = (Console.Out, Console.Error);
            Console.SetOut(console);
            Console.SetError(console);
            try
            {
                var entryPoint = typeof(GenerationKey).Assembly.EntryPoint!;
                var result = entryPoint.Invoke(null, [new[] { "--api-version", "v3", "--specs-dir", specs, "--sources", sources,
                    "--patches", Path.Combine(_directory, "no-patches"), "--cache", Path.Combine(_directory, "cache"), "--out", output,
                    "--code-out", Path.Combine(_directory, "out", "JiraApi.v3.g.cs") }]);
                var exit = result is Task<int> running ? await running : (int)result!;
                Assert.That(exit, Is.Zero, console.ToString());
            }
            finally
            {
                Console.SetOut(previous);
                Console.SetError(previousError);
            }
            return console.ToString();
        }

        await Generate(original);
        var firstKey = File.ReadAllText(key);
        var toNewer = await Generate(newer);
        var newerKey = File.ReadAllText(key);
        var back = await Generate(original);
        var again = await Generate(original);

        Assert.That(toNewer, Does.Contain("2 operations").And.Contain("+1 -0").And.Contain("+ bulkBAsync (POST /b)"), "named by the spec's own operationId");
        Assert.That(newerKey, Is.Not.EqualTo(firstKey));
        Assert.That(back, Does.Contain("1 operations").And.Contain("+0 -1").And.Contain("- bulkBAsync (POST /b)"));
        Assert.That(File.ReadAllText(key), Is.EqualTo(firstKey));
        Assert.That(again, Does.Contain("unchanged since the last generation"));
    }

    [Test]
    public void TheReportListsOperationsAddedAndRemovedSinceTheLastGeneration()
    {
        var operationsFile = Path.Combine(_directory, "ops.txt");
        File.WriteAllLines(operationsFile, ["getOld (GET /old)", "getKept (GET /kept)"]);
        var spec = Encoding.UTF8.GetBytes("""{"info":{"version":"2"},"paths":{"/kept":{"get":{"operationId":"getKept"}},"/new":{"get":{"operationId":"getNew"}}}}""");
        var entry = new SpecSourceEntry("jira-platform-v3.json", "https://specs.example/v3.json", "1", "aa", null);

        var report = GenerationReport.Describe(GenerationReport.OperationsOf(spec), "2", 0, new ResolvedSpec("spec.json", spec, "bb", Downloaded: false), entry, operationsFile, changed: true);

        Assert.That(report, Does.Contain("2 operations").And.Contain("+1 -1").And.Contain("+ getNew (GET /new)").And.Contain("- getOld (GET /old)"));
        Assert.That(report, Does.Contain("differs from the snapshot recorded"));
    }

    [Test]
    public void TheContentKeyFollowsContentNotFileDates()
    {
        var template = Path.Combine(_directory, "Client.liquid");
        File.WriteAllText(template, "a");
        var spec = "{}"u8.ToArray();
        string Key() => GenerationKey.Compute([("api", "v3")], spec, [template]);

        var first = Key();
        File.SetLastWriteTimeUtc(template, DateTime.UtcNow.AddDays(1));
        var touched = Key();
        File.WriteAllText(template, "b");
        var edited = Key();

        Assert.That(touched, Is.EqualTo(first));
        Assert.That(edited, Is.Not.EqualTo(first));
        Assert.That(GenerationKey.Compute([("api", "v3")], "{ }"u8.ToArray(), [template]), Is.Not.EqualTo(edited), "the spec's bytes count");
        Assert.That(GenerationKey.Compute([("api", "v2")], spec, [template]), Is.Not.EqualTo(edited), "the API counts");
    }

    [Test]
    public void AFreeFormQueryParameterIsSentPairByPairFromAMap()
    {
        const string code = """foreach (var item_ in @params.AdditionalProperties) { urlBuilder_.Append(x);""";

        Assert.That(CodeFixups.Apply(code), Is.EqualTo("""foreach (var item_ in @params) { urlBuilder_.Append(x);"""));
    }

    [Test]
    public void EnumConverterAttributesAreRemovedFromGeneratedCode()
    {
        const string code = """
                    [System.Text.Json.Serialization.JsonPropertyName("state")]
                    [System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<State>))]
                    public State State { get; set; }
            """;

        Assert.That(CodeFixups.Apply(code), Does.Not.Contain("JsonStringEnumConverter").And.Contain("public State State"));
    }
    [Test]
    public void PerCallCostsOfTheClientTemplateAreTakenOut()
    {
        const string nswag = """
                using (var request_ = new System.Net.Http.HttpRequestMessage())
                {
                        request_.Method = new System.Net.Http.HttpMethod("GET");
                        request_.Headers.Accept.Add(System.Net.Http.Headers.MediaTypeWithQualityHeaderValue.Parse("application/json"));
                        var urlBuilder_ = new System.Text.StringBuilder();
                        // Operation Path: "rest/api/3/issue/{issueIdOrKey}"
                        urlBuilder_.Append("rest/api/3/issue/");
                        var url_ = urlBuilder_.ToString();
                        var other_ = new System.Net.Http.HttpMethod("PATCH");
                        var response_ = await client_.SendAsync(request_, System.Net.Http.HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                        try
                        {
                            var headers_ = new System.Collections.Generic.Dictionary<string, System.Collections.Generic.IEnumerable<string>>();
                            foreach (var item_ in response_.Headers)
                                headers_[item_.Key] = item_.Value;
                            if (response_.Content != null && response_.Content.Headers != null)
                            {
                                foreach (var item_ in response_.Content.Headers)
                                    headers_[item_.Key] = item_.Value;
                            }
                            ProcessResponse(client_, response_);
            """;

        var code = CodeFixups.Apply(nswag);

        Assert.That(CodeFixups.Unapplied(nswag), Has.Exactly(6).Items, "each per-call cost is recognised before the fixups");
        Assert.That(CodeFixups.Unapplied(code), Is.Empty, "and none is left after them");
        var changedNSwag = nswag.Replace("headers_[item_.Key] = item_.Value;", "headers_[item_.Key] =  item_.Value;");
        Assert.That(CodeFixups.Unapplied(CodeFixups.Apply(changedNSwag)), Has.One.Contains("response headers"), "an output the fixup no longer matches is named");
        Assert.That(code, Does.Match(@"var headers_ = new global::JiraSdk\.Http\.ResponseHeaderMap\(response_\);\s*ProcessResponse\(client_, response_\);"));
        Assert.That(code, Does.Not.Contain("foreach (var item_ in response_"));
        Assert.That(code, Does.Contain("request_.Method = System.Net.Http.HttpMethod.Get;"));
        Assert.That(code, Does.Contain("new System.Net.Http.HttpMethod(\"PATCH\")"), "netstandard2.0 has no HttpMethod.Patch");
        Assert.That(code, Does.Contain("request_.Headers.TryAddWithoutValidation(\"Accept\", \"application/json\");"));
        Assert.That(code, Does.Match(@"var urlBuilder_ = global::JiraSdk\.Http\.RequestUrlBuilder\.Acquire\(95\);\s*// Operation Path: ""rest/api/3/issue/\{issueIdOrKey\}"""));
        Assert.That(code, Does.Contain("var url_ = global::JiraSdk.Http.RequestUrlBuilder.ToStringAndRelease(urlBuilder_);"));
        Assert.That(code, Does.Contain("using (var request_ = new global::JiraSdk.Http.JiraRequestMessage())"));
    }

    [Test]
    public void EachOperationBecomesATaskOverAPooledValueTask()
    {
        const string nswag = """
                /// <summary>Get issue</summary>
                public virtual async System.Threading.Tasks.Task<System.Collections.Generic.ICollection<Foo<Bar, Baz>>> GetThingsAsync(string @params, System.Collections.Generic.IDictionary<string, object>? map = null, string? expand = "a,b<c", System.Threading.CancellationToken cancellationToken = default(System.Threading.CancellationToken))
                {
                    return await Other(@params, map).ConfigureAwait(false);
                }

                public virtual async System.Threading.Tasks.Task DeleteThingAsync(int id)
                {
                    await Delete(id).ConfigureAwait(false);
                }

                public virtual System.Threading.Tasks.Task<Foo> NotAsyncAsync(int id) => Other(id);
            """;

        var code = CodeFixups.Apply(nswag);

        Assert.That(CodeFixups.Unapplied(nswag), Has.One.Contains("async state"), "a per-call state machine is recognised");
        Assert.That(CodeFixups.Unapplied(code), Is.Empty);
        Assert.That(code, Does.Contain(
            "public virtual System.Threading.Tasks.Task<System.Collections.Generic.ICollection<Foo<Bar, Baz>>> GetThingsAsync(string @params, System.Collections.Generic.IDictionary<string, object>? map = null, string? expand = \"a,b<c\", System.Threading.CancellationToken cancellationToken = default(System.Threading.CancellationToken)) =>"
            + "\n        GetThingsAsyncCore(@params, map, expand, cancellationToken).AsTask();"), "the public signature, defaults included, forwards every argument");
        Assert.That(code, Does.Contain(
            "[System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(global::JiraSdk.Http.PooledValueTaskMethodBuilder<>))]\n#endif\n"
            + "    private async System.Threading.Tasks.ValueTask<System.Collections.Generic.ICollection<Foo<Bar, Baz>>> GetThingsAsyncCore(string @params, System.Collections.Generic.IDictionary<string, object>? map, string? expand, System.Threading.CancellationToken cancellationToken)\n"
            + "    {\n        return await Other(@params, map).ConfigureAwait(false);"), "the body stays NSwag's, in a pooled ValueTask method");
        Assert.That(code, Does.Contain("public virtual System.Threading.Tasks.Task DeleteThingAsync(int id) =>\n        DeleteThingAsyncCore(id).AsTask();"));
        Assert.That(code, Does.Contain("(typeof(global::JiraSdk.Http.PooledValueTaskMethodBuilder))]\n#endif\n    private async System.Threading.Tasks.ValueTask DeleteThingAsyncCore(int id)"));
        Assert.That(code, Does.Contain("public virtual System.Threading.Tasks.Task<Foo> NotAsyncAsync(int id) => Other(id);"), "a method that is not async is left alone");
    }

    [TestCase("", new string[0])]
    [TestCase("int a", new[] { "int a" })]
    [TestCase("System.Collections.Generic.IDictionary<string, int> a, string b = \"x, y\", int c = default(int)",
        new[] { "System.Collections.Generic.IDictionary<string, int> a", "string b = \"x, y\"", "int c = default(int)" })]
    [TestCase("string a = \"quote \\\" , inside\", int b", new[] { "string a = \"quote \\\" , inside\"", "int b" })]
    [TestCase("string a = \"ends in a backslash \\\\\", int b", new[] { "string a = \"ends in a backslash \\\\\"", "int b" })]
    public void ParameterListsSplitAtTopLevelCommasOnly(string parameters, string[] expected)
    {
        Assert.That(CodeFixups.SplitParameters(parameters), Is.EqualTo(expected));
    }
}
