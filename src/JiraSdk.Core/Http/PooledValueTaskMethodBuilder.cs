using System.Runtime.CompilerServices;
using System.Threading.Tasks.Sources;

namespace JiraSdk.Http;

/// <summary>
/// Builds an <c>async ValueTask&lt;TResult&gt;</c> method whose state, once the method first waits, lives in an object
/// taken from a small pool shared by all threads and given back when the result is read. The pipeline's steps and the
/// generated clients' operations use it (<c>[AsyncMethodBuilder(typeof(PooledValueTaskMethodBuilder&lt;&gt;))]</c>), so
/// a call does not allocate one state machine per step (issue 13, item 8: allocations per typed GET).
/// </summary>
/// <remarks>
/// .NET's <c>PoolingAsyncValueTaskMethodBuilder</c> keeps its objects per thread and per core, keyed by the thread's id:
/// when a call starts on a thread that then blocks on it (BenchmarkDotNet's harness, a synchronous caller), the state is
/// taken on that thread and given back on the thread-pool thread that finished it, so the cache rarely hits. This pool
/// is one array per state machine type, any thread taking and giving back. The state's execution context is captured
/// at each wait and restored around each step, as the runtime's builders do; a method that completes without waiting
/// allocates nothing.
/// </remarks>
internal struct PooledValueTaskMethodBuilder<TResult>
{
    private PooledAsyncState<TResult>? _state;
    private TResult _result;
    private bool _completed;

    /// <summary>The pooled state, once the method waited or failed; null while it runs without waiting or after it completed so.</summary>
    internal readonly PooledAsyncState<TResult>? State => _state;

    public static PooledValueTaskMethodBuilder<TResult> Create() => default;

    public readonly ValueTask<TResult> Task =>
        _state is { } state ? new ValueTask<TResult>(state, state.Version)
        : _completed ? new ValueTask<TResult>(_result)
        : throw new InvalidOperationException("The async method has not completed or waited.");

    public readonly void Start<TStateMachine>(ref TStateMachine stateMachine) where TStateMachine : IAsyncStateMachine =>
        // Runs the first step with the caller's execution and synchronization contexts restored afterwards.
        default(AsyncTaskMethodBuilder).Start(ref stateMachine);

    public readonly void SetStateMachine(IAsyncStateMachine stateMachine)
    {
    }

    public void SetResult(TResult result)
    {
        if (_state is { } state)
        {
            state.SetResult(result);
            return;
        }
        _result = result;
        _completed = true;
    }

    public void SetException(Exception exception)
    {
        // Before any wait there is no state yet: take one, so the exception (a cancellation stays a cancellation) is
        // reported exactly as after a wait.
        (_state ??= PooledAsyncState<TResult>.ForException()).SetException(exception);
    }

    public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : INotifyCompletion where TStateMachine : IAsyncStateMachine =>
        awaiter.OnCompleted(StateFor(ref stateMachine).MoveNextAction);

    public void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : ICriticalNotifyCompletion where TStateMachine : IAsyncStateMachine =>
        awaiter.UnsafeOnCompleted(StateFor(ref stateMachine).MoveNextAction);

    private PooledAsyncState<TResult> StateFor<TStateMachine>(ref TStateMachine stateMachine) where TStateMachine : IAsyncStateMachine
    {
        var context = ExecutionContext.Capture();
        if (_state is PooledAsyncState<TResult>.Of<TStateMachine> existing)
        {
            existing.Context = context;
            return existing;
        }
        var state = PooledAsyncState<TResult>.Of<TStateMachine>.Rent();
        // This builder is a field of stateMachine: set first, so the copy the state takes points at the state too.
        _state = state;
        state.StateMachine = stateMachine;
        state.Context = context;
        return state;
    }
}

/// <summary>The <c>async ValueTask</c> (no result) form of <see cref="PooledValueTaskMethodBuilder{TResult}"/>.</summary>
internal struct PooledValueTaskMethodBuilder
{
    private PooledValueTaskMethodBuilder<VoidResult> _inner;

