using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Signal.Application.Common.Abstractions;
using Signal.Infrastructure.Persistence;
using Signal.Infrastructure.Persistence.Migrations;

namespace Signal.Infrastructure.Processor;

/// <summary>
/// Keeps <see cref="IFeedVersion.Current"/> up to date without a query per request: <c>LISTEN signal_feed</c> on a
/// dedicated connection (the version is sent by the trigger that bumps it, at commit), plus a re-read every
/// <c>Feed:RefreshInterval</c> in case a notification was missed. Reconnects when the connection is lost.
/// </summary>
public sealed partial class FeedVersionListener(
    DatabaseSettings database, MigrationState schema, FeedSettings settings, ILogger<FeedVersionListener> logger)
    : BackgroundService, IFeedVersion
{
    public const string Channel = "signal_feed";
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private long _current = -1;

    public long? Current
    {
        get
        {
            var value = Interlocked.Read(ref _current);
            return value < 0 ? null : value;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The version lives in feed_state, which a first start creates: until then there is nothing to listen for.
        await schema.WaitUntilCurrentAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Until the next successful read, conditional requests fall back to building the feed.
                Interlocked.Exchange(ref _current, -1);
                LogListenFailed(e.Message);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        // Its own unpooled connection: a LISTENing session must never be handed to a request.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(stoppingToken);
        connection.Notification += (_, e) =>
        {
            if (long.TryParse(e.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                Advance(version);
            }
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        // Read after LISTEN so that no bump can fall between the two unseen; then live on notifications, re-reading
        // only when a whole interval passed since the last read (a notification carries the version it announces).
        await using var read = new NpgsqlCommand("SELECT version FROM feed_state", connection);
        var lastRead = Stopwatch.StartNew();
        Advance((long)(await read.ExecuteScalarAsync(stoppingToken))!);
        while (!stoppingToken.IsCancellationRequested)
        {
            var untilReread = settings.RefreshInterval - lastRead.Elapsed;
            if (untilReread > TimeSpan.Zero)
            {
                await connection.WaitAsync(untilReread, stoppingToken);
                continue;
            }

            Advance((long)(await read.ExecuteScalarAsync(stoppingToken))!);
            lastRead.Restart();
        }
    }

    private void Advance(long version)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref _current);
            if (version <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _current, version, current) != current);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed version listener lost its connection ({Reason}); reconnecting")]
    private partial void LogListenFailed(string reason);
}
