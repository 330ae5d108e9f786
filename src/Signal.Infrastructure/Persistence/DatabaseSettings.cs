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

        // Defaults for a small box, each kept when the operator sets it: a small pool (PostgreSQL does best with few
        // busy connections), automatic preparation of hot statements (Dapper does not prepare), no ambient
        // transactions, and a short wait for a connection so that an exhausted pool fails fast with 503.
        SetIfAbsent(builder, "Maximum Pool Size", b => b.MaxPoolSize = 16);
        SetIfAbsent(builder, "Max Auto Prepare", b => b.MaxAutoPrepare = 64);
        SetIfAbsent(builder, "Auto Prepare Min Usages", b => b.AutoPrepareMinUsages = 2);
        SetIfAbsent(builder, "Enlist", b => b.Enlist = false);
        SetIfAbsent(builder, "Timeout", b => b.Timeout = 5);
        SetIfAbsent(builder, "Application Name", b => b.ApplicationName = "signal-api");

        return new DatabaseSettings(
            builder.ConnectionString,
            configuration.GetValue("Database:MigrateOnStartup", defaultValue: true));
    }

    private static void SetIfAbsent(
        NpgsqlConnectionStringBuilder builder,
        string keyword,
        Action<NpgsqlConnectionStringBuilder> set)
    {
        if (!builder.ContainsKey(keyword))
        {
            set(builder);
        }
    }
}
