using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Signal.Application;
using Signal.Application.Common.Abstractions;
using Signal.Infrastructure;
using Signal.Infrastructure.Persistence;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Persistence;

/// <summary>
/// The request's session is disposed once, and disposing it again is harmless. Npgsql reuses one transaction object per
/// physical connection, so a second disposal that still held the transaction rolled back whichever request had taken
/// the connection from the pool in between — and that request's later statements ran outside any transaction.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class UnitOfWorkDisposalTests : IAsyncLifetime
{
    private const string RaceOrg = "org_uow_race";

    public Task InitializeAsync() => Db.ExecuteAsync("DELETE FROM idempotency_keys WHERE org_id = @RaceOrg", new { RaceOrg });

    public Task DisposeAsync() => InitializeAsync();

    [Fact]
    public async Task AScopeResolvingSessionAndUnitOfWork_CapturesTheSessionForDisposalOnce()
    {
        await using var provider = BuildInfrastructure(maxPoolSize: 2);
        await using var scope = provider.CreateAsyncScope();

        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();

        unitOfWork.Should().NotBeAssignableTo<IAsyncDisposable>().And.NotBeAssignableTo<IDisposable>();
        CapturedForDisposal(scope).Count(d => ReferenceEquals(d, session)).Should().Be(1);
    }

    [Fact]
    public async Task DisposingTheSessionTwice_LeavesTheNextOwnerOfItsConnectionAlone()
    {
        await using var provider = BuildInfrastructure(maxPoolSize: 1); // one physical connection: B gets A's
        var dataSource = provider.GetRequiredService<NpgsqlDataSource>();

        var first = TestSessions.New(dataSource);
        await first.BeginAsync(CancellationToken.None);
        await first.DisposeAsync(); // rolls back, returns the connection

        await using var second = TestSessions.New(dataSource);
        await second.BeginAsync(CancellationToken.None);
        var before = await TransactionIdAsync(second);
        await first.DisposeAsync(); // the stale call
        var after = await TransactionIdAsync(second);
        await second.CommitAsync(CancellationToken.None);

        after.Should().Be(before, "the second request's transaction must survive the first one's stale disposal");
    }

    /// <summary>
    /// Shaped like the reproduction: workers on a small pool that begin, write, read, and either commit or leave without
    /// committing (as a request that fails with a 4xx does). Every committed row is there, no uncommitted one is, and no
    /// statement ran outside its own transaction.
    /// </summary>
    [Fact]
    public async Task ConcurrentUnitsOfWork_NeverShareAConnection()
    {
        const int Workers = 16;
        await using var provider = BuildInfrastructure(maxPoolSize: 4);
        var committed = new ConcurrentBag<string>();
        var failures = new ConcurrentQueue<string>();
        var until = DateTime.UtcNow.AddSeconds(4);

        var workers = Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; DateTime.UtcNow < until && failures.IsEmpty; i++)
            {
                var key = $"w{worker}-{i}";
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    if (await RunUnitOfWorkAsync(provider, key, commit: i % 2 == 0, timeout.Token))
                    {
                        committed.Add(key);
                    }
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ObjectDisposedException
                    or IndexOutOfRangeException or OperationCanceledException)
                {
                    failures.Enqueue($"{key}: {e.GetType().Name}: {e.Message}");
                }
            }
        })));

        // A connection shared by two requests can also leave both waiting for a reply that never comes.
        (await Task.WhenAny(workers, Task.Delay(TimeSpan.FromSeconds(30)))).Should().BeSameAs(workers,
            "no unit of work hangs (failures before it: {0})", string.Join("; ", failures));

        failures.Should().BeEmpty();
        var stored = await Db.QueryAsync<string>("SELECT key FROM idempotency_keys WHERE org_id = @RaceOrg", new { RaceOrg });
        committed.Should().NotBeEmpty();
        stored.Except(committed).Should().BeEmpty("a unit of work that did not commit stored nothing");
        committed.Except(stored).Should().BeEmpty("every committed unit of work is stored");
        await Invariants.ShouldHoldAsync();
    }

    /// <summary>One request's worth of work in its own scope; true when it committed.</summary>
    private static async Task<bool> RunUnitOfWorkAsync(ServiceProvider provider, string key, bool commit, CancellationToken cancellationToken)
    {
        await using var scope = provider.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();

        await unitOfWork.BeginAsync(cancellationToken);
        var transactionId = await TransactionIdAsync(session, cancellationToken);
        await session.ExecuteAsync(
            """
            INSERT INTO idempotency_keys (org_id, user_id, operation, key, fingerprint, response_ciphertext, created_at)
            VALUES (@RaceOrg, 'user_race', 'race', @key, 'f', 'r', now())
            """,
            new { RaceOrg, key },
            cancellationToken);
        if (await TransactionIdAsync(session, cancellationToken) != transactionId)
        {
            throw new InvalidOperationException("a statement ran outside the unit of work's transaction");
        }

        if (!commit)
        {
            return false; // leaves without committing: the scope's disposal rolls back
        }

        await unitOfWork.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task<long> TransactionIdAsync(DbSession session, CancellationToken cancellationToken = default) =>
        await session.QuerySingleOrDefaultAsync<long>("SELECT txid_current()", new { }, cancellationToken);

    /// <summary>The production registrations of the Application and Infrastructure layers over the test database.</summary>
    private static ServiceProvider BuildInfrastructure(int maxPoolSize)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Signal"] = $"{TestSettings.ConnectionString};Maximum Pool Size={maxPoolSize};Application Name=signal-uow-test",
            ["Secrets:MasterKeys:test1"] = TestSettings.MasterKey,
            ["Secrets:ActiveKeyId"] = "test1",
        }).Build();
        return new ServiceCollection().AddLogging().AddMetrics().AddApplication().AddInfrastructure(configuration)
            .AddScoped<IAuditContext, TestSessions.TestAuditContext>()
            .BuildServiceProvider(validateScopes: true);
    }

    /// <summary>
    /// What the container will dispose when <paramref name="scope"/> ends, one entry per capture. Read from the
    /// container's own list: it has no public API for it, and a change of its internals fails this test loudly.
    /// </summary>
    private static List<object> CapturedForDisposal(AsyncServiceScope scope)
    {
        var engineScope = scope.ServiceProvider;
        var property = engineScope.GetType().GetProperty("Disposables", BindingFlags.Instance | BindingFlags.NonPublic);
        property.Should().NotBeNull("the container keeps what it disposes in a 'Disposables' list");
        return ((IEnumerable<object>)property!.GetValue(engineScope)!).ToList();
    }
}
