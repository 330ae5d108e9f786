using System.Collections.Concurrent;

namespace Signal.Infrastructure.Pipelines;

/// <summary>
/// Each organisation's distinct labels with the newest feed version of its pipelines when they were read. Every change
/// to a pipeline gives it a newer version (a trigger), so while that maximum is unchanged the labels are too, and the
/// list need not collect every label of a big organisation on each request.
/// </summary>
public sealed class AvailableLabelsCache
{
    private readonly ConcurrentDictionary<string, (long Version, IReadOnlyList<string> Labels)> _byOrg = new(StringComparer.Ordinal);

    /// <summary>The org's cached labels and the version they belong to; version -1 when none are cached.</summary>
    public (long Version, IReadOnlyList<string> Labels) Find(string orgId) =>
        _byOrg.TryGetValue(orgId, out var entry) ? entry : (-1, []);

    public void Remember(string orgId, long version, IReadOnlyList<string> labels) => _byOrg[orgId] = (version, labels);
}
