using System.Text.Json.Nodes;
using Signal.Domain.Common;

namespace Signal.Domain.Audit;

/// <summary>
/// An aggregate that records each change it makes (<see cref="TakeRecordedChanges"/>): the unit of work writes them as
/// audit events in the transaction that saves the change, so there is no change without its event and no event without
/// its change. What a change shows is the difference between <see cref="AuditedState"/> before and after it.
/// </summary>
public abstract class AggregateRoot
{
    private readonly List<RecordedChange> _recordedChanges = [];

    public abstract string Id { get; }

    public abstract string OrgId { get; }

    /// <summary>The aggregate's resource type in audit events (<see cref="ResourceTypes"/>).</summary>
    protected abstract string ResourceType { get; }

    /// <summary>The name audit events show for it, as it is after the change.</summary>
    protected abstract string? ResourceName { get; }

    /// <summary>
    /// Hands over the changes made since the aggregate was created or loaded, or since the last call (to be written),
    /// and forgets them.
    /// </summary>
    public IReadOnlyList<RecordedChange> TakeRecordedChanges()
    {
        var taken = _recordedChanges.ToList();
        _recordedChanges.Clear();
        return taken;
    }

    /// <summary>
    /// The fields an audit event shows, by their names on the wire: nested objects field by field, null values left
    /// out, secrets only as their masks. Ids, timestamps and fields derived from others are not part of it.
    /// </summary>
    protected abstract JsonObject AuditedState();

    /// <summary>Records this aggregate's creation: every field of its state, each with no old value.</summary>
    protected void RecordCreation(string action, DateTimeOffset now, string? rolloutId = null) =>
        Record(new RecordedChange(OrgId, action, ResourceType, Id, ResourceName, JsonDiff.Between(string.Empty, null, AuditedState()), now, rolloutId));

    /// <summary>Records the creation of a resource this aggregate owns (a template's revision), from its state.</summary>
    protected void RecordCreation(string action, string resourceType, string resourceId, string? resourceName, JsonObject state, DateTimeOffset now) =>
        Record(new RecordedChange(OrgId, action, resourceType, resourceId, resourceName, JsonDiff.Between(string.Empty, null, state), now));

    /// <summary>
    /// Records a change from <paramref name="before"/> (<see cref="AuditedState"/> taken before it) to the current state:
    /// only the fields that differ, and no record when none does unless <paramref name="evenIfUnchanged"/> (an action
    /// that happened whatever it changed, like a secret rotation). <paramref name="rolloutId"/> names the rollout that
    /// made the change, if one did.
    /// </summary>
    protected void RecordChange(string action, JsonObject before, DateTimeOffset now, bool evenIfUnchanged = false, string? rolloutId = null)
    {
        var changes = JsonDiff.Between(string.Empty, before, AuditedState());
        if (changes.Count > 0 || evenIfUnchanged)
        {
            Record(new RecordedChange(OrgId, action, ResourceType, Id, ResourceName, changes, now, rolloutId));
        }
    }

    /// <summary>Records an action that changes no field (a deletion, a challenge token issued).</summary>
    protected void RecordAction(string action, DateTimeOffset now) =>
        Record(new RecordedChange(OrgId, action, ResourceType, Id, ResourceName, [], now));

    /// <summary>A state object from its fields, leaving out those that are null.</summary>
    protected static JsonObject State(params (string Name, JsonNode? Value)[] fields)
    {
        var state = new JsonObject();
        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                state[name] = value;
            }
        }

        return state;
    }

    /// <summary>A list as a JSON array (compared whole by the diff).</summary>
    protected static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    /// <summary>A string map as a JSON object (diffed per key).</summary>
    protected static JsonObject Map(IReadOnlyDictionary<string, string> values) =>
        new(values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));

    // Two steps of one request (a new revision pinned and the integration paused) are one change of the resource:
    // their records merge, keeping each field's first old value and last new value and dropping fields that ended
    // where they began.
    private void Record(RecordedChange change)
    {
        var last = _recordedChanges.Count > 0 ? _recordedChanges[^1] : null;
        if (last is null || last.Action != change.Action || last.ResourceId != change.ResourceId)
        {
            _recordedChanges.Add(change);
            return;
        }

        var merged = last.Changes.ToDictionary(c => c.Path, StringComparer.Ordinal);
        foreach (var next in change.Changes)
        {
            merged[next.Path] = merged.TryGetValue(next.Path, out var first) ? first with { New = next.New } : next;
        }

        _recordedChanges[^1] = change with
        {
            Changes = merged.Values
                .Where(c => !JsonNode.DeepEquals(c.Old, c.New))
                .OrderBy(c => c.Path, StringComparer.Ordinal)
                .ToList(),
        };
    }
}
