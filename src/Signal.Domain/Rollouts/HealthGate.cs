using System.Globalization;

namespace Signal.Domain.Rollouts;

/// <summary>
/// When a rollout rolls back on its own: some deployed pipeline integration has, since its deploy, at least
/// <see cref="MinEvents"/> events of which more than <see cref="MaxFailureRate"/> failed.
/// </summary>
public sealed record HealthGate(double MaxFailureRate, long MinEvents)
{
    /// <summary>The first of <paramref name="deliveries"/> (by pipeline id) that breaks the gate, or null.</summary>
    public TargetDelivery? FirstBreach(IEnumerable<TargetDelivery> deliveries) => deliveries
        .Where(d => d.Total >= MinEvents && d.FailureRate > MaxFailureRate)
        .OrderBy(d => d.PipelineId, StringComparer.Ordinal)
        .FirstOrDefault();

    /// <summary>Why <paramref name="breach"/> fails the gate, naming its pipeline.</summary>
    public string Explain(TargetDelivery breach, string pipelineName) => string.Create(CultureInfo.InvariantCulture,
        $"Health gate failed: pipeline '{pipelineName}' ({breach.PipelineId}) had {breach.Failed} of {breach.Total} events fail since its deploy ({breach.FailureRate:0.###} > max_failure_rate {MaxFailureRate}).");
}

/// <summary>What the processors reported for one deployed pipeline integration of a rollout, running the rollout's revision, since its deploy.</summary>
public sealed record TargetDelivery(string PipelineIntegrationId, string PipelineId, long Delivered, long Failed)
{
    public long Total => Delivered + Failed;

    public double? FailureRate => Total == 0 ? null : (double)Failed / Total;
}
