namespace Signal.Application.Common.Idempotency;

/// <summary>
/// A command a client may retry safely by sending the same <c>Idempotency-Key</c>: the first successful response is
/// stored with the work and replayed for the key (<see cref="IdempotencyBehaviour{TMessage,TResponse}"/>).
/// </summary>
public interface IIdempotentCommand
{
    /// <summary>The client's key, or null to run the command unconditionally. Not part of the request's fingerprint.</summary>
    string? IdempotencyKey { get; }
}
