using System.Reflection;
using Dapper;

namespace Signal.Infrastructure.Persistence;

/// <summary>
/// Dapper's snake_case mapping for a row type, except that a column with no property to land in is an error instead of
/// being dropped: renaming a row property (or a column alias) without the other side fails the first query that
/// reads it, in every test that runs it, instead of leaving the property at its default.
/// </summary>
internal sealed class StrictColumnMap(Type rowType) : SqlMapper.ITypeMap
{
    private readonly DefaultTypeMap _inner = new(rowType);

    public ConstructorInfo? FindConstructor(string[] names, Type[] types) => _inner.FindConstructor(names, types);

    public ConstructorInfo? FindExplicitConstructor() => _inner.FindExplicitConstructor();

    public SqlMapper.IMemberMap? GetConstructorParameter(ConstructorInfo constructor, string columnName) =>
        _inner.GetConstructorParameter(constructor, columnName);

    public SqlMapper.IMemberMap GetMember(string columnName) =>
        _inner.GetMember(columnName)
        ?? throw new InvalidOperationException(
            $"Column '{columnName}' has no property on {rowType.Name}: rename the property and the column (or its alias) together.");

    /// <summary>The row types of this assembly: the classes a query reads into, named <c>…Row</c>.</summary>
    public static IEnumerable<Type> RowTypes() =>
        typeof(StrictColumnMap).Assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && t.Name.EndsWith("Row", StringComparison.Ordinal));
}