    public static PooledValueTaskMethodBuilder Create() => default;

    public readonly ValueTask Task =>
        // Completed without waiting: a completed ValueTask; otherwise the pooled state, which is a source of both kinds.
        _inner.State is { } state ? new ValueTask(state, state.Version) : default;

    public void Start<TStateMachine>(ref TStateMachine stateMachine) where TStateMachine : IAsyncStateMachine => _inner.Start(ref stateMachine);

    public readonly void SetStateMachine(IAsyncStateMachine stateMachine)
    {
    }

    public void SetResult() => _inner.SetResult(default);

    public void SetException(Exception exception) => _inner.SetException(exception);

    public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : INotifyCompletion where TStateMachine : IAsyncStateMachine =>
        _inner.AwaitOnCompleted(ref awaiter, ref stateMachine);

    public void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : ICriticalNotifyCompletion where TStateMachine : IAsyncStateMachine =>
        _inner.AwaitUnsafeOnCompleted(ref awaiter, ref stateMachine);
}

/// <summary>No result: what an <c>async ValueTask</c> method completes with.</summary>
internal readonly struct VoidResult
{
}

/// <summary>The state of one running <see cref="PooledValueTaskMethodBuilder{TResult}"/> method, and the source of its ValueTask.</summary>
internal abstract class PooledAsyncState<TResult> : IValueTaskSource<TResult>, IValueTaskSource
{
    private ManualResetValueTaskSourceCore<TResult> _core;
    private Action? _moveNext;

    /// <summary>The execution context captured at the latest wait; null when flow was suppressed.</summary>
    public ExecutionContext? Context;

    public short Version => _core.Version;

    /// <summary>The continuation given to awaiters, made once per pooled object.</summary>
    public Action MoveNextAction => _moveNext ??= MoveNext;

    protected abstract void MoveNext();

    /// <summary>Clears the state and gives it back, once its result has been read.</summary>
    protected abstract void Return();

    public void SetResult(TResult result) => _core.SetResult(result);

    public void SetException(Exception exception) => _core.SetException(exception);

    public static PooledAsyncState<TResult> ForException() => Of<ExceptionOnly>.Rent();

    public TResult GetResult(short token)
    {
        if (token != _core.Version) throw new InvalidOperationException("The ValueTask was awaited more than once.");
        try
        {
            return _core.GetResult(token);
        }
        finally
        {
            _core.Reset();
            Return();
        }
    }

    void IValueTaskSource.GetResult(short token) => GetResult(token);

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    /// <summary>The state for methods whose state machine type is <typeparamref name="TStateMachine"/>, pooled per type.</summary>
    public sealed class Of<TStateMachine> : PooledAsyncState<TResult> where TStateMachine : IAsyncStateMachine
    {
        // Enough for every call in flight on a busy client (16 concurrent calls per step in the benchmarks); more are
        // made and dropped.
        private static readonly SpareObjects<Of<TStateMachine>> Pool = new(Math.Max(32, Environment.ProcessorCount * 4));

        private static readonly ContextCallback RunStep = static state => ((Of<TStateMachine>)state!).StateMachine!.MoveNext();

        public TStateMachine? StateMachine;

        public static Of<TStateMachine> Rent() => Pool.TryTake() ?? new Of<TStateMachine>();

        protected override void MoveNext()
        {
            var context = Context;
            if (context is null) StateMachine!.MoveNext();
            else ExecutionContext.Run(context, RunStep, this);
        }

        protected override void Return()
        {
            StateMachine = default;
            Context = null;
            Pool.TryKeep(this);
        }
    }

    /// <summary>The state machine type of a state that only reports an exception thrown before the first wait.</summary>
    private struct ExceptionOnly : IAsyncStateMachine
    {
        public void MoveNext()
        {
        }

        public void SetStateMachine(IAsyncStateMachine stateMachine)
        {
        }
    }
}
