using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Rollouts;

/// <summary>
/// The rollout worker as it runs in production: on several API instances against one database, each wave deployed
/// exactly once; and on an instance that goes away between two waves, the rollout carried on by another.
/// </summary>
public sealed class RolloutWorkerInstancesTests(FakeClockApiFactory factory) : ApiTest<FakeClockApiFactory>(factory), IClassFixture<FakeClockApiFactory>
{
    private const string Waves = ""","waves":[{"percent":34},{"percent":67},{"percent":100}],"bake_minutes":1""";

    [Fact]
    public async Task TwoInstancesPassingAtOnce_DeployEachWaveExactlyOnce()
    {
        await using var second = new FakeClockApiFactory();
        SameTime(Factory, second);
        var editor = Factory.CreateClient(Org, "editor");
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var fleet = await editor.FleetAsync(3, label: "env:prod");
            ids.Add((await editor.StartRolloutAsync(fleet.TemplateId, Waves))["id"]!.GetValue<string>());
        }

        for (var wave = 2; wave <= 3; wave++)
        {
            Factory.Clock.Advance(TimeSpan.FromMinutes(1));
            second.Clock.Advance(TimeSpan.FromMinutes(1));

            await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? Factory : second).PassAsync()));

            foreach (var id in ids)
            {
                ((int)(await Viewer().RolloutAsync(id))["current_wave"]!).Should().Be(wave, "each rollout moves one wave per bake, however many passes run");
            }
        }

        (await Db.ScalarAsync<long>(
            "SELECT count(*) FROM audit_events WHERE action = 'pipeline_integration.updated' AND context ->> 'rollout_id' IS NOT NULL")).Should().Be(9);
        (await Db.ScalarAsync<long>("SELECT count(DISTINCT resource_id) FROM audit_events WHERE action = 'pipeline_integration.updated'")).Should().Be(9,
            "every pipeline was deployed once");
        (await Db.ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE action = 'rollout.advanced'")).Should().Be(6);
        await Invariants.ShouldHoldAsync();
    }

    [Fact]
    public async Task AnInstanceGoneBetweenWaves_LeavesTheRolloutForAnotherToFinish()
    {
        var editor = Factory.CreateClient(Org, "editor");
        var fleet = await editor.FleetAsync(3);
        string id;
        await using (var gone = new FakeClockApiFactory())
        {
            SameTime(Factory, gone);
            id = (await gone.CreateClient(Org, "editor").StartRolloutAsync(fleet.TemplateId, Waves))["id"]!.GetValue<string>();
            gone.Clock.Advance(TimeSpan.FromMinutes(1));
            await gone.PassAsync();
        }

        ((int)(await Viewer().RolloutAsync(id))["current_wave"]!).Should().Be(2);
        Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await Factory.PassAsync();
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await Factory.PassAsync();

        var done = await Viewer().RolloutAsync(id);
        done.Status().Should().Be("completed");
        done["waves"]!.AsArray().Select(w => w!["status"]!.GetValue<string>()).Should().Equal("completed", "completed", "completed");
        (await Db.ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE action = 'pipeline_integration.updated'")).Should().Be(3,
            "nothing was deployed twice");
        (await Task.WhenAll(fleet.Pipelines.Select((_, i) => Viewer().RevisionAsync(fleet, i)))).Should().OnlyContain(r => r == 2);
    }

    // Both clocks at the later one's time (a fake clock cannot go back).
    private static void SameTime(FakeClockApiFactory one, FakeClockApiFactory other)
    {
        var now = new[] { one.Clock.GetUtcNow(), other.Clock.GetUtcNow() }.Max();
        one.Clock.SetUtcNow(now);
        other.Clock.SetUtcNow(now);
    }
}
