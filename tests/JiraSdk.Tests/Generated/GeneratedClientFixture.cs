using JiraSdk.V3;
using RichardSzalay.MockHttp;

namespace JiraSdk.Tests.Generated;

/// <summary>A v3 API over a MockHttp handler, fresh for every test.</summary>
public abstract class GeneratedClientFixture
{
    protected const string Site = "https://example.atlassian.net/";

    protected MockHttpMessageHandler Mock { get; private set; } = null!;
    protected HttpClient Http { get; private set; } = null!;
    protected JiraApiV3 Api { get; private set; } = null!;

    [SetUp]
    public void CreateApi()
    {
        Mock = new MockHttpMessageHandler();
        Http = new HttpClient(Mock) { BaseAddress = new Uri(Site) };
        Api = new JiraApiV3(Http);
    }

    [TearDown]
    public void DisposeApi()
    {
        Http.Dispose();
        Mock.Dispose();
    }
}
