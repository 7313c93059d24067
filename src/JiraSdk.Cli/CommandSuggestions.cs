using System.CommandLine;

namespace JiraSdk.Cli;

/// <summary>
/// Turns a command line that names no known command into one line that names the word and the nearest command, the
/// way git does ("'serch' is not a jira command. Did you mean 'search'?").
/// </summary>
internal static class CommandSuggestions
{
    public static string Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var path = CommandPath(parse);
        var subcommands = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        var word = parse.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith("-", StringComparison.Ordinal));
        if (subcommands.Count > 0 && word is not null)
        {
            var nearest = Nearest(word, subcommands);
            return nearest is null
                ? $"'{word}' is not a {path} command; the commands are: {string.Join(", ", subcommands)} (see '{path} --help')"
                : $"'{word}' is not a {path} command. Did you mean '{nearest}'? (see '{path} --help')";
        }
        if (subcommands.Count > 0 && command.Action is null && parse.UnmatchedTokens.Count == 0)
            return $"'{path}' needs a command: {string.Join(", ", subcommands)} (see '{path} --help')";
        return $"{parse.Errors[0].Message} (see '{path} --help')";
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, result.Command is RootCommand ? "jira" : result.Command.Name);
        return string.Join(" ", names);
    }

    /// <summary>The candidate closest to <paramref name="word"/> by edit distance, when close enough to be a typo.</summary>
    internal static string? Nearest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = candidate.StartsWith(word, StringComparison.OrdinalIgnoreCase) ? 1 : Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.Max(2, word.Length / 3) ? best : null;
    }

    /// <summary>Damerau–Levenshtein distance (optimal string alignment): a swapped pair of letters counts as one edit.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
