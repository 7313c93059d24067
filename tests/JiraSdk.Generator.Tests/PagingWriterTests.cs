namespace JiraSdk.Generator.Tests;

public class PagingWriterTests
{
    // NSwag's shapes, trimmed: one line per interface method and per property, as NSwag writes them.
    private const string Generated = """
        namespace JiraSdk.V3
        {
            public partial interface IThingsClient
            {
                System.Threading.Tasks.Task<PageBeanThing> SearchThingsAsync(long? startAt = null, int? maxResults = null, string? expand = "a,b", System.Collections.Generic.IDictionary<string, int>? filter = null, System.Threading.CancellationToken cancellationToken = default(System.Threading.CancellationToken));
                System.Threading.Tasks.Task<System.Collections.Generic.ICollection<Thing>> GetAllThingsAsync(int? startAt = null, int? maxResults = null, System.Threading.CancellationToken cancellationToken = default(System.Threading.CancellationToken));
                System.Threading.Tasks.Task<ThingUsages> GetThingUsagesAsync(string thingId, string? nextPageToken = null, int? maxResults = null, System.Threading.CancellationToken cancellationToken = default(System.Threading.CancellationToken));
                /// <summary>Deprecated, use SearchThings.</summary>
                [System.Obsolete]
                System.Threading.Tasks.Task<PageBeanThing> GetThingsAsync(string? startAt = null, string? maxResults = null, System.Threading.CancellationToken cancellationToken = default(System.Threading.CancellationToken));
                System.Threading.Tasks.Task<PageBeanThing> ListThingsAsync(long? startAt = null, System.Threading.CancellationToken cancellationToken = default(System.Threading.CancellationToken));
                System.Threading.Tasks.Task GetThingTabsAsync(long? startAt = null, int? maxResults = null, System.Threading.CancellationToken cancellationToken = default(System.Threading.CancellationToken));
                System.Threading.Tasks.Task<Thing> GetThingAsync(string id, System.Threading.CancellationToken cancellationToken = default(System.Threading.CancellationToken));
            }

            public partial class ThingsClient : IThingsClient
            {
                public virtual async System.Threading.Tasks.Task<PageBeanThing> SearchThingsAsync(long? startAt = null, int? maxResults = null, System.Threading.CancellationToken cancellationToken = default(System.Threading.CancellationToken))
            }

            public partial class PageBeanThing
            {
                public bool? IsLast { get; set; } = default!;
                public long? StartAt { get; set; } = default!;
                public long? Total { get; set; } = default!;
                public System.Collections.Generic.ICollection<Thing>? Values { get; set; } = default!;
                public System.Collections.Generic.ICollection<string>? WarningMessages { get; set; } = default!;
            }

            public partial class ThingUsages
            {
                public ThingUsagePage? Projects { get; set; } = default!;
            }

            public partial class ThingUsagePage
            {
                public string? NextPageToken { get; set; } = default!;
                public System.Collections.Generic.ICollection<ThingUsage>? Values { get; set; } = default!;
            }
        }
        """;

    [Test]
    public void EachPagingShapeGetsAnEnumerationAndTheRestAreReportedWithAReason()
    {
        var result = PagingWriter.Write(Generated);

        Assert.That(result.Written, Is.EqualTo(new[]
        {
            "IThingsClient.EnumerateSearchThingsAsync",
            "IThingsClient.EnumerateAllThingsAsync",
            "IThingsClient.EnumerateThingUsagesAsync",
            "IThingsClient.EnumerateThingsAsync",
        }));
        Assert.That(result.Skipped, Is.EqualTo(new[]
        {
            "IThingsClient.ListThingsAsync: has startAt but no maxResults",
            "IThingsClient.GetThingTabsAsync: its response has no body",
        }));
        Assert.That(result.Code, Does.Contain("public static class ThingsClientPaging"));
    }

    [Test]
    public void TheEnumerationKeepsTheOperationsParametersAndReadsEachPageShape()
    {
        var code = PagingWriter.Write(Generated).Code;

        Assert.That(code, Does.Contain("EnumerateSearchThingsAsync(this IThingsClient client, string? expand = \"a,b\", System.Collections.Generic.IDictionary<string, int>? filter = null, int pageSize ="));
        Assert.That(code, Does.Contain("client.SearchThingsAsync(expand: expand, filter: filter, startAt: position_, maxResults: size_, cancellationToken: ct_)"));
        Assert.That(code, Does.Contain("new global::JiraSdk.Paging.OffsetPage<Thing>(page_.Values, page_.StartAt, page_.Total, page_.IsLast)"));
        Assert.That(code, Does.Contain("client.GetAllThingsAsync(startAt: checked((int)position_), maxResults: size_, cancellationToken: ct_)"));
        Assert.That(code, Does.Contain("new global::JiraSdk.Paging.OffsetPage<Thing>(page_)"));
        Assert.That(code, Does.Contain("new global::JiraSdk.Paging.TokenPage<ThingUsage>(page_.Projects?.Values, page_.Projects?.NextPageToken, null)"));
        Assert.That(code, Does.Match(@"\[global::System\.Obsolete\([^)]*\)\]\s+public static [^(]+ EnumerateThingsAsync\("), "a deprecated operation's twin is deprecated too");
        Assert.That(code, Does.Not.Match(@"\[global::System\.Obsolete\([^)]*\)\]\s+public static [^(]+ EnumerateThingUsagesAsync\("));
        Assert.That(code, Does.Contain("startAt: position_.ToString(global::System.Globalization.CultureInfo.InvariantCulture), maxResults: size_.ToString(global::System.Globalization.CultureInfo.InvariantCulture)"));
    }

    [TestCase("GetComments", "Comments")]
    [TestCase("SearchProjects", "SearchProjects")]
    [TestCase("Getaway", "Getaway")]
    public void ALeadingGetGivesWayToEnumerate(string operation, string expected) =>
        Assert.That(PagingWriter.EnumerationName(operation), Is.EqualTo(expected));

    [Test]
    public void ParametersSplitOnlyAtTopLevelCommas()
    {
        var parameters = PagingWriter.SplitParameterList(
            "System.Collections.Generic.IDictionary<string, int>? a = null, string b = \"x, \\\"y\\\"\", System.Threading.CancellationToken c = default(System.Threading.CancellationToken)");

        Assert.That(parameters.Select(p => p.Name), Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(parameters[0].Type, Is.EqualTo("System.Collections.Generic.IDictionary<string, int>?"));
        Assert.That(parameters[1].Default, Is.EqualTo("\"x, \\\"y\\\"\""));
        Assert.That(parameters[2].Default, Is.EqualTo("default(System.Threading.CancellationToken)"));
    }
}
