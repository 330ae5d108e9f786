using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Signal.Infrastructure.Persistence;
using Signal.Infrastructure.PipelineIntegrations;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Persistence;

/// <summary>The Dapper settings every repository relies on, proved against PostgreSQL itself.</summary>
[Collection(DatabaseTests.Name)]
public sealed class DapperRoundTripTests : IAsyncLifetime
{
    private NpgsqlConnection _connection = null!;

    public async Task InitializeAsync()
    {
        DapperConfiguration.Apply();
        _connection = new NpgsqlConnection(TestSettings.ConnectionString);
        await _connection.OpenAsync();
        await _connection.ExecuteAsync(
            "CREATE TEMP TABLE round_trip (id int PRIMARY KEY, happened_at timestamptz NOT NULL, payload jsonb)");
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task TimestampTz_RoundTripsAsUtcDateTimeOffset_WithMicroseconds()
    {
        var written = new DateTimeOffset(2026, 2, 25, 16, 30, 0, TimeSpan.FromHours(2)).AddTicks(1_234_560);
        await _connection.ExecuteAsync("INSERT INTO round_trip (id, happened_at) VALUES (1, @written)", new { written });

        var read = await _connection.QuerySingleAsync<RoundTripRow>(
            "SELECT id, happened_at, payload FROM round_trip WHERE id = 1");

        read.HappenedAt.Should().Be(written, "it is the same instant");
        read.HappenedAt.Offset.Should().Be(TimeSpan.Zero, "values come back in UTC");
        read.HappenedAt.UtcDateTime.Should().Be(new DateTime(2026, 2, 25, 14, 30, 0, DateTimeKind.Utc).AddTicks(1_234_560));
        var inDatabase = await _connection.ExecuteScalarAsync<string>(
            "SELECT to_char(happened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') FROM round_trip WHERE id = 1");
        inDatabase.Should().Be("2026-02-25 14:30:00.123456");
    }

    [Fact]
    public async Task Jsonb_RoundTripsAJsonObject_AndIsStoredAsJsonb()
    {
        var payload = new JsonObject
        {
            ["pixel_id"] = "1234567890",
            ["batch_size"] = 100,
            ["ratio"] = 0.25,
            ["hash_pii"] = true,
            ["nested"] = new JsonObject { ["list"] = new JsonArray(1, "two", null), ["émoji"] = "✓ ☃" },
            ["nothing"] = null,
        };
        await _connection.ExecuteAsync(
            "INSERT INTO round_trip (id, happened_at, payload) VALUES (2, now(), @payload)", new { payload });

        var read = await _connection.QuerySingleAsync<RoundTripRow>(
            "SELECT id, happened_at, payload FROM round_trip WHERE id = 2");

        JsonNode.DeepEquals(read.Payload, payload).Should().BeTrue(read.Payload?.ToJsonString());
        (await _connection.ExecuteScalarAsync<string>("SELECT jsonb_typeof(payload -> 'nested' -> 'list') FROM round_trip WHERE id = 2"))
            .Should().Be("array", "the column holds real jsonb that SQL can query");
        (await _connection.ExecuteScalarAsync<int>("SELECT (payload ->> 'batch_size')::int FROM round_trip WHERE id = 2"))
            .Should().Be(100);
    }

    [Fact]
    public async Task SnakeCaseColumns_MapOntoPascalCaseProperties()
    {
        await _connection.ExecuteAsync("INSERT INTO round_trip (id, happened_at) VALUES (3, now())");

        var read = await _connection.QuerySingleAsync<RoundTripRow>("SELECT id, happened_at, payload FROM round_trip WHERE id = 3");

        read.Id.Should().Be(3);
        read.HappenedAt.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        read.Payload.Should().BeNull();
    }

    private sealed class RoundTripRow
    {
        public int Id { get; init; }

        public DateTimeOffset HappenedAt { get; init; }

        public JsonObject? Payload { get; init; }
    }

    [Fact]
    public void EveryRowType_IsReadStrictly()
    {
        var rowTypes = StrictColumnMap.RowTypes().ToList();

        rowTypes.Select(t => t.Name).Should().Contain(["TemplateRow", "RevisionRow", "PipelineRow", "ResponseRow", "PinnedConfigRow"]);
        rowTypes.Should().OnlyContain(t => SqlMapper.GetTypeMap(t) is StrictColumnMap);
    }

    [Fact]
    public async Task AColumnWithNoPropertyOnARowType_IsAnError_NotADroppedValue()
    {
        var read = () => _connection.QuerySingleAsync<PipelineIntegrationSql.UsageRow>("""
            SELECT 'pip_1' AS pipeline_id, 'Web' AS pipeline_name, 'pi_1' AS pipeline_integration_id,
                   'rev_1' AS revision_id, 1 AS revision_no, true AS enabled
            """);

        (await read.Should().ThrowAsync<InvalidOperationException>()).WithMessage("Column 'revision_no' has no property on UsageRow*");
    }
}
