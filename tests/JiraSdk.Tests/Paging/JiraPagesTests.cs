using JiraSdk.Errors;
using JiraSdk.Paging;

namespace JiraSdk.Tests.Paging;

public class JiraPagesTests
{
    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items, CancellationToken cancellationToken = default)
    {
        var list = new List<T>();
        await foreach (var item in items.WithCancellation(cancellationToken)) list.Add(item);
        return list;
    }

    /// <summary>An offset-paged list of <paramref name="total"/> numbers, reporting what Jira reports.</summary>
    private static Func<long, int, CancellationToken, Task<OffsetPage<int>>> OffsetList(int total, List<(long StartAt, int Max)> calls, bool reportTotal, bool reportIsLast) =>
        (startAt, max, _) =>
        {
            calls.Add((startAt, max));
            var items = Enumerable.Range((int)startAt, (int)Math.Max(0, Math.Min(max, total - startAt))).ToList();
            return Task.FromResult(new OffsetPage<int>(items, startAt,
                reportTotal ? total : null,
                reportIsLast ? startAt + items.Count >= total : null));
        };

    [Test]
    public async Task WalksOffsetPagesUntilIsLast()
    {
        var calls = new List<(long, int)>();

        var items = await ToListAsync(JiraPages.ByOffset(OffsetList(7, calls, reportTotal: false, reportIsLast: true), pageSize: 3));

        Assert.That(items, Is.EqualTo(Enumerable.Range(0, 7)));
        Assert.That(calls, Is.EqualTo(new[] { (0L, 3), (3L, 3), (6L, 3) }));
    }

    [Test]
    public async Task ALastPageExactlyOnTheBoundaryStopsByTotalWithoutAnExtraCall()
    {
        var calls = new List<(long, int)>();

        var items = await ToListAsync(JiraPages.ByOffset(OffsetList(9, calls, reportTotal: true, reportIsLast: false), pageSize: 3));

        Assert.That(items, Is.EqualTo(Enumerable.Range(0, 9)));
        Assert.That(calls, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task WithoutTotalOrIsLastAnEmptyPageEndsTheList()
    {
        var calls = new List<(long, int)>();

        var items = await ToListAsync(JiraPages.ByOffset(OffsetList(9, calls, reportTotal: false, reportIsLast: false), pageSize: 3));

        Assert.That(items, Is.EqualTo(Enumerable.Range(0, 9)));
        Assert.That(calls.Select(c => c.Item1), Is.EqualTo(new[] { 0L, 3L, 6L, 9L }));
    }

    [Test]
    public async Task AnEmptyListYieldsNothingAfterOneCall()
    {
        var calls = new List<(long, int)>();

        var items = await ToListAsync(JiraPages.ByOffset(OffsetList(0, calls, reportTotal: true, reportIsLast: true)));

        Assert.That(items, Is.Empty);
        Assert.That(calls, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AdvancesByWhatJiraReturnedWhenItCapsThePageSize()
    {
        var calls = new List<long>();
        var pages = JiraPages.ByOffset<int>((startAt, max, _) =>
        {
            calls.Add(startAt);
            var items = Enumerable.Range((int)startAt, (int)Math.Min(2, 5 - startAt)).ToList(); // Jira allows only 2
            return Task.FromResult(new OffsetPage<int>(items, startAt, total: 5));
        }, pageSize: 100);

        Assert.That(await ToListAsync(pages), Is.EqualTo(Enumerable.Range(0, 5)));
        Assert.That(calls, Is.EqualTo(new[] { 0L, 2L, 4L }));
    }

    [Test]
    public async Task AdaptsGeneratedPageTypes()
    {
        var pages = JiraPages.ByOffset((startAt, max, _) => Task.FromResult(new FakePageBean
        {
            StartAt = startAt, MaxResults = max, Total = 4, IsLast = startAt + max >= 4,
            Values = Enumerable.Range((int)startAt, (int)Math.Min(max, 4 - startAt)).Select(i => "p" + i).ToList(),
        }), page => new OffsetPage<string>(page.Values, page.StartAt, page.Total, page.IsLast), pageSize: 2);

        Assert.That(await ToListAsync(pages), Is.EqualTo(new[] { "p0", "p1", "p2", "p3" }));
    }

    private sealed class FakePageBean
    {
        public long? StartAt { get; set; }
        public int? MaxResults { get; set; }
        public long? Total { get; set; }
        public bool? IsLast { get; set; }
        public ICollection<string>? Values { get; set; }
    }

    [Test]
    public async Task WalksTokenPagesIncludingAnEmptyPageInTheMiddle()
    {
        var tokens = new List<string?>();
        var script = new Dictionary<string, TokenPage<int>>
        {
            [""] = new([1, 2], "t1"),
            ["t1"] = new([], "t2"),
            ["t2"] = new([3, 4], "t3"),
            ["t3"] = new([5], null, isLast: true),
        };

        var items = await ToListAsync(JiraPages.ByToken<int>((token, _, _) =>
        {
            tokens.Add(token);
            return Task.FromResult(script[token ?? ""]);
        }, pageSize: 2));

        Assert.That(items, Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
        Assert.That(tokens, Is.EqualTo(new[] { null, "t1", "t2", "t3" }));
    }

    [Test]
    public async Task IsLastEndsTokenPagingEvenWhenATokenIsPresent()
    {
        var calls = 0;

        var items = await ToListAsync(JiraPages.ByToken<int>((_, _, _) =>
        {
            calls++;
            return Task.FromResult(new TokenPage<int>([1], "ignored", isLast: true));
        }));

        Assert.That(items, Is.EqualTo(new[] { 1 }));
        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public void ARepeatedTokenIsAnErrorNotAnEndlessLoop()
    {
        var pages = JiraPages.ByToken<int>((_, _, _) => Task.FromResult(new TokenPage<int>([1], "same")));

        Assert.ThrowsAsync<JiraPagingException>(() => ToListAsync(pages));
    }

    [Test]
    public async Task CancellingMidStreamStopsWithoutFetchingAnotherPage()
    {
        var calls = 0;
        using var cancel = new CancellationTokenSource();
        var pages = JiraPages.ByToken<int>((token, _, ct) =>
        {
            calls++;
            ct.ThrowIfCancellationRequested();
            var n = token is null ? 0 : int.Parse(token);
            return Task.FromResult(new TokenPage<int>([n * 2, n * 2 + 1], (n + 1).ToString()));
        }, pageSize: 2);

        var seen = new List<int>();
        Assert.That(async () =>
        {
            await foreach (var item in pages.WithCancellation(cancel.Token))
            {
                seen.Add(item);
                if (item == 2) cancel.Cancel(); // first item of the second page
            }
        }, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(seen, Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(calls, Is.EqualTo(2));
        await Task.CompletedTask;
    }

    [Test]
    public async Task FetchesOnlyWhenThePreviousPageIsConsumed()
    {
        var calls = 0;
        var pages = JiraPages.ByOffset<int>((startAt, max, _) =>
        {
            calls++;
            return Task.FromResult(new OffsetPage<int>(Enumerable.Range((int)startAt, max).ToList(), startAt, total: 30));
        }, pageSize: 10);

        await using var enumerator = pages.GetAsyncEnumerator();
        for (var i = 0; i < 10; i++) await enumerator.MoveNextAsync();
        Assert.That(calls, Is.EqualTo(1));
        await enumerator.MoveNextAsync();
        Assert.That(calls, Is.EqualTo(2));
    }

    [Test]
    public void RejectsANonPositivePageSize()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JiraPages.ByOffset<int>((_, _, _) => Task.FromResult(default(OffsetPage<int>)), pageSize: 0));
    }
}
