using System.Net.Sockets;
using Npgsql;
using Signal.Application.Common.Abstractions;
using Signal.Infrastructure.Persistence.Migrations;

namespace Signal.Infrastructure.Persistence;

public sealed class DatabaseHealth(NpgsqlDataSource dataSource, MigrationState migrationState) : IDatabaseHealth
{
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        if (!migrationState.IsCurrent)
        {
            return false;
        }

        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            command.CommandTimeout = 2;
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            DropIdleConnections();
            return false;
        }
    }

    public void DropIdleConnections() => dataSource.Clear();

    public bool IsConnectionLost(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // 08: connection exceptions; 57P01/57P02: the backend was terminated or the server shut down.
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState is "57P01" or "57P02";
                case TimeoutException:
                    return false;
                case IOException:
                case SocketException:
                    return true;
            }
        }

        return false;
    }

    // 22021: invalid byte sequence (NUL in text); 22P05: untranslatable character (\u0000 in jsonb).
    public bool IsUnstorableText(Exception exception) => exception is PostgresException { SqlState: "22021" or "22P05" };

    public bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // SQLSTATE classes 08 (connection), 53 (insufficient resources: too many connections, disk full) and
                // 57 (operator intervention: shutdown, statement timeout, terminated backend).
                // Until this instance has seen the schema current, a missing table means "not ready", not a bug.
                case PostgresException when !migrationState.IsCurrent:
                    return true;

                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || postgres.SqlState.StartsWith("57", StringComparison.Ordinal);

                // Npgsql's own errors without a server answer: connection refused or lost, pool exhausted, timeouts.
                case NpgsqlException:
                case SocketException:
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }
}
