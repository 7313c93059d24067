namespace JiraSdk.Http;

/// <summary>
/// A step of the SDK's own pipeline (<see cref="JiraHttpPipeline"/>): still a <see cref="DelegatingHandler"/>, but a call
/// passes from one such step to the next as a <see cref="ValueTask{TResult}"/> whose async state is pooled, so the chain
/// allocates one <see cref="Task"/> at its outer edge instead of one async state machine per step.
/// </summary>
/// <remarks>
/// Issue 13 (item 8) bounds the allocations of a typed GET; each awaiting <see cref="DelegatingHandler"/> cost about
/// 0.2 KB per call. A step's <see cref="SendStepAsync"/> is declared with
/// <c>[AsyncMethodBuilder(typeof(PooledValueTaskMethodBuilder&lt;&gt;))]</c> (.NET 6+), which reuses the state
/// between calls. The ValueTask is awaited exactly once, by the step outside it or by <see cref="SendAsync"/>.
/// </remarks>
internal abstract class PipelineHandler : DelegatingHandler
{
    /// <summary>The step's work; <see cref="SendInnerAsync"/> passes the request on.</summary>
    protected abstract ValueTask<HttpResponseMessage> SendStepAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <inheritdoc />
    protected sealed override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendStepAsync(request, cancellationToken).AsTask();

#if NET5_0_OR_GREATER
    /// <summary>
    /// Refused with <see cref="NotSupportedException"/>: the steps are asynchronous only, and <see cref="DelegatingHandler"/>'s
    /// own synchronous <c>Send</c> would pass the request straight to the next handler, so an <c>HttpClient.Send</c> would
    /// reach the network with no credentials, deadline, retry or error mapping.
    /// </summary>
    protected sealed override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new NotSupportedException(
            "JiraSdk's HTTP pipeline is asynchronous only: use HttpClient.SendAsync (a synchronous Send would skip its authentication, deadline, retries and error mapping).");
#endif

    /// <summary>The inner handler's answer: another step's ValueTask directly, any other handler's Task wrapped.</summary>
    protected ValueTask<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        InnerHandler is PipelineHandler next
            ? next.SendStepAsync(request, cancellationToken)
            : new ValueTask<HttpResponseMessage>(base.SendAsync(request, cancellationToken));

    /// <summary>The inner handler for shared logic written once over <see cref="IInnerSender"/> (authentication).</summary>
    protected InnerStep Inner => new(this);

    /// <summary>The inner handler as a delegate, for helpers that send on their own (the cloud id lookup).</summary>
    protected Task<HttpResponseMessage> SendInnerTaskAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    /// <summary>Sends through a step's inner handler, as <see cref="SendInnerAsync"/> does.</summary>
    protected readonly struct InnerStep(PipelineHandler step) : IInnerSender
    {
        public ValueTask<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            step.SendInnerAsync(request, cancellationToken);
    }
}

/// <summary>
/// Where shared send logic passes the request on: a struct, so logic generic over it calls the next handler without a
/// delegate or interface dispatch on the SDK's own pipeline.
/// </summary>
internal interface IInnerSender
{
    ValueTask<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken);
}

/// <summary>Sends through a delegate returning a <see cref="Task"/> (a plain <see cref="DelegatingHandler"/>'s inner handler).</summary>
internal readonly struct TaskSender(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send) : IInnerSender
{
    public ValueTask<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        new(send(request, cancellationToken));
}
