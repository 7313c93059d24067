using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;

namespace JiraSdk.Webhooks.Processing;

/// <summary>
/// Routes events to delegates by type: a delegate for <c>IssueUpdatedEvent</c> sees only updates, one for
/// <c>IssueWebhookEvent</c> sees every issue event, one for <see cref="JiraWebhookEvent"/> sees everything.
/// Register delegates before the first delivery; reading is thread-safe, registering is not.
/// </summary>
public sealed class DelegateWebhookHandler : IJiraWebhookHandler
{
    private readonly List<(Type EventType, Func<JiraWebhookEvent, WebhookDeliveryContext, CancellationToken, Task> Handle)> _routes = new();

    /// <summary>Adds a delegate for events of type <typeparamref name="TEvent"/> and its subtypes.</summary>
    public DelegateWebhookHandler On<TEvent>(Func<TEvent, WebhookDeliveryContext, CancellationToken, Task> handler)
        where TEvent : JiraWebhookEvent
    {
        if (handler is null) throw new ArgumentNullException(nameof(handler));
        _routes.Add((typeof(TEvent), (e, context, token) => handler((TEvent)e, context, token)));
        return this;
    }

    /// <summary>How many delegates are registered.</summary>
    public int Count => _routes.Count;

    /// <inheritdoc />
    public async Task HandleAsync(JiraWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
    {
        if (webhookEvent is null) throw new ArgumentNullException(nameof(webhookEvent));
        foreach (var (eventType, handle) in _routes)
        {
            if (eventType.IsInstanceOfType(webhookEvent))
                await handle(webhookEvent, context, cancellationToken).ConfigureAwait(false);
        }
    }
}
