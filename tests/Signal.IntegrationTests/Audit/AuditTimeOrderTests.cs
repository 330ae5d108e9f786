using Npgsql;
using Signal.Domain.Pipelines;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Audit;

/// <summary>
/// A chain is in time order, which the time filters rely on: a write that made its change first and committed second
/// is appended with the time of the event before it, and its hash covers that time as the API shows it.
/// </summary>
public sealed class AuditTimeOrderTests(SignalApiFactory factory) : ApiTest(factory)
{
    private static readonly DateTimeOffset Later = new(2026, 2, 25, 14, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0)]
    [InlineData(100_000)]
    [InlineData(1)]
    public async Task AChangeCommittedAfterALaterOne_TakesItsTime_AndTheChainVerifies(int microseconds)
    {
        var later = Later.AddTicks(microseconds * 10L);
        await using var dataSource = NpgsqlDataSource.Create(TestSettings.ConnectionString);
        await using var first = TestSessions.New(dataSource);
        await first.BeginAsync(default);
        first.Track(NewPipeline("pip_made_first", later.AddSeconds(-5)));

        await using (var second = TestSessions.New(dataSource))
        {
            await second.BeginAsync(default);
            second.Track(NewPipeline("pip_made_second", later));
            await second.CommitAsync(default);
        }

        await first.CommitAsync(default);

        var admin = Factory.CreateClient(Org, "owner");
        var events = (await admin.AuditPageAsync()).Events();
        events.Select(e => $"{e["resource_id"]} {e["occurred_at"]}").Should().Equal(
            $"pip_made_first {Wire(later)}", $"pip_made_second {Wire(later)}");
        (await admin.VerifyAsync()).ToJsonString().Should().Be("""{"verified":true,"events":2,"first_broken":null}""",
            "the database formats the time it hashes exactly as the API shows it");
        (await admin.AuditPageAsync($"?since={Uri.EscapeDataString(Wire(later))}")).Events().Should().HaveCount(2);
        (await admin.AuditPageAsync($"?until={Uri.EscapeDataString(Wire(later))}")).Events().Should().BeEmpty();
    }

    [Fact]
    public async Task TimeFilters_FindTheirRange_HoweverFarBackItLies()
    {
        await using var dataSource = NpgsqlDataSource.Create(TestSettings.ConnectionString);
        for (var day = 0; day < 5; day++)
        {
            await using var session = TestSessions.New(dataSource);
            await session.BeginAsync(default);
            session.Track(NewPipeline($"pip_day{day}", Later.AddDays(day)));
            await session.CommitAsync(default);
        }

        var admin = Factory.CreateClient(Org, "admin");
        async Task<List<string>> Ids(string query) =>
            [.. (await admin.AuditPageAsync(query)).Events().Select(e => e["resource_id"]!.GetValue<string>())];
        string At(int day) => Uri.EscapeDataString(Wire(Later.AddDays(day)));

        (await Ids($"?since={At(1)}&until={At(3)}")).Should().Equal("pip_day2", "pip_day1");
        (await Ids($"?until={At(1)}")).Should().Equal("pip_day0");
        (await Ids($"?since={At(4)}")).Should().Equal("pip_day4");
        (await Ids($"?since={At(5)}")).Should().BeEmpty("nothing happened at or after that time");
        (await Ids($"?until={At(9)}&limit=2")).Should().Equal("pip_day4", "pip_day3");
        (await Ids($"?since={At(-1)}&until={At(0)}")).Should().BeEmpty();
    }

    private static Pipeline NewPipeline(string id, DateTimeOffset now) =>
        Pipeline.Create(id, Org, id.Replace('_', '-'), new PipelineFields(Name: id), "enc:v1:not-read", "sk_test", now);

    private static string Wire(DateTimeOffset time) => Signal.Domain.Common.WireNames.Of(time);
}
