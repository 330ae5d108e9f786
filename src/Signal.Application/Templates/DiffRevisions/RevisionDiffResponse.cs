using System.Text.Json.Nodes;
using Signal.Domain.Common;

namespace Signal.Application.Templates.DiffRevisions;

/// <summary>
/// What changed from one revision to another, ordered by path: every differing leaf of <c>config</c> and
/// <c>delivery_mode</c>. Secret values are masked; <c>from</c> is null when <c>to</c> is the first revision.
/// </summary>
public sealed record RevisionDiffResponse(RevisionPointer? From, RevisionPointer To, IReadOnlyList<RevisionChange> Changes);

/// <summary>One side of a diff.</summary>
public sealed record RevisionPointer(string Id, int RevisionNumber)
{
    public static RevisionPointer Of(StoredRevision revision) => new(revision.Id, revision.RevisionNumber);
}

/// <summary>One leaf that differs: its path (<c>config.region</c>, <c>delivery_mode</c>), how, and its value before and after (null where absent).</summary>
public sealed record RevisionChange(string Path, ChangeKind Change, JsonNode? Old, JsonNode? New)
{
    public static RevisionChange Of(LeafChange change) => new(change.Path, change.Change, change.Old, change.New);
}
