namespace DocsReminder.Reminders;

/// <summary>Runs an action once a week at a fixed weekday and UTC time, on an injectable clock.</summary>
public sealed class WeeklySchedule
{
    private readonly DayOfWeek _day;
    private readonly TimeSpan _timeOfDay;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the schedule.</summary>
    public WeeklySchedule(DayOfWeek day, TimeSpan timeOfDay, TimeProvider timeProvider)
    {
        if (timeOfDay < TimeSpan.Zero || timeOfDay >= TimeSpan.FromDays(1)) throw new ArgumentOutOfRangeException(nameof(timeOfDay));
        _day = day;
        _timeOfDay = timeOfDay;
        _timeProvider = timeProvider;
    }

    /// <summary>The first run time strictly after <paramref name="now"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        var candidate = new DateTimeOffset(utc.Date, TimeSpan.Zero) + _timeOfDay;
        candidate = candidate.AddDays(((int)_day - (int)candidate.DayOfWeek + 7) % 7);
        return candidate > utc ? candidate : candidate.AddDays(7);
    }

    /// <summary>Waits for each run time and runs <paramref name="action"/> until cancelled. A failed run is reported and the next one still happens.</summary>
    public async Task RunAsync(Func<CancellationToken, Task> action, Action<Exception> onError, CancellationToken cancellationToken)
    {
        // Each run time follows the previous one, not the clock after the job: a slow job neither shifts nor skips a week.
        var due = NextAfter(_timeProvider.GetUtcNow());
        while (!cancellationToken.IsCancellationRequested)
        {
            var wait = due - _timeProvider.GetUtcNow();
            due = NextAfter(due);
            try
            {
                if (wait > TimeSpan.Zero) await Task.Delay(wait, _timeProvider, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                await action(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                onError(e);
            }
        }
    }
}
