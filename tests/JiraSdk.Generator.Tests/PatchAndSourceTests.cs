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

        var path = await source.ResolveAsync(entry, Path.Combine(_directory, "absent"), Path.Combine(_directory, "cache"), CancellationToken.None);
        var again = await source.ResolveAsync(entry, Path.Combine(_directory, "absent"), Path.Combine(_directory, "cache"), CancellationToken.None);

        Assert.That(File.ReadAllBytes(path), Is.EqualTo(bytes));
        Assert.That(again, Is.EqualTo(path));
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public void ADownloadWithAnotherHashFailsNamingBothWaysToProvideTheSpec()
    {
        var entry = new SpecSourceEntry("jira-platform-v3.json", "https://specs.example/v3.json", "1", new string('0', 64), null);
        using var mock = new MockHttpMessageHandler();
        mock.When("https://specs.example/v3.json").Respond("application/json", "{}");

        var error = Assert.ThrowsAsync<GeneratorException>(() =>
            new SpecSource(new HttpClient(mock)).ResolveAsync(entry, _directory, Path.Combine(_directory, "cache"), CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("JiraSpecsDir").And.Contain("https://specs.example/v3.json").And.Contain("sha256"));
    }

    [Test]
    public void TheReportListsOperationsAddedAndRemovedSinceTheLastGeneration()
    {
        var operationsFile = Path.Combine(_directory, "ops.txt");
        File.WriteAllLines(operationsFile, ["getOld (GET /old)", "getKept (GET /kept)"]);
        var document = Spec.Parse("""{"info":{"version":"2"},"paths":{"/kept":{"get":{"operationId":"getKept"}},"/new":{"get":{"operationId":"getNew"}}}}""");
        var entry = new SpecSourceEntry("jira-platform-v3.json", "https://specs.example/v3.json", "1", "aa", null);

        var report = GenerationReport.Describe(document, entry, "spec.json", "bb", operationsFile, changed: true);

        Assert.That(report, Does.Contain("2 operations").And.Contain("+1 -1").And.Contain("+ getNew (GET /new)").And.Contain("- getOld (GET /old)"));
        Assert.That(report, Does.Contain("differs from the snapshot recorded"));
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
}
