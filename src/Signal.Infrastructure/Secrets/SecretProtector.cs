using System.Security.Cryptography;
using Signal.Application.Common.Abstractions;
using Signal.Infrastructure.Persistence;

namespace Signal.Infrastructure.Secrets;

/// <summary>
/// Envelope encryption (docs/secrets.md): values under the org's data key, bound to org, resource and field. The key is
/// read on the request's own session (see <see cref="DataKeyStore"/>).
/// </summary>
public sealed class SecretProtector(DataKeyStore dataKeys, DbSession session) : ISecretProtector
{
    public async ValueTask<string> ProtectAsync(SecretScope scope, string plaintext, CancellationToken cancellationToken)
    {
        var key = await dataKeys.GetOrCreateAsync(session, scope.OrgId, cancellationToken);
        return EnvelopeCipher.Encrypt(key.Id, key.Material, AssociatedData(scope), plaintext);
    }

    public async ValueTask<string> UnprotectAsync(SecretScope scope, string ciphertext, CancellationToken cancellationToken)
    {
        var key = await dataKeys.GetOrCreateAsync(session, scope.OrgId, cancellationToken);
        if (EnvelopeCipher.DataKeyIdOf(ciphertext) != key.Id)
        {
            throw new CryptographicException("The value was encrypted under another organisation's key.");
        }

        return EnvelopeCipher.Decrypt(key.Material, AssociatedData(scope), ciphertext);
    }

    private static string AssociatedData(SecretScope scope) => $"signal:secret:v1|{scope.OrgId}|{scope.ResourceId}|{scope.Field}";
}
