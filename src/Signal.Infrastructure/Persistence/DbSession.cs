using System.Data;
using Npgsql;

namespace Signal.Infrastructure.Persistence;

/// <summary>
/// The request's connection and, for a command, its transaction. Repositories run their SQL through it; disposing it
/// without a commit rolls everything back. The unit of work (<see cref="DbSessionUnitOfWork"/>) begins and commits it.
/// </summary>
public sealed class DbSession(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    private NpgsqlConnection? _connection;
    private List<Action>? _afterCommit;

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

    /// <summary>
    /// Runs <paramref name="action"/> once the current transaction has committed, and never if it rolls back; outside a
    /// transaction (where every statement commits as it runs) at once. For what may only be remembered once it is durable.
    /// </summary>
    public void AfterCommit(Action action)
    {
        if (Transaction is null)
        {
            action();
            return;
        }

        (_afterCommit ??= []).Add(action);
    }

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        Transaction = await connection.BeginTransactionAsync(cancellationToken);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var transaction = Transaction ?? throw new InvalidOperationException("No unit of work was begun.");
        await transaction.CommitAsync(cancellationToken);
        Transaction = null;
        await transaction.DisposeAsync();
        var committed = _afterCommit;
        _afterCommit = null;
        committed?.ForEach(action => action());
    }

    /// <summary>
    /// Rolls back what was not committed and returns the connection to the pool. Safe to call more than once: the
    /// fields are cleared before anything is awaited, because Npgsql reuses one transaction object per physical
    /// connection — a second disposal that still held it would roll back whichever request has the connection next.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        var (transaction, connection) = (Transaction, _connection);
        (Transaction, _connection, _afterCommit) = (null, null, null);
        if (transaction is not null)
        {
            await transaction.DisposeAsync();
        }

        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }
}
