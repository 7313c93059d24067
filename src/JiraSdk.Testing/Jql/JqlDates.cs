using System.Globalization;
using System.Text.RegularExpressions;

namespace JiraSdk.Testing.Jql;

/// <summary>
/// Date values as JQL reads them (Jira's "Advanced searching - fields reference", date fields):
/// <c>"yyyy/MM/dd HH:mm"</c>, <c>"yyyy-MM-dd HH:mm"</c>, <c>"yyyy/MM/dd"</c>, <c>"yyyy-MM-dd"</c> in the searcher's
/// time zone; periods relative to now such as <c>-7d</c>, <c>4w 2d</c>, <c>-1w2d</c>, <c>4h</c>, <c>-30m</c>
/// (w = 7 days, d = 24 hours, h, m = minutes); milliseconds since the epoch; and the date functions.
/// A date without a time is midnight at the start of that day ("if a time-component is not specified, midnight will
/// be assumed", Jira's fields reference), so <c>created = "2026-11-30"</c> finds only issues created at midnight and
/// <c>created &lt;= "2026-11-30"</c> ends where that day begins.
/// </summary>
internal static partial class JqlDates
{
    public const string InvalidFormatsHint =
        "Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.";

    private static readonly string[] FunctionNames =
    {
        "now", "currentLogin", "lastLogin",
        "startOfDay", "endOfDay", "startOfWeek", "endOfWeek", "startOfMonth", "endOfMonth", "startOfYear", "endOfYear",
    };

