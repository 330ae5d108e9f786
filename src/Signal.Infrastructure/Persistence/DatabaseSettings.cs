using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Signal.Infrastructure.Persistence;

/// <summary>The connection string with the pool defaults this service is tuned for, and the migration switch.</summary>
public sealed record DatabaseSettings(string ConnectionString, bool MigrateOnStartup)
{
    public static DatabaseSettings From(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("Signal");
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException(
                "ConnectionStrings:Signal is not set. Start the API with scripts/run (it provides a private PostgreSQL), "
                + "or set the environment variable ConnectionStrings__Signal.");
        }

        var builder = new NpgsqlConnectionStringBuilder(configured);

        // NpgsqlConnectionStringBuilder knows every keyword, so only the string itself tells what the operator set.
        var given = new DbConnectionStringBuilder { ConnectionString = configured }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", string.Empty, StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        // Defaults for a small box, each kept when the operator sets it: a small pool (PostgreSQL does best with few
        // busy connections), no ambient transactions, a short wait for a connection so that an exhausted pool fails
        // fast with 503, and no reset statement when a connection goes back to the pool: no code leaves session state
        // behind (locks and settings are transaction-scoped; the feed listener has a connection of its own), so the
        // reset would be pure cost. Automatic preparation is on: the service runs a few dozen distinct statements, and
        // a prepared one skips PostgreSQL's parsing on every execution. Prepared statements are still planned for their
        // values (plan_cache_mode): after five runs PostgreSQL would otherwise switch to one generic plan, and for the
        // pipeline search a plan that cannot see how rare the term is reads the whole label index — 1 ms became 10–14
        // (docs/performance.md).
        void Default(string[] keywords, Action set)
        {
            if (!keywords.Any(given.Contains))
            {
                set();
            }
        }

        Default(["MaximumPoolSize", "MaxPoolSize"], () => builder.MaxPoolSize = 16);
        Default(["Enlist"], () => builder.Enlist = false);
        Default(["Timeout"], () => builder.Timeout = 5);
        Default(["ApplicationName"], () => builder.ApplicationName = "signal-api");
        Default(["NoResetOnClose"], () => builder.NoResetOnClose = true);
        Default(["MaxAutoPrepare"], () => builder.MaxAutoPrepare = 64);
        Default(["Options"], () => builder.Options = "-c plan_cache_mode=force_custom_plan");

        return new DatabaseSettings(
            builder.ConnectionString,
            configuration.GetValue("Database:MigrateOnStartup", defaultValue: true));
    }
}
