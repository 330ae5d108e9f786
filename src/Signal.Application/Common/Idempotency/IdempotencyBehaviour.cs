using System.Security.Cryptography;
using System.Text.Json;
using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.Common.Idempotency;

/// <summary>
/// Stripe's idempotency keys, inside the command's transaction: the key is locked (a second request with it while the
/// first runs gets 409), a stored response is replayed when the request is the same and refused (422) when it is not,
/// and the first successful response is stored with the work, so both commit or neither does. A failed request stores
/// nothing: it changed nothing, and a retry with the same key runs it again.
/// </summary>
public sealed class IdempotencyBehaviour<TMessage, TResponse>(IIdempotencyStore store, ICurrentUser user, ISecretProtector protector)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : ICommand<TResponse>, IIdempotentCommand
{
    public const int MaxKeyLength = 255;

    private const string HeaderName = "Idempotency-Key";

    // The operation is part of the key's scope: the same key on two different operations names two requests.
    private static readonly string Operation = typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message.IdempotencyKey is not { } text)
        {
            return await next(message, cancellationToken);
        }

        if (text.Length is 0 or > MaxKeyLength || text.Any(char.IsControl))
        {
            throw ValidationFailedException.For(HeaderName, $"must be 1 to {MaxKeyLength} characters without control characters");
        }

        var key = new IdempotencyKey(user.OrgId, user.UserId, Operation, text);
        var lookup = await store.LockAndFindAsync(key, cancellationToken);
        if (!lookup.Locked)
        {
            throw new ConflictException("idempotency_key_in_use",
                "A request with this Idempotency-Key is still being processed; retry once it has finished.");
        }

        var fingerprint = Fingerprint(message);
        var scope = new SecretScope(user.OrgId, $"{user.UserId}/{Operation}/{text}", "idempotent_response");
        if (lookup.Stored is { } stored)
        {
            if (stored.Fingerprint != fingerprint)
            {
                throw new IdempotencyKeyReusedException();
            }

            var json = await protector.UnprotectAsync(scope, stored.ResponseCiphertext, cancellationToken);
            return JsonSerializer.Deserialize<TResponse>(json)
                ?? throw new InvalidOperationException($"The stored response of {Operation} is empty.");
        }

        var response = await next(message, cancellationToken);
        var ciphertext = await protector.ProtectAsync(scope, JsonSerializer.Serialize(response), cancellationToken);
        await store.SaveAsync(key, fingerprint, ciphertext, cancellationToken);
        return response;
    }

    /// <summary>A hash of everything the request asks for: the command without its key.</summary>
    private static string Fingerprint(TMessage message)
    {
        var request = JsonSerializer.SerializeToNode(message)!.AsObject();
        request.Remove(nameof(IIdempotentCommand.IdempotencyKey));
        return Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request)));
    }
}
