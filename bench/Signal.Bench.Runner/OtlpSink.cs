using System.Net;

namespace Signal.Bench.Runner;

/// <summary>
/// Stands in for an OpenTelemetry collector on loopback: accepts every OTLP/HTTP export and answers 200, so the
/// product pays what exporting costs it (spans of every request and its SQL, periodic metrics) without a real
/// collector on the machine.
/// </summary>
public sealed class OtlpSink : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private long _exports;

    public OtlpSink(int port)
    {
        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _serving = ServeAsync();
    }

    public string Endpoint { get; }

    /// <summary>How many export requests (trace batches, metric collections) arrived.</summary>
    public long Exports => Interlocked.Read(ref _exports);

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _serving.ContinueWith(_ => { }, TaskScheduler.Default);
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            await context.Request.InputStream.CopyToAsync(Stream.Null);
            Interlocked.Increment(ref _exports);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }
}
