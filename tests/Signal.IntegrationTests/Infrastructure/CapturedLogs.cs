using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Signal.IntegrationTests.Infrastructure;

/// <summary>
/// Every log line the API writes, formatted, with exceptions — to prove that no secret is ever logged. Lines that look
/// like a secret (<see cref="SecretPatterns"/>) are kept aside too; every test ends by asserting there are none. Only the
/// newest lines are kept for reading, so that a long run (the million-request fuzz) does not hold every line it logged.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private const int KeptLines = 100_000;

    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _leaks = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines, _leaks);

    /// <summary>Fails with the offending lines if any log line since the last call held a secret.</summary>
    public void ShouldHaveLoggedNoSecret()
    {
        var leaks = new List<string>();
        while (_leaks.TryDequeue(out var line))
        {
            leaks.Add(line);
        }

        leaks.Should().BeEmpty("no secret, pipeline key secret, challenge token or bearer token may appear in a log line");
    }

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines, ConcurrentQueue<string> leaks) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
            var line = $"{logLevel} {category}: {formatter(state, exception)} {properties} {exception}";
            lines.Enqueue(line);
            while (lines.Count > KeptLines && lines.TryDequeue(out _))
            {
            }
            if (SecretPatterns.Find(line).Count > 0)
            {
                leaks.Enqueue(line);
            }
        }
    }
}
