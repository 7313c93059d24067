using System.Globalization;
using System.Text;

namespace JiraSdk.Testing.Jql.Syntax;

internal enum JqlTokenKind
{
    Word,          // an unquoted string: field names, keywords, values such as DOCS-1 or -7d
    Quoted,        // "..." or '...'
    LeftParen,
    RightParen,
    Comma,
    LeftBracket,
    RightBracket,
    Equals,
    NotEquals,
    LessThan,
    LessThanEquals,
    GreaterThan,
    GreaterThanEquals,
    Like,
    NotLike,
    Bang,          // ! as NOT
    Ampersand,     // & or && as AND
    Pipe,          // | or || as OR
    End,
}

/// <param name="Kind">What the token is.</param>
/// <param name="Text">The token as written (for error messages).</param>
/// <param name="Value">The string value with escapes resolved (quotes removed for quoted strings).</param>
/// <param name="Line">The 1-based line where the token starts.</param>
/// <param name="Column">The 1-based character in that line where the token starts (Jira's "character").</param>
internal readonly record struct JqlToken(JqlTokenKind Kind, string Text, string Value, int Line, int Column)
{
    public bool IsWord(string keyword) =>
        Kind == JqlTokenKind.Word && string.Equals(Value, keyword, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Splits JQL into tokens following Jira's lexer: unquoted strings stop at white space and at the characters that
/// have a meaning in JQL; characters Jira reserves (<c>{ } * / % ^ $ # @ ? ;</c>) must be quoted or escaped;
/// escapes <c>\" \' \\ \t \n \r \(space) \uXXXX</c> work in quoted and unquoted strings.
/// </summary>
internal static class JqlLexer
{
    private const string ReservedCharacters = "{}*/%^$#@?;";

    public static List<JqlToken> Tokenize(string jql)
    {
        var tokens = new List<JqlToken>();
        var position = 0;
        var line = 1;
        var lineStart = 0;
        while (true)
        {
            while (position < jql.Length && char.IsWhiteSpace(jql[position]))
            {
                if (jql[position] == '\n')
                {
                    line++;
                    lineStart = position + 1;
                }

                position++;
            }

            if (position >= jql.Length)
            {
                tokens.Add(new JqlToken(JqlTokenKind.End, string.Empty, string.Empty, line, position - lineStart + 1));
                return tokens;
            }

            var start = position;
            var column = start - lineStart + 1;
            var c = jql[position];
            JqlTokenKind? symbol = c switch
            {
                '(' => JqlTokenKind.LeftParen,
                ')' => JqlTokenKind.RightParen,
                ',' => JqlTokenKind.Comma,
                '[' => JqlTokenKind.LeftBracket,
                ']' => JqlTokenKind.RightBracket,
                '=' => JqlTokenKind.Equals,
                '~' => JqlTokenKind.Like,
                '!' => Next(jql, position) switch { '=' => JqlTokenKind.NotEquals, '~' => JqlTokenKind.NotLike, _ => JqlTokenKind.Bang },
                '<' => Next(jql, position) == '=' ? JqlTokenKind.LessThanEquals : JqlTokenKind.LessThan,
                '>' => Next(jql, position) == '=' ? JqlTokenKind.GreaterThanEquals : JqlTokenKind.GreaterThan,
                '&' => JqlTokenKind.Ampersand,
                '|' => JqlTokenKind.Pipe,
                _ => null,
            };
            if (symbol is { } kind)
            {
                var length = kind is JqlTokenKind.NotEquals or JqlTokenKind.NotLike or JqlTokenKind.LessThanEquals or JqlTokenKind.GreaterThanEquals
                    || (kind == JqlTokenKind.Ampersand && Next(jql, position) == '&')
                    || (kind == JqlTokenKind.Pipe && Next(jql, position) == '|')
                    ? 2
                    : 1;
                var text = jql.Substring(start, length);
                tokens.Add(new JqlToken(kind, text, text, line, column));
                position += length;
                continue;
            }

            if (c is '"' or '\'')
            {
                var value = new StringBuilder();
                position++;
                var closed = false;
                while (position < jql.Length)
                {
                    var d = jql[position];
                    if (d == c)
                    {
                        closed = true;
                        position++;
                        break;
                    }

                    if (d == '\\')
                    {
                        position = ReadEscape(jql, position, value, line, lineStart);
                        continue;
                    }

                    value.Append(d);
                    position++;
                }

                if (!closed)
                {
                    throw new JqlException(string.Create(CultureInfo.InvariantCulture,
                        $"Error in the JQL Query: The quoted string '{value}' has not been completed. (line {line}, character {column})"));
                }

                tokens.Add(new JqlToken(JqlTokenKind.Quoted, jql[start..position], value.ToString(), line, column));
                continue;
            }

            var word = new StringBuilder();
            while (position < jql.Length)
            {
                var d = jql[position];
                if (char.IsWhiteSpace(d) || "()[],=!<>~&|\"'".Contains(d, StringComparison.Ordinal))
                {
                    break;
                }

                if (ReservedCharacters.Contains(d, StringComparison.Ordinal))
                {
                    throw new JqlException(string.Create(CultureInfo.InvariantCulture,
                        $"Error in the JQL Query: The character '{d}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u{(int)d:x4}' instead. (line {line}, character {position - lineStart + 1})"));
                }

                if (d == '\\')
                {
                    position = ReadEscape(jql, position, word, line, lineStart);
                    continue;
                }

                word.Append(d);
                position++;
            }

            tokens.Add(new JqlToken(JqlTokenKind.Word, jql[start..position], word.ToString(), line, column));
        }
    }

    private static char Next(string jql, int position) => position + 1 < jql.Length ? jql[position + 1] : '\0';

    private static int ReadEscape(string jql, int position, StringBuilder into, int line, int lineStart)
    {
        var next = Next(jql, position);
        switch (next)
        {
            case '"' or '\'' or '\\' or ' ':
                into.Append(next);
                return position + 2;
            case 't':
                into.Append('\t');
                return position + 2;
            case 'n':
                into.Append('\n');
                return position + 2;
            case 'r':
                into.Append('\r');
                return position + 2;
            case 'u' when position + 6 <= jql.Length
                && int.TryParse(jql.AsSpan(position + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                into.Append((char)code);
                return position + 6;
            default:
                var sequence = jql.Substring(position, Math.Min(2, jql.Length - position));
                throw new JqlException(string.Create(CultureInfo.InvariantCulture,
                    $"Error in the JQL Query: The escape sequence '{sequence}' is invalid. (line {line}, character {position - lineStart + 1})"));
        }
    }
}
