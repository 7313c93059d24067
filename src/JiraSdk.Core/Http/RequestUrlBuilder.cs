using System.Text;

namespace JiraSdk.Http;

/// <summary>
/// The generated clients' URL builder, kept per thread between calls (generator <c>CodeFixups</c>): a call builds its
/// relative URL synchronously, before anything is awaited, so one builder per thread serves every call made on it, as
/// .NET's own <c>StringBuilderCache</c> does. A new builder and its buffer cost about 0.25 KB per call (issue 13, item 8).
/// </summary>
internal static class RequestUrlBuilder
{
    /// <summary>Builders above this many characters (a long query of ids) are not kept.</summary>
    private const int MaxKeptCapacity = 1024;

    [ThreadStatic]
    private static StringBuilder? t_spare;

    /// <summary>An empty builder of at least <paramref name="capacity"/> characters; give it back with <see cref="ToStringAndRelease"/>.</summary>
    public static StringBuilder Acquire(int capacity)
    {
        var builder = t_spare;
        if (builder is not null && capacity <= builder.Capacity)
        {
            t_spare = null;
            builder.Clear();
            return builder;
        }
        return new StringBuilder(capacity);
    }

    /// <summary>The URL built, and the builder kept for the thread's next call. A builder not given back is simply collected.</summary>
    public static string ToStringAndRelease(StringBuilder builder)
    {
        var url = builder.ToString();
        if (builder.Capacity <= MaxKeptCapacity) t_spare = builder;
        return url;
    }
}
