namespace Signal.Application.Common.Errors;

/// <summary>
/// A failure the client can act on. Each carries a stable machine <see cref="Code"/>; the API maps every subtype to a
/// problem+json response in one place.
/// </summary>
public abstract class AppException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
