using System.Globalization;
using System.Runtime.CompilerServices;
using JiraSdk.Errors;

namespace JiraSdk.Paging;

/// <summary>
/// The one paging engine: turns a paged Jira operation into a <see cref="JiraAsyncPageable{T}"/> that fetches one page at a
/// time, only when the previous page has been consumed. Offset pages (<c>startAt</c>, <c>maxResults</c>, <c>total</c>,
/// <c>isLast</c>; a bare list ends on an empty page), token pages (<c>nextPageToken</c>, <c>isLast</c>) and pages nested in
/// a response (read by the <c>describe</c> function) all go through it. Each page's items are read once, when the page
/// arrives (its item enumerator is disposed then, so a page holding pooled memory returns it), and no page is held while
/// the next one loads. Cancelling stops before the next fetch.
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

    /// <summary>Pages an offset-paged list whose fetch already returns <see cref="OffsetPage{T}"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="fetchPage">Fetches the page starting at the given index with at most the given number of items.</param>
    /// <param name="pageSize">The <c>maxResults</c> asked for; Jira may return fewer.</param>
    /// <param name="startAt">The index to start from when no continuation token is given.</param>
    /// <param name="cancellationToken">Stops the enumeration; <c>WithCancellation</c> on the result works as well.</param>
    public static JiraAsyncPageable<T> ByOffset<T>(Func<long, int, CancellationToken, Task<OffsetPage<T>>> fetchPage, int pageSize = DefaultPageSize, long startAt = 0, CancellationToken cancellationToken = default) =>
        ByOffset(fetchPage, page => page, pageSize, startAt, cancellationToken);

    /// <summary>Pages an offset-paged list, reading each page's position with <paramref name="describe"/>.</summary>
    /// <typeparam name="TPage">The page type the operation returns (e.g. a generated <c>PageBean…</c>).</typeparam>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="fetchPage">Fetches the page starting at the given index with at most the given number of items.</param>
    /// <param name="describe">Reads items, <c>startAt</c>, <c>total</c> and <c>isLast</c> from a page.</param>
    /// <param name="pageSize">The <c>maxResults</c> asked for; Jira may return fewer.</param>
    /// <param name="startAt">The index to start from when no continuation token is given.</param>
    /// <param name="cancellationToken">Stops the enumeration; <c>WithCancellation</c> on the result works as well.</param>
    /// <remarks>
    /// Stops after a page with <c>isLast</c>, when <c>total</c> is reached, or after an empty page. When Jira reports
    /// neither <c>isLast</c> nor <c>total</c>, one more (empty) page is fetched to learn that the list ended. A page's
    /// continuation token is the <c>startAt</c> of the page after it, in invariant digits.
    /// </remarks>
    public static JiraAsyncPageable<T> ByOffset<TPage, T>(Func<long, int, CancellationToken, Task<TPage>> fetchPage, Func<TPage, OffsetPage<T>> describe, int pageSize = DefaultPageSize, long startAt = 0, CancellationToken cancellationToken = default)
    {
        if (fetchPage is null) throw new ArgumentNullException(nameof(fetchPage));
        if (describe is null) throw new ArgumentNullException(nameof(describe));
        if (pageSize < 1) throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "A page holds at least one item.");
        if (startAt < 0) throw new ArgumentOutOfRangeException(nameof(startAt), startAt, "Must not be negative.");
        return new JiraAsyncPageable<T>(
            (token, size, ct) => OffsetPages(fetchPage, describe, size, token is null ? startAt : OffsetOf(token), ct),
            pageSize, cancellationToken);
    }

    /// <summary>Pages a token-paged list whose fetch already returns <see cref="TokenPage{T}"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="fetchPage">Fetches the page for the given token (<c>null</c> for the first) with at most the given number of items.</param>
    /// <param name="pageSize">The <c>maxResults</c> asked for; Jira may return fewer.</param>
    /// <param name="cancellationToken">Stops the enumeration; <c>WithCancellation</c> on the result works as well.</param>
    public static JiraAsyncPageable<T> ByToken<T>(Func<string?, int, CancellationToken, Task<TokenPage<T>>> fetchPage, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default) =>
        ByToken(fetchPage, page => page, pageSize, cancellationToken);

    /// <summary>Pages a token-paged list, reading each page's items and next token with <paramref name="describe"/>.</summary>
    /// <typeparam name="TPage">The page type the operation returns.</typeparam>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="fetchPage">Fetches the page for the given token (<c>null</c> for the first) with at most the given number of items.</param>
    /// <param name="describe">Reads items, <c>nextPageToken</c> and <c>isLast</c> from a page.</param>
    /// <param name="pageSize">The <c>maxResults</c> asked for.</param>
    /// <param name="cancellationToken">Stops the enumeration; <c>WithCancellation</c> on the result works as well.</param>
    /// <remarks>
    /// Stops after a page with <c>isLast</c> or without a next token; an empty page with a next token is followed. A page's
    /// continuation token is Jira's <c>nextPageToken</c>.
    /// </remarks>
    /// <exception cref="JiraPagingException">Jira answered a page with the token that fetched it, which would loop for ever.</exception>
    public static JiraAsyncPageable<T> ByToken<TPage, T>(Func<string?, int, CancellationToken, Task<TPage>> fetchPage, Func<TPage, TokenPage<T>> describe, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        if (fetchPage is null) throw new ArgumentNullException(nameof(fetchPage));
        if (describe is null) throw new ArgumentNullException(nameof(describe));
        if (pageSize < 1) throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "A page holds at least one item.");
        return new JiraAsyncPageable<T>((token, size, ct) => TokenPages(fetchPage, describe, size, token, ct), pageSize, cancellationToken);
    }

    private static long OffsetOf(string continuationToken) =>
        long.TryParse(continuationToken, NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : throw new ArgumentException($"'{continuationToken}' is not a continuation token of this list (a startAt index).", nameof(continuationToken));

    private static async IAsyncEnumerable<JiraPage<T>> OffsetPages<TPage, T>(Func<long, int, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, OffsetPage<T>> describe, int pageSize, long startAt, CancellationToken pageableToken, [EnumeratorCancellation] CancellationToken enumeratorToken = default)
    {
        using var linked = Link(pageableToken, enumeratorToken, out var cancellationToken);
        var next = startAt;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = describe(await fetchPage(next, pageSize, cancellationToken).ConfigureAwait(false));
            var values = Read(page.Items);
            var after = (page.StartAt ?? next) + values.Count;
            var isLast = values.Count == 0 || page.IsLast == true || (page.Total is { } total && after >= total);
            page = default; // hold no page while the next one loads
            yield return new JiraPage<T>(values, isLast ? null : after.ToString(CultureInfo.InvariantCulture));
            if (isLast) yield break;
            next = after;
        }
    }

    private static async IAsyncEnumerable<JiraPage<T>> TokenPages<TPage, T>(Func<string?, int, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, TokenPage<T>> describe, int pageSize, string? startToken, CancellationToken pageableToken, [EnumeratorCancellation] CancellationToken enumeratorToken = default)
    {
        using var linked = Link(pageableToken, enumeratorToken, out var cancellationToken);
        var token = startToken;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = describe(await fetchPage(token, pageSize, cancellationToken).ConfigureAwait(false));
            var values = Read(page.Items);
            var next = page.NextPageToken;
            var isLast = page.IsLast == true || string.IsNullOrEmpty(next);
            page = default;
            yield return new JiraPage<T>(values, isLast ? null : next);
            if (isLast) yield break;
            if (next == token)
                throw new JiraPagingException("Jira returned a page token it had returned before; stopping instead of looping.");
            token = next;
        }
    }

    /// <summary>Reads a page's items once; disposing their enumerator lets a page holding pooled memory return it.</summary>
    private static IReadOnlyList<T> Read<T>(IEnumerable<T>? items)
    {
        if (items is null) return [];
        var values = items is ICollection<T> collection ? new List<T>(collection.Count) : new List<T>();
        using (var enumerator = items.GetEnumerator())
        {
            while (enumerator.MoveNext()) values.Add(enumerator.Current);
        }
        return values;
    }

    /// <summary>One token that stops on either: the pageable's (given when it was made) or the enumeration's.</summary>
    private static CancellationTokenSource? Link(CancellationToken first, CancellationToken second, out CancellationToken linked)
    {
        if (!first.CanBeCanceled || !second.CanBeCanceled || first == second)
        {
            linked = first.CanBeCanceled ? first : second;
            return null;
        }
        var source = CancellationTokenSource.CreateLinkedTokenSource(first, second);
        linked = source.Token;
        return source;
    }
}
