namespace Signal.Application.Common.Abstractions;

/// <summary>
/// Encrypts secret values for storage and decrypts them for use. A ciphertext is bound to its <see cref="SecretScope"/>:
/// moved to another organisation, resource or field it no longer decrypts.
/// </summary>
public interface ISecretProtector
{
    ValueTask<string> ProtectAsync(SecretScope scope, string plaintext, CancellationToken cancellationToken);

    /// <summary>Throws <see cref="System.Security.Cryptography.CryptographicException"/> when the value was tampered with or moved.</summary>
    ValueTask<string> UnprotectAsync(SecretScope scope, string ciphertext, CancellationToken cancellationToken);
}

/// <summary>Where a secret belongs: the organisation, the row (e.g. a revision id) and the field.</summary>
public sealed record SecretScope(string OrgId, string ResourceId, string Field);
