namespace Signal.Application.Common.Errors;

/// <summary>The <c>If-Match</c> ETag is not the current one: someone changed the resource since the client read it.</summary>
public sealed class PreconditionFailedException(string resource)
    : AppException("precondition_failed", $"The {resource} has changed since you read it; GET it again and retry with the new ETag.");
