using System.Reflection;
using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Parsing;
using JiraSdk.Webhooks.Processing;

namespace JiraSdk.Webhooks.Tests.Processing;

public class JiraWebhookEventProcessorTests
{
    /// <summary>Records when the unknown-event fallback is reached; a documented event must always land on its own method.</summary>
    private sealed class EveryMethodProcessor : JiraWebhookEventProcessor
    {
        public Type? Routed { get; private set; }

        public override Task HandleAsync(JiraWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
        {
            Routed = null;
            return base.HandleAsync(webhookEvent, context, cancellationToken);
        }

        protected override Task OnUnknownEventAsync(UnknownWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
        {
            Routed = typeof(UnknownWebhookEvent);
            return Task.CompletedTask;
        }
    }

    [Test]
    public void There_is_one_overridable_method_per_event_type()
    {
        var eventTypes = typeof(JiraWebhookEvent).Assembly.GetTypes()
            .Where(t => t.IsSealed && typeof(JiraWebhookEvent).IsAssignableFrom(t)).ToList();
        var methods = typeof(JiraWebhookEventProcessor).GetMethods(BindingFlags.Instance | BindingFlags.NonPublic)
            .Where(m => m.IsVirtual && m.Name.StartsWith("On", StringComparison.Ordinal)).ToList();

        foreach (var type in eventTypes)
            Assert.That(methods.Count(m => m.GetParameters()[0].ParameterType == type), Is.EqualTo(1), type.Name);
    }

    [Test]
    public async Task Every_documented_event_is_routed_to_its_method_and_never_to_the_unknown_one()
    {
        var parser = new JiraWebhookParser();
        var processor = new EveryMethodProcessor();
        var context = new WebhookDeliveryContext("id");
        foreach (var name in typeof(WebhookEventNames).GetFields().Select(f => (string)f.GetRawConstantValue()!))
        {
            await processor.HandleAsync(parser.Parse(Fixture.Json($$"""{"webhookEvent":"{{name}}"}""")), context, default);
            Assert.That(processor.Routed, Is.Null, name);
        }
        await processor.HandleAsync(parser.Parse(Fixture.Json("""{"webhookEvent":"brand_new"}""")), context, default);
        Assert.That(processor.Routed, Is.EqualTo(typeof(UnknownWebhookEvent)));
    }
}
