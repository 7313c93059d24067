namespace JiraSdk.Auth;

/// <summary>
/// Holds the current OAuth 2.0 token set and renews it single-flight: however many requests find it expiring or
/// rejected at once, one renewal runs and the others share its outcome, a failure included (one token call per failure).
/// </summary>
/// <remarks>
/// A refresh token Atlassian answers with <c>invalid_grant</c> is dead: it is never sent again, and every later call
/// fails at once with the same <see cref="JiraReauthorizationRequiredException"/>. A new token set that cannot be saved
/// fails the renewal with <see cref="JiraTokenPersistenceException"/> (a credentials error, so no retry takes it for a
/// network failure); the set stays in use in memory and saving is tried again before the next call.
/// </remarks>
internal sealed class OAuth2TokenSource
{
    private readonly object _gate = new();
    private readonly Func<JiraOAuth2Tokens?, CancellationToken, Task<JiraOAuth2Tokens>> _renew;
    private readonly Func<JiraOAuth2Tokens, CancellationToken, Task>? _persist;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _skew;
    private volatile JiraOAuth2Tokens? _current;
    private Task<JiraOAuth2Tokens>? _inFlight;
    private JiraOAuth2Tokens? _unsaved;
    private Exception? _dead;
    private Func<CancellationToken, Task<JiraOAuth2Tokens?>>? _load;

    /// <param name="initial">The token set to start with, or <c>null</c> to obtain one on first use.</param>
    /// <param name="renew">Obtains a new token set from the current one (which may be <c>null</c>).</param>
    /// <param name="persist">Saves each new token set, after it is in use.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="skew">How long before expiry a token counts as expired.</param>
    /// <param name="load">Reads the first token set from storage when <paramref name="initial"/> is <c>null</c>.</param>
    internal OAuth2TokenSource(
        JiraOAuth2Tokens? initial,
        Func<JiraOAuth2Tokens?, CancellationToken, Task<JiraOAuth2Tokens>> renew,
        Func<JiraOAuth2Tokens, CancellationToken, Task>? persist,
        TimeProvider timeProvider,
        TimeSpan skew,
        Func<CancellationToken, Task<JiraOAuth2Tokens?>>? load = null)
    {
        _load = load;
        if (skew < TimeSpan.Zero) throw new JiraCredentialsException("The OAuth 2.0 refresh skew cannot be negative.");
        _current = initial;
        _renew = renew;
        _persist = persist;
        _timeProvider = timeProvider;
        _skew = skew;
    }

    /// <summary>Returns a token set that is not about to expire, renewing it first when needed.</summary>
    internal async ValueTask<JiraOAuth2Tokens> GetAsync(CancellationToken cancellationToken)
    {
        var tokens = _current;
        if (tokens is not null && IsFresh(tokens) && Volatile.Read(ref _unsaved) is null && Volatile.Read(ref _dead) is null) return tokens;
        return await RenewAsync(stale => stale is null || !IsFresh(stale), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Renews after the server rejected <paramref name="rejectedAccessToken"/>, unless another caller already replaced
    /// that token, in which case the newer one is simply used.
    /// </summary>
    internal async Task RenewAfterRejectionAsync(string? rejectedAccessToken, CancellationToken cancellationToken) =>
        await RenewAsync(current => current is null || current.AccessToken == rejectedAccessToken, cancellationToken).ConfigureAwait(false);

    private async Task<JiraOAuth2Tokens> RenewAsync(Func<JiraOAuth2Tokens?, bool> stillNeeded, CancellationToken cancellationToken)
    {
        Task<JiraOAuth2Tokens> shared;
        lock (_gate)
        {
            if (_dead is { } dead) throw dead;
            if (_inFlight is { } running)
            {
                shared = running;
            }
            else
            {
                var current = _current;
                if (_unsaved is null && current is not null && !stillNeeded(current)) return current;
                // Once started, a renewal is not cancelled: Atlassian may already have rotated the refresh token, and
                // dropping its answer would lose the only valid one. Waiters share it, failure included.
                shared = _inFlight = Task.Run(() => RenewOnceAsync(current));
            }
        }
#if NET8_0_OR_GREATER
        return await shared.WaitAsync(cancellationToken).ConfigureAwait(false);
#else
        if (!cancellationToken.CanBeCanceled) return await shared.ConfigureAwait(false);
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(() => cancelled.TrySetCanceled(cancellationToken)))
            await Task.WhenAny(shared, cancelled.Task).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return await shared.ConfigureAwait(false);
#endif
    }

    private async Task<JiraOAuth2Tokens> RenewOnceAsync(JiraOAuth2Tokens? current)
    {
        try
        {
            if (current is null && Interlocked.Exchange(ref _load, null) is { } load)
            {
                current = await load(CancellationToken.None).ConfigureAwait(false);
                _current = current;
                if (current is not null && IsFresh(current)) return current;
            }
            var renewed = Volatile.Read(ref _unsaved) ?? await RenewOrDieAsync(current).ConfigureAwait(false);
            _current = renewed;
            if (_persist is not null)
            {
                Volatile.Write(ref _unsaved, renewed);
                try
                {
                    await _persist(renewed, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception failure)
                {
                    throw new JiraTokenPersistenceException(
                        "The renewed OAuth 2.0 tokens could not be saved; Atlassian has rotated the refresh token, so it would be lost on restart. The call fails until saving succeeds: " + failure.Message,
                        failure);
                }
                Volatile.Write(ref _unsaved, null);
            }
            return renewed;
        }
        finally
        {
            lock (_gate) _inFlight = null;
        }
    }

    private async Task<JiraOAuth2Tokens> RenewOrDieAsync(JiraOAuth2Tokens? current)
    {
        try
        {
            return await _renew(current, CancellationToken.None).ConfigureAwait(false);
        }
        catch (JiraReauthorizationRequiredException dead)
        {
            // invalid_grant (or no refresh token at all): asking again can only fail the same way.
            Volatile.Write(ref _dead, dead);
            throw;
        }
    }

    private bool IsFresh(JiraOAuth2Tokens tokens) =>
        tokens.ExpiresAt == DateTimeOffset.MaxValue || _timeProvider.GetUtcNow() < tokens.ExpiresAt - _skew;
}
