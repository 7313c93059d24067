namespace JiraSdk.RichText;

/// <summary>
/// What a conversion to a less expressive format (plain text, wiki markup) could not carry over, so nothing is lost
/// silently. Markdown needs no report: it carries every node and mark.
/// </summary>
public sealed class AdfConversionReport
{
    private readonly List<AdfDroppedItem> _dropped = new();

    /// <summary>What was dropped, in document order.</summary>
    public IReadOnlyList<AdfDroppedItem> Dropped => _dropped;

    /// <summary>Whether nothing was dropped.</summary>
    public bool IsLossless => _dropped.Count == 0;

    internal void Drop(string path, string type, bool isMark, string what) => _dropped.Add(new AdfDroppedItem(path, type, isMark, what));

    /// <inheritdoc />
    public override string ToString() =>
        IsLossless ? "nothing dropped" : string.Join("; ", _dropped.Select(d => d.ToString()));
}

/// <summary>One node, mark or attribute a conversion dropped.</summary>
public sealed class AdfDroppedItem
{
    internal AdfDroppedItem(string path, string type, bool isMark, string what)
    {
        Path = path;
        Type = type;
        IsMark = isMark;
        What = what;
    }

    /// <summary>Where in the document, as a JSON path (<c>$.content[2].content[0]</c>).</summary>
    public string Path { get; }

    /// <summary>The node or mark type, e.g. <c>media</c> or <c>textColor</c>.</summary>
    public string Type { get; }

    /// <summary>Whether a mark (rather than a node) was dropped.</summary>
    public bool IsMark { get; }

    /// <summary>What was dropped, in words: <c>the node</c>, <c>the mark</c>, <c>attribute 'colwidth'</c>.</summary>
    public string What { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Path}: {(IsMark ? "mark" : "node")} {Type}: {What}";
}
