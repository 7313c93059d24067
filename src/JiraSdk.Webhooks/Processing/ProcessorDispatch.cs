using System.Reflection;
using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;

namespace JiraSdk.Webhooks.Processing;

/// <summary>
/// <see cref="JiraWebhookEventProcessor"/>'s dispatch table, derived once per process: for each event type the
/// <see cref="WebhookEventCatalog"/> declares, the processor's protected virtual <c>On…Async(TEvent, WebhookDeliveryContext,
/// CancellationToken)</c> method, called as an open-instance delegate (so a derived processor's override runs).
/// </summary>
internal sealed class ProcessorDispatch
{
    public delegate Task Handler(JiraWebhookEventProcessor processor, JiraWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken);

    private readonly Dictionary<Type, Handler> _byType;

    public static ProcessorDispatch Default { get; } = Build(WebhookEventCatalog.Default);

    private ProcessorDispatch(Dictionary<Type, Handler> byType, IReadOnlyList<Type> unhandled)
    {
        _byType = byType;
        Unhandled = unhandled;
    }

    /// <summary>The declared event types that have no method on the processor (a test keeps this empty).</summary>
    public IReadOnlyList<Type> Unhandled { get; }

    /// <summary>The event types that have a method.</summary>
    public IReadOnlyCollection<Type> Handled => _byType.Keys;

    public Handler? TryGet(Type eventType) => _byType.TryGetValue(eventType, out var handler) ? handler : null;

    /// <summary>The processor's methods that take exactly one concrete event type (with the context and token), by that type.</summary>
    public static IReadOnlyDictionary<Type, MethodInfo> EventMethods() =>
        typeof(JiraWebhookEventProcessor)
            .GetMethods(BindingFlags.Instance | BindingFlags.NonPublic)
            .Where(m => m.IsVirtual && m.IsFamily && m.ReturnType == typeof(Task) && m.Name.StartsWith("On", StringComparison.Ordinal))
            .Select(m => (Method: m, Parameters: m.GetParameters()))
            .Where(x => x.Parameters.Length == 3
                && x.Parameters[1].ParameterType == typeof(WebhookDeliveryContext)
                && x.Parameters[2].ParameterType == typeof(CancellationToken)
                && typeof(JiraWebhookEvent).IsAssignableFrom(x.Parameters[0].ParameterType)
                && !x.Parameters[0].ParameterType.IsAbstract
                && x.Parameters[0].ParameterType != typeof(UnknownWebhookEvent))
            .ToDictionary(x => x.Parameters[0].ParameterType, x => x.Method);

    private static ProcessorDispatch Build(WebhookEventCatalog catalog)
    {
        var methods = EventMethods();
        var byType = new Dictionary<Type, Handler>();
        var unhandled = new List<Type>();
        var adapt = typeof(ProcessorDispatch).GetMethod(nameof(Adapt), BindingFlags.Static | BindingFlags.NonPublic)!;
        foreach (var type in catalog.NamesByType.Keys)
        {
            if (methods.TryGetValue(type, out var method))
                byType.Add(type, (Handler)adapt.MakeGenericMethod(type).Invoke(null, new object[] { method })!);
            else
                unhandled.Add(type);
        }
        return new ProcessorDispatch(byType, unhandled);
    }

    private static Handler Adapt<TEvent>(MethodInfo method) where TEvent : JiraWebhookEvent
    {
        var typed = (Func<JiraWebhookEventProcessor, TEvent, WebhookDeliveryContext, CancellationToken, Task>)Delegate.CreateDelegate(
            typeof(Func<JiraWebhookEventProcessor, TEvent, WebhookDeliveryContext, CancellationToken, Task>), method);
        return (processor, webhookEvent, context, cancellationToken) => typed(processor, (TEvent)webhookEvent, context, cancellationToken);
    }
}
