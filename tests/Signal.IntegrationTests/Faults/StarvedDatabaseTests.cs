using System.Net;
using Npgsql;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.Pipelines;

namespace Signal.IntegrationTests.Faults;

/// <summary>
/// The database is there but cannot serve in time: every pooled connection is held by a request waiting on a row lock,
/// or a statement runs past its timeout. The API answers 503 problems (after the pool wait, not after a hang), and the
/// blocked writes complete once the lock is released.
/// </summary>
[Collection(PostgresFaults.Name)]
public sealed class StarvedDatabaseTests(StarvedDatabaseTests.TightApiFactory factory)
    : ApiTest<StarvedDatabaseTests.TightApiFactory>(factory), IClassFixture<StarvedDatabaseTests.TightApiFactory>
{
    private const string ApplicationName = "signal-starved-test";

    /// <summary>Two pooled connections, a one-second wait for one, and statements cancelled after three seconds.</summary>
    public sealed class TightApiFactory : SignalApiFactory
    {
        protected override string ConnectionString =>
            $"{TestSettings.ConnectionString};Maximum Pool Size=2;Timeout=1;Options=-c statement_timeout=3000;Application Name={ApplicationName}";
    }

    [Fact]
    public async Task AnExhaustedPool_Is503_AndTheWaitingWritesFinishOnceFreed()
    {
        var client = Factory.CreateClient("org_test", "editor");
        var id = (await client.CreatePipelineAsync("""{"name":"Contended"}""")).Id();
        await using var locker = await LockPipelineAsync(id);

        var blocked = Enumerable.Range(1, 2).Select(i => client.PutJsonAsync($"{PipelineApi.PipelinesPath}/{id}", $$"""{"rate_limit_rps":{{i}}}""")).ToList();
        await WaitForLockWaitersAsync(2);
        using var starved = await client.GetAsync(new Uri(PipelineApi.PipelinesPath, UriKind.Relative));
        await locker.ReleaseAsync();

        await starved.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "database_unavailable");
        foreach (var write in blocked)
        {
            using var response = await write;
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }

        await Invariants.ShouldHoldAsync();
    }

    [Fact]
    public async Task AStatementTimeout_Is503_AndChangesNothing()
    {
        var client = Factory.CreateClient("org_test", "editor");
        var id = (await client.CreatePipelineAsync("""{"name":"Slow"}""")).Id();
        await using var locker = await LockPipelineAsync(id);

        using var timedOut = await client.PutJsonAsync($"{PipelineApi.PipelinesPath}/{id}", """{"rate_limit_rps":7}""");
        await locker.ReleaseAsync();

        await timedOut.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "database_unavailable");
        (await Db.ScalarAsync<int>("SELECT rate_limit_rps FROM pipelines WHERE id = @id", new { id })).Should().Be(1000);
        await Invariants.ShouldHoldAsync();
    }

    private static async Task<RowLock> LockPipelineAsync(string id)
    {
        var connection = new NpgsqlConnection(TestSettings.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("SELECT 1 FROM pipelines WHERE id = $1 FOR UPDATE", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await command.ExecuteNonQueryAsync();
        return new RowLock(connection, transaction);
    }

    private static async Task WaitForLockWaitersAsync(int count)
    {
        for (var wait = 0; await Db.ScalarAsync<long>(
            $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{ApplicationName}' AND wait_event_type = 'Lock'") < count; wait++)
        {
            wait.Should().BeLessThan(200, "both writes reach the row lock within seconds");
            await Task.Delay(10);
        }
    }

    /// <summary>A transaction of the test's own that holds a row lock until released.</summary>
    private sealed class RowLock(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public Task ReleaseAsync() => transaction.RollbackAsync();

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
