namespace Signal.Domain.Rollouts;

/// <summary>The limits of a rollout's plan, shared by the request validator and the aggregate.</summary>
public static class RolloutRules
{
    public const int MaxBakeMinutes = 1440;
    public const int DefaultBakeMinutes = 10;
    public const int MaxWaves = 20;

    public static IReadOnlyList<int> DefaultWaves { get; } = [100];

    public const string WavesMessage = "must be 1 to 20 waves with percents from 1 to 100, strictly ascending, the last one 100";

    public static bool AreValidWaves(IReadOnlyList<int> percents) =>
        percents.Count is > 0 and <= MaxWaves
        && percents[^1] == 100
        && percents[0] >= 1
        && percents.Zip(percents.Skip(1)).All(pair => pair.First < pair.Second);

    /// <summary>
    /// Splits <paramref name="ordered"/> into waves: wave k takes the items up to ⌈n × percent_k / 100⌉, so the same
    /// percent of the same ordered list always means the same items (and a wave may be empty when there are few).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<T>> Split<T>(IReadOnlyList<T> ordered, IReadOnlyList<int> percents)
    {
        var waves = new List<IReadOnlyList<T>>();
        var taken = 0;
        foreach (var percent in percents)
        {
            var upTo = ((ordered.Count * percent) + 99) / 100;
            waves.Add([.. ordered.Skip(taken).Take(upTo - taken)]);
            taken = upTo;
        }

        return waves;
    }
}
