using JiraSdk.Paging;

namespace JiraSdk.Tests.Paging;

/// <summary>One pageable for every paged list: items, pages, and resuming from a page's continuation token.</summary>
public class JiraAsyncPageableTests
{
    private static JiraAsyncPageable<int> Offsets(int total, List<(long StartAt, int Max)> calls, int pageSize = 3) =>
        JiraPages.ByOffset<int>((startAt, max, _) =>
        {
            calls.Add((startAt, max));
            var items = Enumerable.Range((int)startAt, (int)Math.Max(0, Math.Min(max, total - startAt))).ToList();
            return Task.FromResult(new OffsetPage<int>(items, startAt, total));
        }, pageSize);

    private static JiraAsyncPageable<string> Tokens(List<string?> calls) =>
        JiraPages.ByToken<string>((token, _, _) =>
        {
            calls.Add(token);
            return Task.FromResult(token switch
            {
                null => new TokenPage<string>(["a", "b"], "t2"),
                "t2" => new TokenPage<string>([], "t3"),
                "t3" => new TokenPage<string>(["c"], null),
                _ => throw new InvalidOperationException(token),
            });
        });

    private static async Task<List<JiraPage<T>>> PagesAsync<T>(IAsyncEnumerable<JiraPage<T>> pages)
    {
        var list = new List<JiraPage<T>>();
        await foreach (var page in pages) list.Add(page);
        return list;
    }

    [Test]
    public async Task OffsetPagesCarryTheNextStartAtAndTheLastCarriesNone()
    {
        var pages = await PagesAsync(Offsets(7, []).AsPages());

        Assert.That(pages.Select(p => p.Values), Is.EqualTo(new[] { new[] { 0, 1, 2 }, new[] { 3, 4, 5 }, new[] { 6 } }));
        Assert.That(pages.Select(p => p.ContinuationToken), Is.EqualTo(new[] { "3", "6", null }));
    }

    [Test]
    public async Task AnOffsetListResumesFromAContinuationTokenWithAnotherPageSize()
    {
        var calls = new List<(long, int)>();

        var pages = await PagesAsync(Offsets(7, calls).AsPages("3", pageSizeHint: 2));

        Assert.That(pages.SelectMany(p => p.Values), Is.EqualTo(new[] { 3, 4, 5, 6 }));
        Assert.That(calls, Is.EqualTo(new[] { (3L, 2), (5L, 2) }));
    }

    [Test]
    public async Task TokenPagesCarryJirasNextPageTokenAndResumeFromIt()
    {
        var calls = new List<string?>();
        var pageable = Tokens(calls);

        var all = await PagesAsync(pageable.AsPages());
        var resumed = await PagesAsync(pageable.AsPages(all[0].ContinuationToken));

        Assert.That(all.Select(p => p.ContinuationToken), Is.EqualTo(new[] { "t2", "t3", null }));
        Assert.That(all[1].Values, Is.Empty, "an empty page with a next token is followed, not the end");
        Assert.That(resumed.SelectMany(p => p.Values), Is.EqualTo(new[] { "c" }));
        Assert.That(calls, Is.EqualTo(new string?[] { null, "t2", "t3", "t2", "t3" }));
    }

    [Test]
    public async Task AwaitForeachYieldsTheItemsOfEveryPage()
    {
        var items = new List<string>();
        await foreach (var item in Tokens([])) items.Add(item);

        Assert.That(items, Is.EqualTo(new[] { "a", "b", "c" }));
    }

    [Test]
    public void ATokenThatIsNotAnOffsetIsRejectedBeforeAnythingIsSent()
    {
        var calls = new List<(long, int)>();

        Assert.ThrowsAsync<ArgumentException>(() => PagesAsync(Offsets(7, calls).AsPages("next")));
        Assert.That(calls, Is.Empty);
    }

    [Test]
    public void APageSizeHintBelowOneIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Offsets(7, []).AsPages(pageSizeHint: 0));
    }

    [Test]
    public async Task ThePageablesOwnCancellationStopsTheEnumeration()
    {
        using var cancel = new CancellationTokenSource();
        var calls = 0;
        var pageable = JiraPages.ByToken<int>((token, _, _) =>
        {
            calls++;
            return Task.FromResult(new TokenPage<int>([1, 2], (calls + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }, cancellationToken: cancel.Token);

        Assert.That(async () =>
        {
            await foreach (var _ in pageable) cancel.Cancel();
        }, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(calls, Is.EqualTo(1));
        await Task.CompletedTask;
    }
}
