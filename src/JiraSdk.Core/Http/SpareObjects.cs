namespace JiraSdk.Http;

/// <summary>
/// A few objects kept for reuse, taken and given back by any thread without a lock: the pipeline's reusable deadlines
/// (<see cref="TimeoutHandler"/>) and the pooled async state of its steps (<see cref="PooledAsyncState{TResult}"/>).
/// </summary>
/// <remarks>
/// A fixed array of slots; a thread starts looking at a slot picked by its id, so concurrent callers spread over them.
/// When every slot is empty, <see cref="TryTake"/> finds nothing and the caller makes a new object; when every slot is
/// full, <see cref="TryKeep"/> declines and the caller drops the object.
/// </remarks>
internal sealed class SpareObjects<T> where T : class
{
    private readonly T?[] _slots;

    public SpareObjects(int capacity)
    {
        if (capacity <= 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "Keep at least one object.");
        _slots = new T?[capacity];
    }

    /// <summary>How many objects are kept now (a snapshot).</summary>
    public int Count
    {
        get
        {
            var count = 0;
            for (var i = 0; i < _slots.Length; i++)
                if (Volatile.Read(ref _slots[i]) is not null) count++;
            return count;
        }
    }

    /// <summary>A kept object, now the caller's alone; null when none is kept.</summary>
    public T? TryTake()
    {
        var start = Environment.CurrentManagedThreadId % _slots.Length;
        for (var i = 0; i < _slots.Length; i++)
        {
            var slot = start + i < _slots.Length ? start + i : start + i - _slots.Length;
            if (Volatile.Read(ref _slots[slot]) is not null && Interlocked.Exchange(ref _slots[slot], null) is { } kept) return kept;
        }
        return null;
    }

    /// <summary>Keeps <paramref name="spare"/> for a later <see cref="TryTake"/>; <c>false</c> when every slot is taken.</summary>
    public bool TryKeep(T spare)
    {
        var start = Environment.CurrentManagedThreadId % _slots.Length;
        for (var i = 0; i < _slots.Length; i++)
        {
            var slot = start + i < _slots.Length ? start + i : start + i - _slots.Length;
            if (Volatile.Read(ref _slots[slot]) is null && Interlocked.CompareExchange(ref _slots[slot], spare, null) is null) return true;
        }
        return false;
    }
}
