using System.Diagnostics.Metrics;
using Npgsql;
using Signal.Application.Audit;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Telemetry;
using Signal.Infrastructure.Audit;
using Signal.Infrastructure.Persistence;

namespace Signal.IntegrationTests.Infrastructure;

/// <summary>Sessions a test makes itself, outside any request: their audit events are the system's.</summary>
public static class TestSessions
{
    public static DbSession New(NpgsqlDataSource dataSource) =>
        new(dataSource, new AuditTrail(new TestAuditContext()), new SignalMetrics(new UnlistenedMeters()));

    /// <summary>Meters no exporter listens to: a test session's counts go nowhere.</summary>
    private sealed class UnlistenedMeters : IMeterFactory
    {
        public Meter Create(MeterOptions options) => new(options);

        public void Dispose()
        {
        }
    }

    public sealed class TestAuditContext : IAuditContext
    {
        public AuditActor Actor { get; } = new(AuditActor.System, "signal-tests", Role: null);

        public AuditRequestContext Request { get; } = new(null, null, null, null, null);
    }
}
