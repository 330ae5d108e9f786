namespace Signal.Application.Common.Errors;

/// <summary>The request is well-formed JSON but breaks a rule; <see cref="Errors"/> is keyed by snake_case JSON path.</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : AppException("validation_failed", "One or more fields are invalid; see errors for what to fix.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationFailedException For(string field, string message) => new(
        new Dictionary<string, string[]> { [field] = [message] });
}
