namespace JiraSdk.Serialization;

/// <summary>
/// Attaches <see cref="JiraSchemaDiagnostics"/> to each request (redirect hops carry it along), so
/// the generated clients report there when they read the response. <c>JiraClient</c>'s pipeline includes one; add it
/// yourself only to an <see cref="HttpClient"/> built without that pipeline.
/// </summary>
public sealed class JiraSchemaDiagnosticsHandler : DelegatingHandler
{
    private readonly JiraSchemaDiagnostics _diagnostics;

    /// <summary>Creates the handler.</summary>
    /// <param name="diagnostics">Where mismatches are reported, and whether they fail the call.</param>
    public JiraSchemaDiagnosticsHandler(JiraSchemaDiagnostics diagnostics) =>
        _diagnostics = diagnostics ?? throw new ArgumentNullException(nameof(diagnostics));

    /// <inheritdoc />
    /// <remarks>
    /// A redirect hop the SDK follows is a copy of the request with its options, so the diagnostics travel with it; no
    /// work is left for the way back.
    /// </remarks>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Http.RequestProperties.SetSchemaDiagnostics(request, _diagnostics);
        return base.SendAsync(request, cancellationToken);
    }
}
