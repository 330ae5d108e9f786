using Dapper;
using Signal.Infrastructure.Persistence.TypeHandlers;

namespace Signal.Infrastructure.Persistence;

/// <summary>
/// Dapper's process-wide settings: snake_case columns onto PascalCase members (strictly for our row types), and our
/// type handlers.
/// </summary>
public static class DapperConfiguration
{
    private static readonly Lazy<bool> Applied = new(() =>
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        // Dapper maps DateTimeOffset itself unless its built-in mapping is removed first; ours normalises to UTC.
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        SqlMapper.AddTypeHandler(new JsonbHandler());
        foreach (var rowType in StrictColumnMap.RowTypes())
        {
            SqlMapper.SetTypeMap(rowType, new StrictColumnMap(rowType));
        }

        return true;
    });

    /// <summary>Applies the settings once; later calls do nothing.</summary>
    public static void Apply() => _ = Applied.Value;
}
