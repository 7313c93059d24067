using System.Diagnostics;

namespace JiraSdk.Http;

/// <summary>The tracing source of the SDK: one activity per Jira call, retries and redirects included.</summary>
public static class JiraTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/>; subscribe to it (e.g. OpenTelemetry <c>AddSource("JiraSdk")</c>).</summary>
    public const string ActivitySourceName = "JiraSdk";

    /// <summary>
    /// The name of the SDK's <see cref="System.Diagnostics.Metrics.Meter"/>: <c>jira.client.requests</c>,
    /// <c>jira.client.retries</c>, <c>jira.client.rate_limit.waits</c> (seconds) and <c>jira.client.rate_limit.remaining</c>.
    /// </summary>
    public const string MeterName = "JiraSdk";

    internal static readonly ActivitySource Source = new(ActivitySourceName, typeof(JiraTelemetry).Assembly.GetName().Version?.ToString());
}
