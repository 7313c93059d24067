using System.Reflection;

namespace JiraSdk.Webhooks.Events;

/// <summary>
/// The webhook events this SDK types, derived once per process from the <see cref="JiraWebhookEventAttribute"/>
/// declarations on the event types: the <c>webhookEvent</c> name of each type and the type of each name (legacy names
/// included). Immutable after construction.
/// </summary>
internal sealed class WebhookEventCatalog
{
    private readonly Dictionary<string, Type> _typesByName;
    private readonly Dictionary<Type, string> _namesByType;

    /// <summary>The events of this assembly.</summary>
    public static WebhookEventCatalog Default { get; } = Build(typeof(JiraWebhookEvent).Assembly.GetTypes());

    private WebhookEventCatalog(Dictionary<string, Type> typesByName, Dictionary<Type, string> namesByType)
    {
        _typesByName = typesByName;
        _namesByType = namesByType;
    }

    /// <summary>Every name read when parsing, with the type it is read into.</summary>
    public IReadOnlyDictionary<string, Type> TypesByName => _typesByName;

    /// <summary>Each event type with its own (non-legacy) name.</summary>
    public IReadOnlyDictionary<Type, string> NamesByType => _namesByType;

    /// <summary>The type <paramref name="name"/> is read into, or <see langword="null"/> for a name the SDK does not type.</summary>
    public Type? TypeOf(string name) => _typesByName.TryGetValue(name, out var type) ? type : null;

    /// <summary>
    /// Builds a catalog from the concrete <see cref="JiraWebhookEvent"/> subtypes among <paramref name="types"/>
    /// (<see cref="UnknownWebhookEvent"/> aside: it stands for every name not declared).
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// A type declares no name, or more than one own name, or two types declare the same name: the message lists every problem.
    /// </exception>
    public static WebhookEventCatalog Build(IEnumerable<Type> types)
    {
        var typesByName = new Dictionary<string, Type>(StringComparer.Ordinal);
        var namesByType = new Dictionary<Type, string>();
        var problems = new List<string>();
        var eventTypes = types
            .Where(t => typeof(JiraWebhookEvent).IsAssignableFrom(t) && !t.IsAbstract && t != typeof(UnknownWebhookEvent))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in eventTypes)
        {
            var declared = type.GetCustomAttributes<JiraWebhookEventAttribute>(inherit: false).ToList();
            var own = declared.Where(d => !d.IsLegacyName).ToList();
            if (own.Count != 1)
            {
                problems.Add($"{type.Name} declares {own.Count} webhook event names; it needs exactly one [JiraWebhookEvent(\"…\")] that is not legacy.");
                continue;
            }
            foreach (var declaration in declared)
            {
                if (string.IsNullOrWhiteSpace(declaration.Name))
                    problems.Add($"{type.Name} declares an empty webhook event name.");
                else if (typesByName.TryGetValue(declaration.Name, out var other))
                    problems.Add($"{type.Name} and {other.Name} both declare the webhook event name '{declaration.Name}'.");
                else
                    typesByName.Add(declaration.Name, type);
            }
            namesByType.Add(type, own[0].Name);
        }
        if (problems.Count > 0)
            throw new InvalidOperationException("The webhook event declarations are inconsistent: " + string.Join(" ", problems));
        return new WebhookEventCatalog(typesByName, namesByType);
    }
}
