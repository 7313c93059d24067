using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Parsing;
using JiraSdk.Webhooks.Processing;

namespace JiraSdk.Webhooks.Tests.Events;

/// <summary>Each event's wire name is declared once, on its type; the name map and the processor's dispatch follow from it.</summary>
public class WebhookEventDeclarationTests
{
    private static readonly WebhookEventCatalog Catalog = WebhookEventCatalog.Default;

    [Test]
    public void Every_event_type_of_the_sdk_declares_exactly_one_own_name_and_no_two_types_share_one()
    {
        var eventTypes = typeof(JiraWebhookEvent).Assembly.GetTypes()
            .Where(t => typeof(JiraWebhookEvent).IsAssignableFrom(t) && !t.IsAbstract && t != typeof(UnknownWebhookEvent))
            .ToList();

        Assert.That(Catalog.NamesByType.Keys, Is.EquivalentTo(eventTypes), "the catalog built, so every type has one own name and names are unique");
        Assert.That(eventTypes, Has.Count.EqualTo(58));
        Assert.That(Catalog.TypesByName, Has.Count.EqualTo(59), "58 names plus the legacy jira:worklog_updated");
        Assert.That(Catalog.TypeOf("jira:worklog_updated"), Is.EqualTo(typeof(WorklogUpdatedEvent)));
        Assert.That(Catalog.NamesByType[typeof(WorklogUpdatedEvent)], Is.EqualTo("worklog_updated"), "the legacy name is never the own one");
    }

    [JiraWebhookEvent("made_up_created")]
    private sealed class MadeUpEvent : JiraWebhookEvent;

    private sealed class NamelessEvent : JiraWebhookEvent;

    [JiraWebhookEvent("jira:issue_created")]
    private sealed class ImpostorEvent : JiraWebhookEvent;

    [JiraWebhookEvent("one_name")]
    [JiraWebhookEvent("other_name")]
    private sealed class TwoOwnNamesEvent : JiraWebhookEvent;

    [Test]
    public void A_type_without_a_name_or_two_types_with_one_name_fail_the_catalog()
    {
        Assert.That(WebhookEventCatalog.Build([typeof(MadeUpEvent), typeof(IssueCreatedEvent)]).TypeOf("made_up_created"), Is.EqualTo(typeof(MadeUpEvent)));

        var nameless = Assert.Throws<InvalidOperationException>(() => WebhookEventCatalog.Build([typeof(NamelessEvent)]))!;
        Assert.That(nameless.Message, Does.Contain("NamelessEvent declares 0 webhook event names"));
        var shared = Assert.Throws<InvalidOperationException>(() => WebhookEventCatalog.Build([typeof(IssueCreatedEvent), typeof(ImpostorEvent)]))!;
        Assert.That(shared.Message, Does.Contain("'jira:issue_created'").And.Contain("ImpostorEvent").And.Contain("IssueCreatedEvent"));
        var two = Assert.Throws<InvalidOperationException>(() => WebhookEventCatalog.Build([typeof(TwoOwnNamesEvent)]))!;
        Assert.That(two.Message, Does.Contain("TwoOwnNamesEvent declares 2"));
    }

    [Test]
    public void The_public_name_constants_are_exactly_the_declared_names()
    {
        var constants = typeof(WebhookEventNames).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.That(constants, Is.Unique);
        Assert.That(constants, Is.EquivalentTo(Catalog.TypesByName.Keys));
    }

    [Test]
    public void Every_declared_event_has_one_processor_method_and_every_event_method_a_declared_event()
    {
        Assert.That(ProcessorDispatch.Default.Unhandled, Is.Empty);
        Assert.That(ProcessorDispatch.EventMethods().Keys, Is.EquivalentTo(Catalog.NamesByType.Keys));
        foreach (var (type, method) in ProcessorDispatch.EventMethods())
            Assert.That(method.Name, Is.EqualTo("On" + type.Name.Substring(0, type.Name.Length - "Event".Length) + "Async"), type.Name);
    }

    private sealed class OverridingProcessor : JiraWebhookEventProcessor
    {
        public List<string> Calls { get; } = new();

        protected override Task OnIssueCreatedAsync(IssueCreatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
        {
            Calls.Add("created " + webhookEvent.WebhookEventName);
            return Task.CompletedTask;
        }

        protected override Task OnWorklogUpdatedAsync(WorklogUpdatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
        {
            Calls.Add("worklog " + webhookEvent.WebhookEventName);
            return Task.CompletedTask;
        }

        protected override Task OnUnknownEventAsync(UnknownWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
        {
            Calls.Add("unknown " + webhookEvent.WebhookEventName);
            return Task.CompletedTask;
        }

        protected override Task OnUnhandledEventAsync(JiraWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
        {
            Calls.Add("unhandled " + webhookEvent.GetType().Name);
            return Task.CompletedTask;
        }
    }

    [Test]
    public async Task Dispatch_reaches_the_overrides_for_own_and_legacy_names_unknown_names_and_foreign_types()
    {
        var parser = new JiraWebhookParser();
        var processor = new OverridingProcessor();
        var context = new WebhookDeliveryContext("id");
        foreach (var name in new[] { "jira:issue_created", "jira:issue_updated", "worklog_updated", "jira:worklog_updated", "brand_new" })
            await processor.HandleAsync(parser.Parse(Fixture.Json($$"""{"webhookEvent":"{{name}}"}""")), context, default);
        await processor.HandleAsync(new MadeUpEvent(), context, default);

        Assert.That(processor.Calls, Is.EqualTo(new[]
        {
            "created jira:issue_created", "worklog worklog_updated", "worklog jira:worklog_updated", "unknown brand_new", "unhandled MadeUpEvent",
        }));
    }
}
