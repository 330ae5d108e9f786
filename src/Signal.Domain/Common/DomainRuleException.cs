namespace Signal.Domain.Common;

/// <summary>
/// A domain invariant refused one or more values. <see cref="Errors"/> is keyed by the snake_case JSON path each value
/// came from, one message per broken rule — the same shape a validation failure has.
/// </summary>
public sealed class DomainRuleException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")))
{
    public DomainRuleException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
