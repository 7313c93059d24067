using System.Net;
using JiraSdk.Errors;

namespace JiraSdk.Http;

/// <summary>
/// A streamed response body (a download the pipeline did not buffer) whose reads stay inside the call: each read ends at
/// the call's deadline with <see cref="JiraTimeoutException"/>, and a transport failure while reading becomes
/// <see cref="JiraNetworkException"/> naming the request. Disposing it ends the deadline's timer.
/// </summary>
internal sealed class GuardedBodyContent : StreamedBodyContent
{
    private readonly BodyGuard _guard;

    public GuardedBodyContent(HttpContent inner, BodyGuard guard) : base(inner)
    {
        _guard = guard;
    }

    protected override async Task<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        Stream inner;
        try
        {
#if NET5_0_OR_GREATER
            inner = await Inner.ReadAsStreamAsync(_guard.Deadline).ConfigureAwait(false);
#else
            inner = await Inner.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        }
        catch (Exception failure) when (_guard.Translate(failure, CancellationToken.None) is { } translated)
        {
            throw translated;
        }
        return new GuardedStream(inner, _guard);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _guard.Dispose();
        base.Dispose(disposing);
    }

    private sealed class GuardedStream : Stream
    {
        private readonly Stream _inner;
        private readonly BodyGuard _guard;

        public GuardedStream(Stream inner, BodyGuard guard)
        {
            _inner = inner;
            _guard = guard;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            using var linked = _guard.Link(cancellationToken);
            try
            {
                return await _inner.ReadAsync(buffer, offset, count, linked.Token).ConfigureAwait(false);
            }
            catch (Exception failure) when (_guard.Translate(failure, cancellationToken) is { } translated)
            {
                throw translated;
            }
        }

#if NET5_0_OR_GREATER
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            using var linked = _guard.Link(cancellationToken);
            try
            {
                return await _inner.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
            }
            catch (Exception failure) when (_guard.Translate(failure, cancellationToken) is { } translated)
            {
                throw translated;
            }
        }
#endif

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}

/// <summary>The deadline of one call, kept alive while its streamed body is read, and how body failures are reported.</summary>
internal sealed class BodyGuard : IDisposable
{
    private readonly CancellationTokenSource? _timer;
    private readonly TimeSpan _timeout;
    private readonly string _method;
    private readonly string? _path;

    public BodyGuard(CancellationTokenSource? timer, TimeSpan timeout, HttpRequestMessage request)
    {
        _timer = timer;
        _timeout = timeout;
        _method = request.Method.Method;
        _path = RequestDescription.PathOf(request);
    }

    public CancellationToken Deadline => _timer?.Token ?? CancellationToken.None;

    public CancellationTokenSource Link(CancellationToken cancellationToken) =>
        CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Deadline);

    /// <summary>The SDK's exception for a failure while reading, or <c>null</c> to let it pass (the caller cancelled).</summary>
    public Exception? Translate(Exception failure, CancellationToken callerToken)
    {
        if (failure is JiraException || callerToken.IsCancellationRequested) return null;
        if (failure is OperationCanceledException && _timer is { IsCancellationRequested: true })
            return new JiraTimeoutException($"Jira did not finish sending the response within {_timeout}.", _timeout, failure) { RequestMethod = _method, RequestPath = _path };
        if (failure is IOException or HttpRequestException)
            return JiraNetworkException.WhileReading(_method, _path, failure);
        return null;
    }

    public void Dispose() => _timer?.Dispose();
}
