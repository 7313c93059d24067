namespace JiraSdk.Paging;

/// <summary>One page of an offset-paged Jira list (<c>startAt</c>, <c>maxResults</c>, <c>total</c>, <c>isLast</c>).</summary>
/// <typeparam name="T">The item type.</typeparam>
public readonly struct OffsetPage<T>
{
    /// <summary>Describes a page.</summary>
    /// <param name="items">The items on the page; <c>null</c> reads as none.</param>
    /// <param name="startAt">The index of the first item, as Jira reported it.</param>
    /// <param name="total">The number of items in the whole list, when Jira reports it.</param>
    /// <param name="isLast">Whether this is the last page, when Jira reports it.</param>
    public OffsetPage(IEnumerable<T>? items, long? startAt = null, long? total = null, bool? isLast = null)
    {
        Items = items;
        StartAt = startAt;
        Total = total;
        IsLast = isLast;
    }

    /// <summary>The items on the page.</summary>
    public IEnumerable<T>? Items { get; }

    /// <summary>The index of the first item, as Jira reported it.</summary>
    public long? StartAt { get; }

    /// <summary>The number of items in the whole list, when known.</summary>
    public long? Total { get; }

    /// <summary>Whether this is the last page, when known.</summary>
    public bool? IsLast { get; }
}

/// <summary>One page of a token-paged Jira list (<c>nextPageToken</c>, e.g. <c>/rest/api/3/search/jql</c>).</summary>
/// <typeparam name="T">The item type.</typeparam>
public readonly struct TokenPage<T>
{
    /// <summary>Describes a page.</summary>
    /// <param name="items">The items on the page; <c>null</c> reads as none.</param>
    /// <param name="nextPageToken">The token that fetches the next page; <c>null</c> or empty on the last page.</param>
    /// <param name="isLast">Whether this is the last page, when Jira reports it.</param>
    public TokenPage(IEnumerable<T>? items, string? nextPageToken, bool? isLast = null)
    {
        Items = items;
        NextPageToken = nextPageToken;
        IsLast = isLast;
    }

    /// <summary>The items on the page.</summary>
    public IEnumerable<T>? Items { get; }

    /// <summary>The token that fetches the next page.</summary>
    public string? NextPageToken { get; }

    /// <summary>Whether this is the last page, when known.</summary>
    public bool? IsLast { get; }
}
