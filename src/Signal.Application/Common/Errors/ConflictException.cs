namespace Signal.Application.Common.Errors;

/// <summary>
/// The request clashes with the current state (a name taken, a resource in use); <c>code</c> says which, and
/// <see cref="Details"/> holds what the client needs to resolve it (added to the problem as extra members).
/// </summary>
public sealed class ConflictException(string code, string message, IReadOnlyDictionary<string, object>? details = null)
    : AppException(code, message)
{
    public IReadOnlyDictionary<string, object> Details { get; } = details ?? new Dictionary<string, object>();
}
