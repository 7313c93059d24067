using System.Runtime.CompilerServices;
using JiraSdk.Errors;

namespace JiraSdk.Paging;

/// <summary>
/// Turns a paged Jira operation into an <see cref="IAsyncEnumerable{T}"/> that fetches one page at a time, only when the
/// previous page has been consumed. At most one page is held; cancelling the enumeration stops before the next fetch.
/// Each page's item enumerator is disposed when the page is done or the enumeration stops early.
/// </summary>
/// <example>
/// <code>
/// var projects = JiraPages.ByOffset((startAt, max, ct) => FetchProjectsAsync(startAt, max, ct),
///     page => new OffsetPage&lt;Project&gt;(page.Values, page.StartAt, page.Total, page.IsLast));
/// await foreach (var project in projects) { ... }
/// </code>
/// </example>
public static class JiraPages
{
    /// <summary>The page size used when none is given; most Jira list operations allow 50.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>Enumerates an offset-paged list whose fetch already returns <see cref="OffsetPage{T}"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="fetchPage">Fetches the page starting at the given index with at most the given number of items.</param>
    /// <param name="pageSize">The <c>maxResults</c> asked for; Jira may return fewer.</param>
    /// <param name="startAt">The index to start from.</param>
    /// <param name="cancellationToken">Stops the enumeration; <c>WithCancellation</c> on the result works as well.</param>
    public static IAsyncEnumerable<T> ByOffset<T>(Func<long, int, CancellationToken, Task<OffsetPage<T>>> fetchPage, int pageSize = DefaultPageSize, long startAt = 0, CancellationToken cancellationToken = default) =>
        ByOffset(fetchPage, page => page, pageSize, startAt, cancellationToken);

    /// <summary>Enumerates an offset-paged list, reading each page's position with <paramref name="describe"/>.</summary>
    /// <typeparam name="TPage">The page type the operation returns (e.g. a generated <c>PageBean…</c>).</typeparam>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="fetchPage">Fetches the page starting at the given index with at most the given number of items.</param>
    /// <param name="describe">Reads items, <c>startAt</c>, <c>total</c> and <c>isLast</c> from a page.</param>
    /// <param name="pageSize">The <c>maxResults</c> asked for; Jira may return fewer.</param>
    /// <param name="startAt">The index to start from.</param>
    /// <param name="cancellationToken">Stops the enumeration; <c>WithCancellation</c> on the result works as well.</param>
    /// <remarks>
    /// Stops after a page with <c>isLast</c>, when <c>total</c> is reached, or after an empty page. When Jira reports
    /// neither <c>isLast</c> nor <c>total</c>, one more (empty) page is fetched to learn that the list ended.
    /// </remarks>
    public static IAsyncEnumerable<T> ByOffset<TPage, T>(Func<long, int, CancellationToken, Task<TPage>> fetchPage, Func<TPage, OffsetPage<T>> describe, int pageSize = DefaultPageSize, long startAt = 0, CancellationToken cancellationToken = default)
    {
        if (fetchPage is null) throw new ArgumentNullException(nameof(fetchPage));
        if (describe is null) throw new ArgumentNullException(nameof(describe));
        if (pageSize < 1) throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "A page holds at least one item.");
        if (startAt < 0) throw new ArgumentOutOfRangeException(nameof(startAt), startAt, "Must not be negative.");
        return EnumerateByOffset(fetchPage, describe, pageSize, startAt, cancellationToken);
    }

    /// <summary>Enumerates a token-paged list whose fetch already returns <see cref="TokenPage{T}"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="fetchPage">Fetches the page for the given token (<c>null</c> for the first) with at most the given number of items.</param>
    /// <param name="pageSize">The <c>maxResults</c> asked for; Jira may return fewer.</param>
    /// <param name="cancellationToken">Stops the enumeration; <c>WithCancellation</c> on the result works as well.</param>
    public static IAsyncEnumerable<T> ByToken<T>(Func<string?, int, CancellationToken, Task<TokenPage<T>>> fetchPage, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default) =>
        ByToken(fetchPage, page => page, pageSize, cancellationToken);

    /// <summary>Enumerates a token-paged list, reading each page's items and next token with <paramref name="describe"/>.</summary>
    /// <typeparam name="TPage">The page type the operation returns.</typeparam>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="fetchPage">Fetches the page for the given token (<c>null</c> for the first) with at most the given number of items.</param>
    /// <param name="describe">Reads items, <c>nextPageToken</c> and <c>isLast</c> from a page.</param>
    /// <param name="pageSize">The <c>maxResults</c> asked for.</param>
    /// <param name="cancellationToken">Stops the enumeration; <c>WithCancellation</c> on the result works as well.</param>
    /// <remarks>Stops after a page with <c>isLast</c> or without a next token.</remarks>
    /// <exception cref="JiraPagingException">Jira answered a page with the token that fetched it, which would loop for ever.</exception>
    public static IAsyncEnumerable<T> ByToken<TPage, T>(Func<string?, int, CancellationToken, Task<TPage>> fetchPage, Func<TPage, TokenPage<T>> describe, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        if (fetchPage is null) throw new ArgumentNullException(nameof(fetchPage));
        if (describe is null) throw new ArgumentNullException(nameof(describe));
        if (pageSize < 1) throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "A page holds at least one item.");
        return EnumerateByToken(fetchPage, describe, pageSize, cancellationToken);
    }

    private static async IAsyncEnumerable<T> EnumerateByOffset<TPage, T>(Func<long, int, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, OffsetPage<T>> describe, int pageSize, long startAt, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var next = startAt;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = describe(await fetchPage(next, pageSize, cancellationToken).ConfigureAwait(false));
            var first = page.StartAt ?? next;
            long count = 0;
            // An explicit enumerator, so it can be let go: a foreach's hidden one would keep the page alive.
            var items = page.Items?.GetEnumerator();
            try
            {
                while (items is not null && items.MoveNext())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    count++;
                    yield return items.Current;
                }
            }
            finally
            {
                items?.Dispose(); // also when the caller stops early, so a page holding pooled memory can return it
            }
            items = null;
            var isLast = page.IsLast;
            var total = page.Total;
            page = default; // hold no page while the next one loads

            next = first + count;
            if (count == 0 || isLast == true || (total is { } known && next >= known)) yield break;
        }
    }

    private static async IAsyncEnumerable<T> EnumerateByToken<TPage, T>(Func<string?, int, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, TokenPage<T>> describe, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? token = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = describe(await fetchPage(token, pageSize, cancellationToken).ConfigureAwait(false));
            var items = page.Items?.GetEnumerator();
            try
            {
                while (items is not null && items.MoveNext())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return items.Current;
                }
            }
            finally
            {
                items?.Dispose();
            }
            items = null;
            var isLast = page.IsLast;
            var previous = token;
            token = page.NextPageToken;
            page = default; // hold no page while the next one loads

            if (isLast == true || string.IsNullOrEmpty(token)) yield break;
            if (token == previous)
                throw new JiraPagingException("Jira returned a page token it had returned before; stopping instead of looping.");
        }
    }
}
