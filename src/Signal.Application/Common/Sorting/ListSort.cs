using Signal.Domain.Common;

namespace Signal.Application.Common.Sorting;

/// <summary>The fields a list can be ordered by; each has an index per organisation (either direction).</summary>
public enum SortField
{
    CreatedAt,
    UpdatedAt,
    Name,
}

/// <summary>
/// A list's order as the <c>sort</c> query parameter spells it (<c>created_at:desc</c>, <c>name:asc</c>, …).
/// Ties are broken by id in the same direction, so pages never overlap.
/// </summary>
public sealed record ListSort(SortField Field, bool Descending)
{
    /// <summary>Newest first, the order of every list when no <c>sort</c> is given.</summary>
    public static readonly ListSort Default = new(SortField.CreatedAt, Descending: true);

    /// <summary>Every accepted spelling, for the error message and the OpenAPI description.</summary>
    public static readonly IReadOnlyList<string> Accepted =
    [
        .. Enum.GetValues<SortField>().SelectMany(f => new[] { new ListSort(f, true), new ListSort(f, false) }).Select(s => s.ToString()),
    ];

    public static string AcceptedText => string.Join(", ", Accepted);

    /// <summary>No text is the default order; anything else must be one of <see cref="Accepted"/>.</summary>
    public static bool TryParse(string? text, out ListSort sort)
    {
        sort = Default;
        if (text is null)
        {
            return true;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var direction = colon < 0 ? null : text[(colon + 1)..];
        if (colon < 0 || !WireNames.TryParse<SortField>(text[..colon], out var field) || direction is not ("asc" or "desc"))
        {
            return false;
        }

        sort = new ListSort(field, direction == "desc");
        return true;
    }

    /// <summary>For text a validator has accepted.</summary>
    public static ListSort Parse(string? text) =>
        TryParse(text, out var sort) ? sort : throw new ArgumentException($"sort must be one of {AcceptedText}", nameof(text));

    public override string ToString() => $"{WireNames.Of(Field)}:{(Descending ? "desc" : "asc")}";
}
