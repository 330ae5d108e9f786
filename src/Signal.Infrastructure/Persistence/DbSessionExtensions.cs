using Dapper;

namespace Signal.Infrastructure.Persistence;

/// <summary>Dapper calls through the session, so every statement of a command joins its transaction.</summary>
internal static class DbSessionExtensions
{
    /// <summary>A write; the audit events of the changes recorded so far travel with it.</summary>
    public static async Task<int> ExecuteAsync(this DbSession session, string sql, object parameters, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var (withEvents, allParameters) = session.WithRecordedChanges(sql, parameters);
        return await connection.ExecuteAsync(new CommandDefinition(withEvents, allParameters, session.Transaction, cancellationToken: cancellationToken));
    }

    public static async Task<IReadOnlyList<T>> QueryAsync<T>(this DbSession session, string sql, object parameters, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, session.Transaction, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public static async Task<T?> QuerySingleOrDefaultAsync<T>(this DbSession session, string sql, object parameters, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<T>(
            new CommandDefinition(sql, parameters, session.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>A page of rows and the total, both from one round trip (two statements).</summary>
    public static async Task<(IReadOnlyList<T> Rows, int Total)> QueryPageAsync<T>(
        this DbSession session, string countSql, string pageSql, object parameters, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(
            new CommandDefinition(countSql + ";\n" + pageSql, parameters, session.Transaction, cancellationToken: cancellationToken));
        var total = await results.ReadSingleAsync<long>();
        var rows = (await results.ReadAsync<T>()).AsList();
        return (rows, (int)total);
    }

    /// <summary>
    /// Runs several statements in one round trip and reads the result of the last (the others return one row each, or
    /// none). A write too: the audit events of the changes recorded so far travel with it, after its statements.
    /// </summary>
    public static async Task<IReadOnlyList<T>> QueryLastAsync<T>(this DbSession session, string sql, object parameters, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var (withEvents, allParameters) = session.WithRecordedChanges(sql, parameters);
        await using var results = await connection.QueryMultipleAsync(
            new CommandDefinition(withEvents, allParameters, session.Transaction, cancellationToken: cancellationToken));
        IReadOnlyList<T> rows = [];
        while (!results.IsConsumed)
        {
            rows = (await results.ReadAsync<T>()).AsList();
        }

        return rows;
    }

    /// <summary>Escapes LIKE wildcards so that user input matches literally (with <c>ESCAPE '\'</c>).</summary>
    public static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
