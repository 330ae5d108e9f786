namespace Signal.Domain.Common;

/// <summary>A domain invariant refused a value; <see cref="Field"/> is the snake_case field the value came from.</summary>
public sealed class DomainRuleException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
