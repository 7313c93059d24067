using System.Runtime.CompilerServices;
using JiraSdk.Http;

namespace JiraSdk.Tests.Http;

public class PooledValueTaskMethodBuilderTests
{
    private static readonly AsyncLocal<string?> Flow = new();

    [AsyncMethodBuilder(typeof(PooledValueTaskMethodBuilder<>))]
    private static async ValueTask<int> AddAfterAsync(Task wait, int a, int b)
    {
        await wait.ConfigureAwait(false);
        return a + b;
    }

    private static async ValueTask<int> AddAfterUnpooledAsync(Task wait, int a, int b)
    {
        await wait.ConfigureAwait(false);
        return a + b;
    }

    [AsyncMethodBuilder(typeof(PooledValueTaskMethodBuilder<>))]
    private static async ValueTask<int> ThrowAsync(Task? wait, Exception failure)
    {
        if (wait is not null) await wait.ConfigureAwait(false);
        throw failure;
    }

    [AsyncMethodBuilder(typeof(PooledValueTaskMethodBuilder))]
    private static async ValueTask CountAsync(Task wait, StrongBox<int> counter)
    {
        await wait.ConfigureAwait(false);
        counter.Value++;
    }

    [Test]
    public async Task AMethodThatDoesNotWaitCompletesWithItsResult()
    {
        var sum = AddAfterAsync(Task.CompletedTask, 2, 3);

        Assert.That(sum.IsCompletedSuccessfully, Is.True);
        Assert.That(await sum, Is.EqualTo(5));
    }

    [Test]
    public async Task AMethodThatWaitsCompletesWithItsResultWhicheverThreadFinishesIt()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var sum = AddAfterAsync(gate.Task, i, 1);
            _ = Task.Run(async () => { await Task.Delay(i % 7); gate.SetResult(); });
            return await sum;
        }));

        Assert.That(results, Is.EqualTo(Enumerable.Range(1, 200)));
    }

    [Test]
    public async Task CallsOneAfterAnotherReuseTheirStateWhereTheUsualBuilderAllocatesIt()
    {
        // Started on one thread and finished on another, as under a blocking caller: the pool is not per thread.
        static async Task<long> BytesPerCallAsync(Func<Task, ValueTask<int>> call)
        {
            for (var i = 0; i < 100; i++) await call(Task.Delay(1));
            var before = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < 300; i++)
            {
                var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var pending = call(gate.Task);
                await Task.Run(gate.SetResult);
                await pending;
            }
            return (GC.GetTotalAllocatedBytes(precise: true) - before) / 300;
        }

        var pooled = await BytesPerCallAsync(wait => AddAfterAsync(wait, 1, 2));
        var unpooled = await BytesPerCallAsync(wait => AddAfterUnpooledAsync(wait, 1, 2));

        Assert.That(pooled, Is.LessThan(unpooled - 64), $"pooled {pooled} B per call, the usual builder {unpooled} B");
    }

    [Test]
    public void AnExceptionBeforeOrAfterWaitingIsTheSameException()
    {
        var before = new InvalidOperationException("before");
        var after = new FormatException("after");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var thrownAtOnce = ThrowAsync(null, before);
        var thrownLater = ThrowAsync(gate.Task, after);
        gate.SetResult();

        Assert.That(thrownAtOnce.IsFaulted, Is.True);
        Assert.That(async () => await thrownAtOnce, Throws.Exception.SameAs(before));
        Assert.That(async () => await thrownLater, Throws.Exception.SameAs(after));
    }

    [Test]
    public void ACancellationStaysACancellation()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        var cancelled = new OperationCanceledException("stopped", source.Token);

        var atOnce = ThrowAsync(null, cancelled).AsTask();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var later = ThrowAsync(gate.Task, cancelled).AsTask();
        gate.SetResult();

        Assert.That(async () => await atOnce, Throws.Exception.SameAs(cancelled));
        Assert.That(async () => await later, Throws.Exception.SameAs(cancelled));
        Assert.That(atOnce.IsCanceled && later.IsCanceled, Is.True);
    }

    [Test]
    public async Task AValueTaskAwaitedTwiceIsRefused()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sum = AddAfterAsync(gate.Task, 1, 1);
        gate.SetResult();
        Assert.That(await sum, Is.EqualTo(2));

        Assert.That(async () => await sum, Throws.InvalidOperationException);
    }

    [Test]
    public async Task TheCallersAsyncLocalsFlowInAndTheMethodsDoNotLeakOut()
    {
        Flow.Value = "caller";
        var gate = new TaskCompletionSource();
        string? seenAfterWait = null;
        var call = ReadAndWriteFlowAsync(gate.Task, seen => seenAfterWait = seen);

        // Finished from a flow of its own: its value must not reach the method, nor the method's reach it.
        string? completerAfter = null;
        await Task.Run(() =>
        {
            Flow.Value = "completer";
            gate.SetResult(); // runs the method's continuation on this thread
            completerAfter = Flow.Value;
        });
        await call;

        Assert.That(seenAfterWait, Is.EqualTo("caller"));
        Assert.That(completerAfter, Is.EqualTo("completer"));
        Assert.That(Flow.Value, Is.EqualTo("caller"));
    }

    [AsyncMethodBuilder(typeof(PooledValueTaskMethodBuilder<>))]
    private static async ValueTask<int> ReadAndWriteFlowAsync(Task wait, Action<string?> seen)
    {
        await wait.ConfigureAwait(false);
        seen(Flow.Value);
        Flow.Value = "method";
        return 0;
    }

    [Test]
    public async Task AMethodWithoutAResultCompletesAndReportsItsException()
    {
        var counter = new StrongBox<int>();
        await CountAsync(Task.CompletedTask, counter);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var later = CountAsync(gate.Task, counter);
        gate.SetResult();
        await later;

        Assert.That(counter.Value, Is.EqualTo(2));
        var failing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failed = CountAsync(failing.Task, counter);
        failing.SetException(new TimeoutException("late"));
        Assert.That(async () => await failed, Throws.TypeOf<TimeoutException>());
    }
}
