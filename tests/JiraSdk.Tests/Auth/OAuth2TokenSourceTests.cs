using JiraSdk.Auth;
using Microsoft.Extensions.Time.Testing;

namespace JiraSdk.Tests.Auth;

public class OAuth2TokenSourceTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Concurrent_rejections_of_the_same_token_renew_once_and_a_rejection_of_an_old_token_renews_nothing()
    {
        var renewals = 0;
        var gate = new TaskCompletionSource();
        var source = new OAuth2TokenSource(
            new JiraOAuth2Tokens("a0", "r0", Now.AddHours(1)),
            async (current, _) =>
            {
                var n = Interlocked.Increment(ref renewals);
                await gate.Task;
                return new JiraOAuth2Tokens("a" + n, "r" + n, Now.AddHours(1));
            },
            null, new FakeTimeProvider(Now), TimeSpan.FromMinutes(1));

        var rejections = Enumerable.Range(0, 10).Select(_ => source.RenewAfterRejectionAsync("a0", CancellationToken.None)).ToList();
        gate.SetResult();
        await Task.WhenAll(rejections);
        await source.RenewAfterRejectionAsync("a0", CancellationToken.None); // a late 401 for the old token

        Assert.That(renewals, Is.EqualTo(1));
        Assert.That((await source.GetAsync(CancellationToken.None)).AccessToken, Is.EqualTo("a1"));
    }

    [Test]
    public async Task A_cancelled_caller_does_not_cancel_a_started_refresh_so_the_rotated_token_is_kept_and_saved()
    {
        var answer = new TaskCompletionSource<JiraOAuth2Tokens>();
        var renewCouldBeCancelled = true;
        var saved = new List<JiraOAuth2Tokens>();
        var source = new OAuth2TokenSource(
            new JiraOAuth2Tokens("a0", "r0", Now.AddMinutes(-1)),
            (_, ct) =>
            {
                renewCouldBeCancelled = ct.CanBeCanceled;
                return answer.Task;
            },
            (t, _) =>
            {
                saved.Add(t);
                return Task.CompletedTask;
            },
            new FakeTimeProvider(Now), TimeSpan.FromMinutes(1));
        using var cancellation = new CancellationTokenSource();

        var pending = source.GetAsync(cancellation.Token).AsTask();
        cancellation.Cancel();
        // Since issue 13 the cancelled caller stops waiting at once; the renewal it started carries on for the others.
        Assert.That(async () => await pending, Throws.InstanceOf<OperationCanceledException>());
        answer.SetResult(new JiraOAuth2Tokens("a1", "r1", Now.AddHours(1)));

        Assert.That((await source.GetAsync(CancellationToken.None)).RefreshToken, Is.EqualTo("r1"));
        Assert.That(renewCouldBeCancelled, Is.False);
        Assert.That(saved.Select(t => t.RefreshToken), Is.EqualTo(new[] { "r1" }));
    }

    [Test]
    public void A_negative_skew_is_refused() =>
        Assert.That(() => new OAuth2TokenSource(null, (_, _) => Task.FromResult(new JiraOAuth2Tokens("a", null, Now)), null, new FakeTimeProvider(Now), TimeSpan.FromSeconds(-1)),
            Throws.TypeOf<JiraCredentialsException>());
}
