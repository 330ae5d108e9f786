namespace Signal.Application.Common.Errors;

/// <summary>The resource does not exist, or belongs to another organisation (which must not be revealed).</summary>
public sealed class NotFoundException(string resource, string id)
    : AppException("not_found", $"{resource} '{id}' was not found.");
