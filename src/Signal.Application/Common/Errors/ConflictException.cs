namespace Signal.Application.Common.Errors;

/// <summary>The request clashes with the current state (a name taken, a resource in use); <c>code</c> says which.</summary>
public sealed class ConflictException(string code, string message) : AppException(code, message);
