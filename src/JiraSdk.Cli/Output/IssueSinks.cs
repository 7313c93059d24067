using System.Text.Json;
using JiraSdk.Cli.Commands;
using JiraSdk.Issues;

namespace JiraSdk.Cli.Output;

/// <summary>
/// A fixed-width table: the key, then one column per field. Rows are written as each page arrives; a column is as wide
/// as the widest value seen so far (capped), so a long value on a later page widens it instead of being cut.
/// </summary>
internal sealed class TableIssueSink : IIssueSink
{
    private const int MaxColumnWidth = 50;
    private readonly TextWriter _output;
    private readonly IReadOnlyList<string> _columns;
    private int[]? _widths;

    public TableIssueSink(TextWriter output, IReadOnlyList<string> fields)
    {
        _output = output;
        _columns = new[] { "key" }.Concat(fields.Where(f => f != "key")).ToList();
    }

    public async Task WriteAsync(IReadOnlyList<IJiraIssue> issues)
    {
        var rows = issues.Select(issue => _columns.Select(c => FieldText.Cell(FieldText.IssueField(issue, c), MaxColumnWidth)).ToArray()).ToList();
        var first = _widths is null;
        _widths ??= _columns.Select(c => c.Length).ToArray();
        for (var i = 0; i < _widths.Length; i++)
            foreach (var row in rows) _widths[i] = Math.Max(_widths[i], row[i].Length);
        if (first) await WriteRowAsync(_columns.Select(c => c.ToUpperInvariant()).ToArray());
        foreach (var row in rows) await WriteRowAsync(row);
        await _output.FlushAsync();
    }

    public Task CompleteAsync() => _output.FlushAsync();

    private Task WriteRowAsync(string[] cells) =>
        _output.WriteLineAsync(string.Join("  ", cells.Select((cell, i) => FieldText.Cell(cell, _widths![i]).PadRight(_widths[i]))).TrimEnd());
}

/// <summary>
/// A JSON array of the issues, written element by element: each as the SDK read it, its <c>fields</c> exactly as Jira sent
/// them (properties the API's model does not know are left out).
/// </summary>
internal sealed class JsonIssueSink : IIssueSink
{
    private readonly TextWriter _output;
    private bool _started;

    public JsonIssueSink(TextWriter output) => _output = output;

    public async Task WriteAsync(IReadOnlyList<IJiraIssue> issues)
    {
        foreach (var issue in issues)
        {
            await _output.WriteAsync(_started ? ",\n" : "[\n");
            _started = true;
            await _output.WriteAsync(JsonSerializer.Serialize(issue, issue.GetType(), CliJson.IndentedModels));
        }
        await _output.FlushAsync();
    }

    public async Task CompleteAsync()
    {
        await _output.WriteLineAsync(_started ? "\n]" : "[]");
        await _output.FlushAsync();
    }
}
