using System.Threading.Channels;

namespace JiraSdk.Webhooks.Lifecycle;

/// <summary>
/// The loop both lifecycle services run: a pass now, then one every interval on the injected clock; a failed pass is
/// handed to <c>onFailure</c> (which logs it) and the loop goes on, so it never stops the host. Each finished pass is
/// reported on <see cref="Ticks"/> (its error or <see langword="null"/>), for tests that drive a fake clock.
/// </summary>
internal sealed class PeriodicPasses
{
    private readonly Channel<Exception?> _ticks = Channel.CreateBounded<Exception?>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;

    public PeriodicPasses(TimeProvider time, TimeSpan interval)
    {
        _time = time;
        _interval = interval;
    }

    public ChannelReader<Exception?> Ticks => _ticks.Reader;

    public async Task RunAsync(Func<CancellationToken, Task> pass, Action<Exception> onFailure, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Exception? failure = null;
            try
            {
                await pass(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failure = e;
                onFailure(e);
            }
            // The wait starts before the pass is reported, so whoever waits for the report (a test advancing a fake
            // clock) finds the next pass already scheduled.
#if NET8_0_OR_GREATER
            var wait = Task.Delay(_interval, _time, stoppingToken);
#else
            var wait = _time.Delay(_interval, stoppingToken);
#endif
            _ticks.Writer.TryWrite(failure);
            try
            {
                await wait.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
