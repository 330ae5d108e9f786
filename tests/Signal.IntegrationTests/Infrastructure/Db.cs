using Dapper;
using Npgsql;

namespace Signal.IntegrationTests.Infrastructure;

/// <summary>Raw SQL against the test database, to check what the API really stored.</summary>
public static class Db
{
    public static async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(TestSettings.ConnectionString);
        return (await connection.QueryAsync<T>(sql, parameters)).AsList();
    }

    public static async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(TestSettings.ConnectionString);
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    public static async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(TestSettings.ConnectionString);
        await connection.ExecuteAsync(sql, parameters);
    }

    /// <summary>Every row of every table in the public schema, as text: the place to look for leaked plaintext.</summary>
    public static async Task<string> DumpAllTablesAsync()
    {
        var tables = await QueryAsync<string>(
            "SELECT quote_ident(table_name) FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
        var dump = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            foreach (var row in await QueryAsync<string>($"SELECT t::text FROM {table} t"))
            {
                dump.AppendLine(row);
            }
        }

        return dump.ToString();
    }
}
