using System.Text.Json.Nodes;

namespace Signal.Domain.Common;

/// <summary>How a leaf differs between two versions of a document.</summary>
public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>One leaf that differs: its dotted JSON path, how, and its value on each side (null where it is absent).</summary>
public sealed record LeafChange(string Path, ChangeKind Change, JsonNode? Old, JsonNode? New);

/// <summary>
/// The leaves that differ between two JSON objects: nested objects are walked key by key, anything else (arrays
/// included) is compared whole. A key present with <c>null</c> differs from an absent key.
/// </summary>
public static class JsonDiff
{
    /// <summary>The differing leaves of <paramref name="old"/> and <paramref name="new"/>, each path under <paramref name="prefix"/> (none when it is empty), in key order.</summary>
    public static List<LeafChange> Between(string prefix, JsonObject? old, JsonObject? @new)
    {
        var changes = new List<LeafChange>();
        Walk(prefix, new Side(old is not null, old), new Side(@new is not null, @new), changes);
        return changes;
    }

    private readonly record struct Side(bool Present, JsonNode? Value)
    {
        public Side Child(string key) =>
            Value is JsonObject o && o.TryGetPropertyValue(key, out var child) ? new Side(true, child) : default;
    }

    private static void Walk(string path, Side old, Side @new, List<LeafChange> changes)
    {
        var oldObject = old.Value as JsonObject;
        var newObject = @new.Value as JsonObject;
        var walkInto = (oldObject is not null || !old.Present) && (newObject is not null || !@new.Present)
            && (oldObject?.Count ?? 0) + (newObject?.Count ?? 0) > 0;
        if (walkInto)
        {
            var keys = (oldObject?.Select(p => p.Key) ?? []).Union(newObject?.Select(p => p.Key) ?? []).Order(StringComparer.Ordinal);
            foreach (var key in keys)
            {
                Walk(path.Length == 0 ? key : $"{path}.{key}", old.Child(key), @new.Child(key), changes);
            }

            return;
        }

        if (old.Present && @new.Present && JsonNode.DeepEquals(old.Value, @new.Value))
        {
            return;
        }

        if (old.Present || @new.Present)
        {
            var kind = !old.Present ? ChangeKind.Added : !@new.Present ? ChangeKind.Removed : ChangeKind.Changed;
            changes.Add(new LeafChange(path, kind, old.Value?.DeepClone(), @new.Value?.DeepClone()));
        }
    }
}
