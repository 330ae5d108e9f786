using Signal.Application.Common.Sorting;

namespace Signal.Infrastructure.Persistence;

/// <summary>
/// The ORDER BY of a list, built only from fixed fragments (never from request text). Each order matches an index on
/// (org_id, key, id) that PostgreSQL reads forwards or backwards; names sort case-insensitively.
/// </summary>
public static class SortSql
{
    public static string OrderBy(ListSort sort, string alias)
    {
        var key = sort.Field switch
        {
            SortField.CreatedAt => $"{alias}.created_at",
            SortField.UpdatedAt => $"{alias}.updated_at",
            SortField.Name => $"lower({alias}.name)",
            _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "no SQL for this sort field"),
        };
        var direction = sort.Descending ? "DESC" : "ASC";
        return $"ORDER BY {key} {direction}, {alias}.id {direction}";
    }
}
