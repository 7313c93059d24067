namespace JiraSdk.Auth;

/// <summary>
/// Holds the current OAuth 2.0 token set and renews it single-flight: however many requests find it expiring or
/// rejected at once, one renewal runs and the others wait for its result.
/// </summary>
internal sealed class OAuth2TokenSource : IDisposable
{
    private readonly SemaphoreSlim _renewal = new(1, 1);
    private readonly Func<JiraOAuth2Tokens?, CancellationToken, Task<JiraOAuth2Tokens>> _renew;
    private readonly Func<JiraOAuth2Tokens, CancellationToken, Task>? _persist;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _skew;
    private volatile JiraOAuth2Tokens? _current;

    /// <param name="initial">The token set to start with, or <c>null</c> to obtain one on first use.</param>
    /// <param name="renew">Obtains a new token set from the current one (which may be <c>null</c>).</param>
    /// <param name="persist">Saves each new token set, after it is in use.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="skew">How long before expiry a token counts as expired.</param>
    internal OAuth2TokenSource(
        JiraOAuth2Tokens? initial,
        Func<JiraOAuth2Tokens?, CancellationToken, Task<JiraOAuth2Tokens>> renew,
        Func<JiraOAuth2Tokens, CancellationToken, Task>? persist,
        TimeProvider timeProvider,
        TimeSpan skew)
    {
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
        if (tokens is not null && IsFresh(tokens)) return tokens;
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
        await _renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _current;
            if (current is not null && !stillNeeded(current)) return current;
            // Once started, a renewal is not cancelled: Atlassian may already have rotated the refresh token, and
            // dropping its answer would lose the only valid one.
            var renewed = await _renew(current, CancellationToken.None).ConfigureAwait(false);
            _current = renewed;
            if (_persist is not null) await _persist(renewed, CancellationToken.None).ConfigureAwait(false);
            return renewed;
        }
        finally
        {
            _renewal.Release();
        }
    }

    private bool IsFresh(JiraOAuth2Tokens tokens) =>
        tokens.ExpiresAt == DateTimeOffset.MaxValue || _timeProvider.GetUtcNow() < tokens.ExpiresAt - _skew;

    public void Dispose() => _renewal.Dispose();
}
