using JiraSdk.Webhooks.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Jira webhook endpoint.</summary>
public static class JiraWebhooksEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> to the Jira webhook receiver. It answers 204 once the handlers ran (or for
    /// a duplicate), 202 once the delivery queue stored it (<c>UseBackgroundProcessing</c>), 400 for a body that is not a webhook payload, 401 for a missing or wrong signature, 413 for a body over
    /// <see cref="JiraSdk.Webhooks.JiraWebhookOptions.MaxBodyBytes"/>, and 500 when a handler failed so that Jira retries.
    /// Call <c>services.AddJiraWebhooks(...)</c> first.
    /// </summary>
    public static IEndpointConventionBuilder MapJiraWebhooks(this IEndpointRouteBuilder endpoints, string pattern = "/jira/webhooks")
    {
        if (endpoints is null) throw new ArgumentNullException(nameof(endpoints));
        // A singleton (AddJiraWebhooks registers it), so it is resolved once here rather than on every delivery.
        var endpoint = endpoints.ServiceProvider.GetService<JiraWebhookEndpoint>()
            ?? throw new InvalidOperationException("Call services.AddJiraWebhooks(...) before app.MapJiraWebhooks(...).");
        return endpoints.MapPost(pattern, (RequestDelegate)endpoint.HandleAsync);
    }
}
