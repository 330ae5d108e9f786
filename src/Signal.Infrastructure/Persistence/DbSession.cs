using System.Data;
using Dapper;
using Npgsql;
using Signal.Application.Common.Telemetry;
using Signal.Domain.Audit;
using Signal.Infrastructure.Audit;

namespace Signal.Infrastructure.Persistence;

/// <summary>
/// The request's connection and, for a command, its transaction. Repositories run their SQL through it; disposing it
/// without a commit rolls everything back. The unit of work (<see cref="DbSessionUnitOfWork"/>) begins and commits it.
/// It also keeps the aggregates the repositories handed out or added (<see cref="Track{T}"/>) and writes the changes
/// they record as audit events: with the command's next write, or on their own just before the commit.
/// </summary>
public sealed class DbSession(NpgsqlDataSource dataSource, AuditTrail auditTrail, SignalMetrics metrics) : IAsyncDisposable
{
    private const string RolloutActionPrefix = "rollout.";

    private readonly List<AggregateRoot> _tracked = [];
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

    /// <summary>Keeps <paramref name="aggregate"/> so that the changes it records are written as audit events.</summary>
    public T Track<T>(T aggregate) where T : AggregateRoot
    {
        if (!_tracked.Contains(aggregate))
        {
            _tracked.Add(aggregate);
        }

        return aggregate;
    }

    /// <summary>
    /// <paramref name="sql"/> followed by the statements that append the changes recorded so far as audit events, and
    /// the parameters of both: one round trip for the change and its events. Unchanged when nothing was recorded.
    /// </summary>
    internal (string Sql, object Parameters) WithRecordedChanges(string sql, object parameters)
    {
        var changes = _tracked.SelectMany(aggregate => aggregate.TakeRecordedChanges()).ToList();
        if (changes.Count == 0)
        {
            return (sql, parameters);
        }

        CountRolloutTransitions(changes);
        var (auditSql, auditParameters) = auditTrail.Append(changes);
        var merged = new DynamicParameters(parameters);
        merged.AddDynamicParams(auditParameters);
        return (sql.Length == 0 ? auditSql : sql + ";\n" + auditSql, merged);
    }

    /// <summary>
    /// Every rollout transition, whichever command made it (a request or the worker), is exactly one <c>rollout.*</c>
    /// change written here: counting them once committed counts each transition once.
    /// </summary>
    private void CountRolloutTransitions(List<RecordedChange> changes)
    {
        foreach (var change in changes.Where(c => c.Action.StartsWith(RolloutActionPrefix, StringComparison.Ordinal)))
        {
            AfterCommit(() => metrics.RolloutTransitioned(change.Action[RolloutActionPrefix.Length..]));
        }
    }

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        Transaction = await connection.BeginTransactionAsync(cancellationToken);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var transaction = Transaction ?? throw new InvalidOperationException("No unit of work was begun.");
        var (pendingSql, pendingParameters) = WithRecordedChanges(string.Empty, new DynamicParameters());
        if (pendingSql.Length > 0)
        {
            var connection = await ConnectionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(pendingSql, pendingParameters, transaction, cancellationToken: cancellationToken));
        }

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
        _tracked.Clear();
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
