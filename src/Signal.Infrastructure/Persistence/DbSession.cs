using System.Data;
using Npgsql;
using Signal.Application.Common.Abstractions;

namespace Signal.Infrastructure.Persistence;

/// <summary>
/// The request's connection and, for a command, its transaction (the unit of work). Repositories run their SQL
/// through it; disposing it without a commit rolls everything back.
/// </summary>
public sealed class DbSession(NpgsqlDataSource dataSource) : IUnitOfWork, IAsyncDisposable
{
    private NpgsqlConnection? _connection;

    public NpgsqlTransaction? Transaction { get; private set; }

    /// <summary>
    /// The request's connection, opened on first use. Outside a transaction a connection that broke is replaced, so a
    /// retried read runs on a fresh one; inside a transaction the failure stands (the work done so far is gone).
    /// </summary>
    public async ValueTask<NpgsqlConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is { State: not ConnectionState.Open } && Transaction is null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }

        return _connection ??= await dataSource.OpenConnectionAsync(cancellationToken);
    }

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        Transaction = await connection.BeginTransactionAsync(cancellationToken);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await Transaction!.CommitAsync(cancellationToken);
        await Transaction.DisposeAsync();
        Transaction = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (Transaction is not null)
        {
            await Transaction.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
