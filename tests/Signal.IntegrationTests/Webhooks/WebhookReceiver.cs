using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Signal.IntegrationTests.Webhooks;

/// <summary>
/// A real HTTP receiver on 127.0.0.1 (Kestrel, a free port) that records every POST, whatever its path, and answers each
/// with the next of the responses it was given, then 200. Webhooks are sent to <see cref="Url"/>; an OTLP exporter
/// given <see cref="BaseUrl"/> posts to its <c>/v1/traces</c> and <c>/v1/metrics</c>.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _responses;

    private WebhookReceiver(WebApplication app, IEnumerable<Func<HttpContext, Task>> responses)
    {
        _app = app;
        _responses = new ConcurrentQueue<Func<HttpContext, Task>>(responses);
    }

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public string BaseUrl => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    public string Url => BaseUrl + "/hooks";

    /// <summary>A receiver that answers the first requests with <paramref name="statuses"/>, then 200.</summary>
    public static Task<WebhookReceiver> StartAsync(params int[] statuses) =>
        StartAsync(statuses.Select(status => (Func<HttpContext, Task>)(http => Answer(http, status))));

    public static async Task<WebhookReceiver> StartAsync(IEnumerable<Func<HttpContext, Task>> responses)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, responses);
        app.MapPost("/{**path}", async http =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            receiver.Received.Enqueue(new ReceivedWebhook(
                http.Request.Path, new HeaderDictionary(http.Request.Headers.ToDictionary(h => h.Key, h => h.Value)), body));
            await (receiver._responses.TryDequeue(out var respond) ? respond(http) : Answer(http, StatusCodes.Status200OK));
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Waits until <paramref name="count"/> requests have arrived.</summary>
    public async Task WaitForAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Received.Count < count)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task Answer(HttpContext http, int status)
    {
        http.Response.StatusCode = status;
        await http.Response.WriteAsync($"answered {status}");
    }
}

/// <summary>A request the receiver got: its path, its headers and its body, as sent.</summary>
public sealed record ReceivedWebhook(string Path, IHeaderDictionary Headers, string Body)
{
    public string Id => Headers["webhook-id"].ToString();

    public string Signature => Headers["webhook-signature"].ToString();
}
