namespace Signal.Domain.Common;

/// <summary>
/// A change the aggregate's current state does not allow (a revision pinned while a rollout owns it, a finished rollout
/// paused): answered 409 with the stable <see cref="Code"/> and <see cref="Details"/> as extra problem members.
/// </summary>
public sealed class DomainConflictException(string code, string message, IReadOnlyDictionary<string, object>? details = null)
    : Exception(message)
{
    public string Code { get; } = code;

    public IReadOnlyDictionary<string, object> Details { get; } = details ?? new Dictionary<string, object>();
}