    [GeneratedRegex(@"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex AbsoluteDate();

    [GeneratedRegex(@"^([-+]?)\s*((?:\d+\s*[wdhmWDHM]\s*)+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Period();

    [GeneratedRegex(@"(\d+)\s*([wdhmWDHM])", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodPart();

    [GeneratedRegex(@"^([-+]?)(\d+)([yMwdhm]?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Increment();

    public static bool IsFunction(string name) =>
        FunctionNames.Any(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Checks a literal without a clock; <see cref="TryResolve"/> gives its instants.</summary>
    public static bool IsValidLiteral(string text) =>
        TryResolve(text, new JqlEvaluationContext(DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc, null), out _);

    /// <summary>The instant a literal stands for.</summary>
    public static bool TryResolve(string text, JqlEvaluationContext context, out DateTimeOffset instant)
    {
        try
        {
            return TryResolveCore(text.Trim(), context, out instant);
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            // A period or epoch value beyond the calendar: no date.
            instant = default;
            return false;
        }
    }

    private static bool TryResolveCore(string text, JqlEvaluationContext context, out DateTimeOffset instant)
    {
        var absolute = AbsoluteDate().Match(text);
        if (absolute.Success)
        {
            var year = int.Parse(absolute.Groups[1].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(absolute.Groups[2].Value, CultureInfo.InvariantCulture);
            var day = int.Parse(absolute.Groups[3].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                instant = default;
                return false;
            }

            var local = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
            if (absolute.Groups[4].Success)
            {
                var hour = int.Parse(absolute.Groups[4].Value, CultureInfo.InvariantCulture);
                var minute = int.Parse(absolute.Groups[5].Value, CultureInfo.InvariantCulture);
                if (hour > 23 || minute > 59)
                {
                    instant = default;
                    return false;
                }

                local = local.AddHours(hour).AddMinutes(minute);
            }

            instant = ToInstant(local, context.TimeZone);
            return true;
        }

        var period = Period().Match(text);
        if (period.Success)
        {
            var span = TimeSpan.Zero;
            foreach (Match part in PeriodPart().Matches(period.Groups[2].Value))
            {
                var amount = long.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
                span += char.ToLowerInvariant(part.Groups[2].Value[0]) switch
                {
                    'w' => TimeSpan.FromDays(7 * amount),
                    'd' => TimeSpan.FromDays(amount),
                    'h' => TimeSpan.FromHours(amount),
                    _ => TimeSpan.FromMinutes(amount),
                };
            }

            instant = period.Groups[1].Value == "-" ? context.Now - span : context.Now + span;
            return true;
        }

        if (IsEpochMillis(text))
        {
            instant = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(text, CultureInfo.InvariantCulture));
            return true;
        }

        instant = default;
        return false;
    }

    /// <summary>The argument count problem or bad increment of a date function, in Jira's words; null when fine.</summary>
    public static string? ValidateFunction(string name, IReadOnlyList<string> arguments)
    {
        var canonical = FunctionNames.First(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
        var maximum = canonical is "now" or "currentLogin" or "lastLogin" ? 0 : 1;
        if (arguments.Count > maximum)
        {
            return maximum == 0
                ? $"Function '{name}' expected '0' arguments but received '{arguments.Count}'."
                : $"Function '{name}' expected between '0' and '1' arguments but received '{arguments.Count}'.";
        }

        if (arguments.Count == 1 && (Increment().Match(arguments[0].Trim()) is not { Success: true } increment
            || !int.TryParse(increment.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return $"Duration for function '{name}' should have the format (+/-)n(yMwdm), e.g -1M for 1 month earlier.";
        }

        return null;
    }

    /// <summary>
    /// Evaluates a date function in the context's time zone. <c>startOfWeek</c> is Sunday (Jira's default en_US
    /// week); <c>endOf…</c> is the last millisecond of the period. The optional increment (<c>-1</c>, <c>+2w</c>,
    /// <c>-1M</c>) moves by the function's own unit when it names none; <c>M</c> is months, <c>m</c> minutes.
    /// </summary>
    public static DateTimeOffset EvaluateFunction(string name, IReadOnlyList<string> arguments, JqlEvaluationContext context)
    {
        var canonical = FunctionNames.First(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
        if (canonical is "now" or "currentLogin" or "lastLogin")
        {
            return context.Now;
        }

        var local = TimeZoneInfo.ConvertTime(context.Now, context.TimeZone).DateTime;
        var today = local.Date;
        var (start, unit) = canonical switch
        {
            "startOfDay" or "endOfDay" => (today, 'd'),
            "startOfWeek" or "endOfWeek" => (today.AddDays(-(int)today.DayOfWeek), 'w'),
            "startOfMonth" or "endOfMonth" => (new DateTime(today.Year, today.Month, 1), 'M'),
            _ => (new DateTime(today.Year, 1, 1), 'y'),
        };
        var end = unit switch
        {
            'd' => start.AddDays(1),
            'w' => start.AddDays(7),
            'M' => start.AddMonths(1),
            _ => start.AddYears(1),
        };
        var isEnd = canonical.StartsWith("end", StringComparison.Ordinal);
        var result = isEnd ? end : start;
        if (arguments.Count == 1)
        {
            var increment = Increment().Match(arguments[0].Trim());
            var amount = int.Parse(increment.Groups[2].Value, CultureInfo.InvariantCulture) * (increment.Groups[1].Value == "-" ? -1 : 1);
            var incrementUnit = increment.Groups[3].Value.Length == 0 ? unit : increment.Groups[3].Value[0];
            result = incrementUnit switch
            {
                'y' => result.AddYears(amount),
                'M' => result.AddMonths(amount),
                'w' => result.AddDays(7 * amount),
                'd' => result.AddDays(amount),
                'h' => result.AddHours(amount),
                _ => result.AddMinutes(amount),
            };
        }

        var instant = ToInstant(result, context.TimeZone);
        return isEnd ? instant.AddMilliseconds(-1) : instant;
    }

    /// <summary>Reads a date-time as Jira writes it (<c>2026-11-30T10:15:30.000+0000</c>) or any ISO 8601 form.</summary>
    public static DateTimeOffset? ParseIssueDateTime(string text)
    {
        var normalized = text.Length > 5 && (text[^5] == '+' || text[^5] == '-') && text[^4..].All(char.IsAsciiDigit)
            ? string.Concat(text.AsSpan(0, text.Length - 2), ":", text.AsSpan(text.Length - 2))
            : text;
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : null;
    }

    /// <summary>Reads a date-only value (<c>2026-12-01</c>) as the start of that day in the context's zone.</summary>
    public static DateTimeOffset? ParseIssueDate(string text, TimeZoneInfo zone)
    {
        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return ToInstant(date, zone);
        }

        return ParseIssueDateTime(text);
    }

    private static bool IsEpochMillis(string text) => text.Length is > 0 and <= 15 && text.All(char.IsAsciiDigit);

    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }
}
