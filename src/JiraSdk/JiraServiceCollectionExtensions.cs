using JiraSdk.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JiraSdk;

/// <summary>Registers <see cref="JiraClient"/> with dependency injection.</summary>
public static class JiraServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> (and of the options) <see cref="AddJiraClient(IServiceCollection, Action{JiraClientOptions})"/> registers.</summary>
    public const string HttpClientName = "JiraSdk";

    /// <summary>
    /// Registers <see cref="JiraClient"/> (transient, over a named <see cref="HttpClient"/> from IHttpClientFactory that
    /// carries the SDK pipeline) and its options.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the site URL, authentication and the rest of <see cref="JiraClientOptions"/>.</param>
    /// <returns>The HTTP client builder, to add handlers (they run inside the SDK's) or configure the primary handler.</returns>
    public static IHttpClientBuilder AddJiraClient(this IServiceCollection services, Action<JiraClientOptions> configure)
    {
        if (services is null) throw new ArgumentNullException(nameof(services));
        if (configure is null) throw new ArgumentNullException(nameof(configure));

        services.AddOptions<JiraClientOptions>(HttpClientName).Configure(configure);
        var builder = services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient((provider, httpClient) => OptionsOf(provider).ApplyTo(httpClient))
            .ConfigurePrimaryHttpMessageHandler(provider => OptionsOf(provider).CreatePrimaryHandler())
            .ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
            {
                var settings = OptionsOf(provider).ToPipelineSettings(provider.GetService<ILoggerFactory>());
                var ours = JiraHttpPipeline.CreateHandlers(settings);
                for (var i = 0; i < ours.Count; i++) handlers.Insert(i, ours[i]);
            })
            // IHttpClientFactory's own request logging must not write header values (Authorization).
            .RedactLoggedHeaders(_ => true);

        services.AddTransient(provider => new JiraClient(provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));
        return builder;
    }

    private static JiraClientOptions OptionsOf(IServiceProvider provider) =>
        provider.GetRequiredService<IOptionsMonitor<JiraClientOptions>>().Get(HttpClientName);
}
