using System.Text;

namespace Signal.Api.Auth;

/// <summary>
/// How bearer tokens are validated (<c>Auth:*</c>). Exactly one of <see cref="SigningKey"/> (HS256, self-hosting)
/// and <see cref="Authority"/> (OIDC discovery, RS256) is set.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "signal";

    public string Audience { get; set; } = "signal-api";

    public string? SigningKey { get; set; }

    public string? Authority { get; set; }

    /// <summary>Lists what is wrong with the settings; empty when they are usable.</summary>
    public IEnumerable<string> FindProblems()
    {
        var hasKey = !string.IsNullOrEmpty(SigningKey);
        var hasAuthority = !string.IsNullOrEmpty(Authority);
        if (hasKey == hasAuthority)
        {
            yield return "set exactly one of Auth:SigningKey (HS256) and Auth:Authority (OIDC)";
        }

        if (hasKey && Encoding.UTF8.GetByteCount(SigningKey!) < 32)
        {
            yield return "Auth:SigningKey must be at least 32 bytes";
        }

        if (string.IsNullOrWhiteSpace(Issuer) || string.IsNullOrWhiteSpace(Audience))
        {
            yield return "Auth:Issuer and Auth:Audience must not be empty";
        }
    }
}
