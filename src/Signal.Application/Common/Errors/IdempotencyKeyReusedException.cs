namespace Signal.Application.Common.Errors;

/// <summary>An <c>Idempotency-Key</c> already used for a different request (422 <c>idempotency_key_reused</c>).</summary>
public sealed class IdempotencyKeyReusedException()
    : AppException("idempotency_key_reused",
        "This Idempotency-Key was already used with a different request; send a new key for a new request.");
