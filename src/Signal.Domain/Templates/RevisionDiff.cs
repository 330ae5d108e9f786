using System.Text.Json.Nodes;
using Signal.Domain.Catalog;
using Signal.Domain.Common;

namespace Signal.Domain.Templates;

/// <summary>What a revision holds that a diff compares: its config (plaintext) and its delivery mode.</summary>
public sealed record RevisionContent(JsonObject Config, DeliveryMode DeliveryMode);

/// <summary>
/// What changed from one revision to another: every differing leaf of <c>config</c> (paths <c>config.&lt;key&gt;…</c>)
/// and <c>delivery_mode</c>, ordered by path. Secrets are compared in plaintext and shown masked, so a secret that was
/// re-sealed but not changed is no change.
/// </summary>
public static class RevisionDiff
{
    public const string DeliveryModePath = "delivery_mode";

    /// <summary>The changes from <paramref name="from"/> (null: nothing before it, so everything is added) to <paramref name="to"/>.</summary>
    public static IReadOnlyList<LeafChange> Between(CatalogVendor vendor, RevisionContent? from, RevisionContent to)
    {
        var changes = JsonDiff.Between("config", from?.Config, to.Config)
            .Select(change => Masked(vendor, change))
            .ToList();
        if (from?.DeliveryMode != to.DeliveryMode)
        {
            changes.Add(new LeafChange(DeliveryModePath, from is null ? ChangeKind.Added : ChangeKind.Changed,
                from is null ? null : WireName(from.DeliveryMode), WireName(to.DeliveryMode)));
        }

        return changes.OrderBy(c => c.Path, StringComparer.Ordinal).ToList();
    }

    private static LeafChange Masked(CatalogVendor vendor, LeafChange change)
    {
        var key = change.Path["config.".Length..];
        return vendor.ConfigFields.Any(f => f.IsSecret && f.Key == key)
            ? change with { Old = ConfigSecrets.MaskedValue(change.Old), New = ConfigSecrets.MaskedValue(change.New) }
            : change;
    }

    private static JsonValue WireName(DeliveryMode mode) => JsonValue.Create(WireNames.Of(mode));
}
