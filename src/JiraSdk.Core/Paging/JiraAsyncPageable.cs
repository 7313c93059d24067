
namespace JiraSdk.Paging;

/// <summary>
/// A list Jira returns one page at a time: every generated <c>Enumerate…Async</c> twin and <c>SearchIssuesAsync</c> return
/// one. <c>await foreach</c> over it yields the items, fetching each page only when the previous one has been consumed;
/// <see cref="AsPages"/> yields the pages themselves, each with the token to resume from. Modelled on Azure's
/// <c>AsyncPageable&lt;T&gt;</c>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <example>
/// <code>
/// await foreach (var project in jira.V3.Projects.EnumerateSearchProjectsAsync(query: "docs")) Console.WriteLine(project.Key);
///
/// string? resumeFrom = null;
/// await foreach (var page in jira.V3.SearchIssuesAsync("project = DOCS").AsPages(resumeFrom, pageSizeHint: 100))
/// {
///     Handle(page.Values);
///     resumeFrom = page.ContinuationToken; // store it; AsPages(resumeFrom) continues after this page
/// }
/// </code>
/// </example>
public sealed class JiraAsyncPageable<T> : IAsyncEnumerable<T>
{
    private readonly Func<string?, int, CancellationToken, IAsyncEnumerable<JiraPage<T>>> _pages;
    private readonly int _pageSize;
    private readonly CancellationToken _cancellationToken;

    internal JiraAsyncPageable(Func<string?, int, CancellationToken, IAsyncEnumerable<JiraPage<T>>> pages, int pageSize, CancellationToken cancellationToken)
    {
        _pages = pages;
        _pageSize = pageSize;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// The pages, from the one <paramref name="continuationToken"/> names (the <see cref="JiraPage{T}.ContinuationToken"/> of
    /// an earlier page) or from the start. Each page is fetched when the previous one has been consumed.
    /// </summary>
    /// <param name="continuationToken">Where to resume; <c>null</c> starts at the beginning.</param>
    /// <param name="pageSizeHint">The <c>maxResults</c> to ask for (Jira may cap it lower); by default the size the pageable was made with.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSizeHint"/> is less than 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="continuationToken"/> is not one this list produces.</exception>
    public IAsyncEnumerable<JiraPage<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        if (pageSizeHint is < 1) throw new ArgumentOutOfRangeException(nameof(pageSizeHint), pageSizeHint, "A page holds at least one item.");
        return _pages(continuationToken, pageSizeHint ?? _pageSize, _cancellationToken);
    }

    /// <summary>Enumerates every item, one page in memory at a time.</summary>
    /// <param name="cancellationToken">Stops the enumeration (as does the token the pageable was made with).</param>
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var value in page.Values)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _cancellationToken.ThrowIfCancellationRequested();
                yield return value;
            }
        }
    }
}

/// <summary>One page of a <see cref="JiraAsyncPageable{T}"/>.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class JiraPage<T>
{
    /// <summary>Describes a page.</summary>
    /// <param name="values">The items on the page.</param>
    /// <param name="continuationToken">Resumes after this page; <c>null</c> on the last page.</param>
    public JiraPage(IReadOnlyList<T> values, string? continuationToken)
    {
        Values = values ?? throw new ArgumentNullException(nameof(values));
        ContinuationToken = continuationToken;
    }

    /// <summary>The items on the page (possibly none: Jira may answer an empty page before the list ends).</summary>
    public IReadOnlyList<T> Values { get; }

    /// <summary>
    /// Pass it to <see cref="JiraAsyncPageable{T}.AsPages"/> to continue after this page; <c>null</c> when this is the last
    /// page. For offset paging it is the next <c>startAt</c>, for token paging Jira's <c>nextPageToken</c>.
    /// </summary>
    public string? ContinuationToken { get; }
}
