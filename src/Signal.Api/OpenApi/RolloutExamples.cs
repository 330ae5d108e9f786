using Signal.Api.Contracts.Rollouts;
using Signal.Application.Rollouts;
using Signal.Application.Rollouts.CreateRollout;
using Signal.Application.Rollouts.ListRollouts;
using Signal.Domain.Rollouts;

namespace Signal.Api.OpenApi;

/// <summary>Examples of the rollout bodies: GA4 revision 4 going to the pipelines labelled env:prod, 10 % then everything.</summary>
public static class RolloutExamples
{
    private const string TemplateId = "tmpl_01jmz9a1b3c5d7e9f1g3h5j7k9";
    private const string RevisionId = "rev_01jn6b8d0f2h4k6m8p0r2t4w6y";

    public static Dictionary<Type, object> All(DateTimeOffset at)
    {
        var selector = new RolloutSelector(["env:prod"], []);
        var gate = new HealthGate(0.05, 200);
        var deployedAt = at.AddMinutes(-12);
        var rollout = new RolloutResponse("ro_01jn6c2e4g6j8l0n2q4s6u8w0y", RolloutStatus.Running, TemplateId, RevisionId, 4, selector, 10, gate, 1,
        [
            new RolloutWaveResponse(1, 10, WaveStatus.Deployed, deployedAt, null,
                [new RolloutPipelineResponse("pip_01jmz8k2q4r6t8v0w2y4a6c8e0", "Marketing Website", "pi_01jn41x3z5b7d9f1h3k5m7p9r1", 3, 4, TargetStatus.Deployed, deployedAt)],
                new WaveHealth(1840, 7, 7 / 1847d)),
            new RolloutWaveResponse(2, 100, WaveStatus.Pending, null, null,
                [new RolloutPipelineResponse("pip_01jmzb3d5f7h9k1m3p5r7t9v1x", "Shop EU", "pi_01jn42y4a6c8e0g2j4l6n8q0s2", 3, 4, TargetStatus.Pending, null)],
                null),
        ], null, "user_123", deployedAt, deployedAt);
        return new Dictionary<Type, object>
        {
            [typeof(CreateRolloutRequest)] = new CreateRolloutRequest(TemplateId, RevisionNumber: 4, Selector: new RolloutSelectorInput(["env:prod"], null),
                Waves: [new RolloutWaveInput(10), new RolloutWaveInput(100)], BakeMinutes: 10, HealthGate: new HealthGateInput(0.05, 200)),
            [typeof(RolloutPlanResponse)] = new RolloutPlanResponse(TemplateId, RevisionId, 4, 10, gate,
            [
                new PlannedWave(1, 10, [new PlannedPipeline("pip_01jmz8k2q4r6t8v0w2y4a6c8e0", "Marketing Website", "pi_01jn41x3z5b7d9f1h3k5m7p9r1", 3, 4, [])]),
                new PlannedWave(2, 100, [new PlannedPipeline("pip_01jmzb3d5f7h9k1m3p5r7t9v1x", "Shop EU", "pi_01jn42y4a6c8e0g2j4l6n8q0s2", 3, 4, ["ga4_api_secret"])]),
            ]),
            [typeof(RolloutResponse)] = rollout,
            [typeof(ListRolloutsResponse)] = new ListRolloutsResponse([rollout], 1, 50, 0),
        };
    }
}
