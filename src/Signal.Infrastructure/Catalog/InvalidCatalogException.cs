namespace Signal.Infrastructure.Catalog;

/// <summary>The embedded catalog breaks an integrity rule; thrown at start-up so the service never runs with it.</summary>
public sealed class InvalidCatalogException(IReadOnlyList<string> problems)
    : Exception("The integration catalog is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
