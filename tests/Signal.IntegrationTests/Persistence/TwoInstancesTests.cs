using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Npgsql;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.Pipelines;

namespace Signal.IntegrationTests.Persistence;

/// <summary>
/// Two API hosts on one database, as two instances behind a load balancer: each queued collector build is built by
/// exactly one of them, they migrate a fresh database at the same time without harm, and after a change made through
/// either one both serve the same feed version and agree on 304s.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed partial class TwoInstancesTests(SignalApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task EachQueuedBuild_IsBuiltByExactlyOneInstance()
    {
        await using var first = new CollectorWorkerApiFactory();
        await using var second = new CollectorWorkerApiFactory();
        var instances = new[] { first, second };
        var pipelines = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
            (await instances[i % 2].CreateClient(Org, "editor").CreatePipelineAsync($$"""{"name":"Site {{i}}"}""")).Id()));

        await Task.WhenAll(pipelines.Select((id, i) => instances[i % 2].CreateClient(Org, "editor").BuildCollectorAsync(id)));

        var built = instances.SelectMany(instance => instance.Logs.Lines.Select(l => BuiltLine().Match(l)).Where(m => m.Success)
            .Select(m => m.Groups["build"].Value)).ToList();
        built.Should().HaveCount(20).And.OnlyHaveUniqueItems("a build claimed by one instance is skipped by the other");
        (await Db.ScalarAsync<long>("SELECT count(*) FROM collector_builds WHERE status = 'ready'")).Should().Be(20);
        foreach (var instance in instances)
        {
            instance.Logs.ShouldHaveLoggedNoSecret();
        }
    }

    [Fact]
    public async Task TwoInstancesStartingTogether_MigrateAFreshDatabaseOnce()
    {
        var database = $"signal_twin_{Guid.NewGuid():N}";
        await Db.ExecuteAsync($"CREATE DATABASE {database}");
        try
        {
            await using var first = new OtherDatabaseApiFactory(database);
            await using var second = new OtherDatabaseApiFactory(database);

            await Task.WhenAll(first.WaitUntilReadyAsync(TimeSpan.FromSeconds(60)), second.WaitUntilReadyAsync(TimeSpan.FromSeconds(60)));

            await using var connection = new NpgsqlConnection(first.ConnectionStringOfDatabase);
            await connection.OpenAsync();
            await using var journal = new NpgsqlCommand("SELECT count(*), count(DISTINCT scriptname) FROM schemaversions", connection);
            await using var reader = await journal.ExecuteReaderAsync();
            await reader.ReadAsync();
            reader.GetInt64(0).Should().Be(MigrationCount()).And.Be(reader.GetInt64(1), "each migration is applied once");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await Db.ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    [Fact]
    public async Task AfterAChangeOnEither_BothServeTheSameVersion_AndAgreeOn304()
    {
        // An organisation of its own: the long-lived host caches the data keys of org_test, which the reset between
        // tests deletes (production never deletes one); a second host could not open what the first encrypted with it.
        var org = $"org_twin_{Guid.NewGuid():N}";
        await using var other = new SignalApiFactory();
        var processorHere = Factory.CreateProcessorClient();
        var processorThere = other.CreateProcessorClient();
        var id = (await Factory.CreateClient(org, "editor").CreatePipelineAsync("""{"name":"Shared"}""")).Id();
        var before = await SameVersionOnBothAsync(processorHere, processorThere, previous: null);

        (await other.CreateClient(org, "editor").PutJsonAsync($"{PipelineApi.PipelinesPath}/{id}", """{"rate_limit_rps":5}"""))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        var after = await SameVersionOnBothAsync(processorHere, processorThere, previous: before);
        after.Should().NotBe(before);
        foreach (var processor in new[] { processorHere, processorThere })
        {
            using var notModified = await GetFeedAsync(processor, after);
            notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);
        }

        other.Logs.ShouldHaveLoggedNoSecret();
    }

    /// <summary>Polls both instances until each answers the feed with a version other than <paramref name="previous"/>
    /// (a 200, since the old ETag no longer matches), and returns that ETag, which must be the same on both.</summary>
    private static async Task<string> SameVersionOnBothAsync(HttpClient here, HttpClient there, string? previous)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var fromHere = await GetFeedAsync(here, previous);
            using var fromThere = await GetFeedAsync(there, previous);
            if (fromHere.StatusCode == HttpStatusCode.OK && fromThere.StatusCode == HttpStatusCode.OK)
            {
                fromHere.Headers.ETag!.Tag.Should().Be(fromThere.Headers.ETag!.Tag, "both instances read the same version");
                return fromHere.Headers.ETag.Tag;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, "NOTIFY (or the periodic re-read) tells every instance about a change; last answers: {0} {1}, {2} {3}",
                fromHere.StatusCode, await fromHere.Content.ReadAsStringAsync(), fromThere.StatusCode, await fromThere.Content.ReadAsStringAsync());
            await Task.Delay(50);
        }
    }

    private static Task<HttpResponseMessage> GetFeedAsync(HttpClient processor, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/processor/config");
        if (etag is not null)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag));
        }

        return processor.SendAsync(request);
    }

    private static long MigrationCount() => typeof(Signal.Infrastructure.DependencyInjection).Assembly.GetManifestResourceNames()
        .Count(n => n.Contains(".Migrations.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal));

    [GeneratedRegex("Built collector (?<build>bld_[a-z0-9]+) of")]
    private static partial Regex BuiltLine();
}
