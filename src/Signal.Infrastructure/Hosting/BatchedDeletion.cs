using Npgsql;

namespace Signal.Infrastructure.Hosting;

/// <summary>
/// Deletes the rows of a table whose timestamp column is at or before a cut-off, a batch per statement, so that no
/// statement holds many row locks; safe on several instances at once (a row is deleted once).
/// </summary>
public static class BatchedDeletion
{
    /// <summary>Deletes every row of <paramref name="table"/> with <paramref name="column"/> ≤ <paramref name="cutoff"/>; returns how many.</summary>
    /// <remarks><paramref name="table"/> and <paramref name="column"/> are the caller's constants, never input.</remarks>
    public static async Task<int> DeleteAsync(
        NpgsqlDataSource dataSource, string table, string column, DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken)
    {
        var sql = $"DELETE FROM {table} WHERE ctid = ANY (ARRAY(SELECT ctid FROM {table} WHERE {column} <= $1 LIMIT $2))";
        var total = 0;
        int deleted;
        do
        {
            await using var command = dataSource.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = cutoff });
            command.Parameters.Add(new NpgsqlParameter { Value = batchSize });
            deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == batchSize);

        return total;
    }
}
