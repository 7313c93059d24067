using System.Text;

namespace JiraSdk.Testing.Jql;

/// <summary>
/// The <c>~</c> (CONTAINS) query of a text field, evaluated the way Jira's Lucene index answers it: text is split into
/// words on anything that is not a letter or digit, case-folded, English stop words dropped and plurals reduced
/// (minimal stemming, so <c>win</c> also finds <c>wins</c>). Every word of the query must be present (Jira Cloud ANDs
/// terms); a query word written with non-word characters inside (<c>foo-bar</c>) or a <c>"quoted phrase"</c> must
/// appear as consecutive words; a trailing <c>*</c> matches any word starting with the prefix and <c>?</c> any single
/// character; <c>-word</c>/<c>NOT word</c> excludes, <c>OR</c> between terms gives alternatives.
/// </summary>
internal sealed class JqlTextSearch
{
    // Lucene's English stop words, which Jira's index leaves out.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of",
        "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
    };

    private readonly List<List<Term>> _alternatives;

    private JqlTextSearch(List<List<Term>> alternatives) => _alternatives = alternatives;

    /// <summary>Whether the query keeps at least one searchable word (a query of stop words only finds nothing).</summary>
    public bool HasTerms => _alternatives.Any(a => a.Any(t => !t.Excluded));

    public static JqlTextSearch Parse(string query)
    {
        var alternatives = new List<List<Term>> { new() };
        var excludeNext = false;
        foreach (var (raw, quoted) in SplitQuery(query))
        {
            if (!quoted && (raw == "OR" || raw == "||"))
            {
                alternatives.Add(new List<Term>());
                continue;
            }

            if (!quoted && (raw == "AND" || raw == "&&"))
            {
                continue;
            }

            if (!quoted && (raw == "NOT" || raw == "!"))
            {
                excludeNext = true;
                continue;
            }

            var text = raw;
            var excluded = excludeNext;
            excludeNext = false;
            if (!quoted && text.Length > 1 && (text[0] == '-' || text[0] == '!'))
            {
                excluded = true;
                text = text[1..];
            }
            else if (!quoted && text.Length > 1 && text[0] == '+')
            {
                text = text[1..];
            }

            var term = quoted ? Term.Phrase(Analyze(text)) : Term.FromWord(text);
            if (term is not null)
            {
                alternatives[^1].Add(term with { Excluded = excluded });
            }
        }

        alternatives.RemoveAll(a => a.Count == 0);
        return new JqlTextSearch(alternatives);
    }

    /// <summary>Whether one text (a summary, a description, one comment) satisfies the query.</summary>
    public bool Matches(string? text)
    {
        if (string.IsNullOrEmpty(text) || _alternatives.Count == 0)
        {
            return false;
        }

        var words = Analyze(text);
        return _alternatives.Any(terms =>
            terms.Any(t => !t.Excluded)
            && terms.All(t => t.Excluded ? !t.Occurs(words) : t.Occurs(words)));
    }

    /// <summary>Words as the index holds them: folded, stop words out, plurals reduced.</summary>
    internal static List<string> Analyze(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (word.Length > 0)
            {
                var folded = word.ToString();
                word.Clear();
                if (!StopWords.Contains(folded))
                {
                    words.Add(Stem(folded));
                }
            }
        }

        return words;
    }

    /// <summary>The "S" stemmer (Harman 1991), Lucene's EnglishMinimalStemmer: plural forms to singular.</summary>
    internal static string Stem(string word)
    {
        if (word.Length < 3 || word[^1] != 's')
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && !word.EndsWith("eies", StringComparison.Ordinal)
            && !word.EndsWith("aies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.EndsWith("es", StringComparison.Ordinal) && !word.EndsWith("aes", StringComparison.Ordinal)
            && !word.EndsWith("ees", StringComparison.Ordinal) && !word.EndsWith("oes", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        if (!word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("ss", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }

    private static IEnumerable<(string Text, bool Quoted)> SplitQuery(string query)
    {
        var i = 0;
        while (i < query.Length)
        {
            if (char.IsWhiteSpace(query[i]))
            {
                i++;
                continue;
            }

            if (query[i] == '"')
            {
                var close = query.IndexOf('"', i + 1);
                var end = close < 0 ? query.Length : close;
                yield return (query[(i + 1)..end], true);
                i = close < 0 ? query.Length : close + 1;
                continue;
            }

            var start = i;
            while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] != '"')
            {
                i++;
            }

            yield return (query[start..i], false);
        }
    }

    private sealed record Term(IReadOnlyList<string> Words, string? Pattern, bool Excluded)
    {
        public static Term? Phrase(List<string> words) => words.Count == 0 ? null : new Term(words, null, false);

        public static Term? FromWord(string raw)
        {
            if (raw.Contains('*') || raw.Contains('?'))
            {
                // Wildcards work on the word as written, folded but not stemmed (Lucene does not analyse them).
                var folded = new string(raw.Where(c => char.IsLetterOrDigit(c) || c is '*' or '?').Select(char.ToLowerInvariant).ToArray());
                return folded.Trim('*', '?').Length == 0 ? null : new Term(Array.Empty<string>(), folded, false);
            }

            return Phrase(Analyze(raw));
        }

        public bool Occurs(List<string> words)
        {
            if (Pattern is not null)
            {
                return words.Any(w => WildcardMatch(Pattern, 0, w, 0));
            }

            for (var start = 0; start + Words.Count <= words.Count; start++)
            {
                var all = true;
                for (var k = 0; k < Words.Count && all; k++)
                {
                    all = string.Equals(words[start + k], Words[k], StringComparison.Ordinal);
                }

                if (all)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool WildcardMatch(string pattern, int p, string word, int w)
        {
            while (p < pattern.Length)
            {
                if (pattern[p] == '*')
                {
                    for (var k = w; k <= word.Length; k++)
                    {
                        if (WildcardMatch(pattern, p + 1, word, k))
                        {
                            return true;
                        }
                    }

                    return false;
                }

                if (w >= word.Length || (pattern[p] != '?' && pattern[p] != word[w]))
                {
                    return false;
                }

                p++;
                w++;
            }

            return w == word.Length;
        }
    }
}
