using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Signal.Api.Auth;

/// <summary>Mints HS256 tokens with the configured signing key: for local use and tests, not a login service.</summary>
public static class TokenIssuer
{
    public static string Mint(AuthOptions options, TokenRequest request, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(options.SigningKey))
        {
            throw new InvalidOperationException("Minting tokens needs Auth:SigningKey.");
        }

        var claims = new List<Claim> { new(SignalClaims.Subject, request.Subject) };
        if (request.OrgId is not null)
        {
            claims.Add(new Claim(SignalClaims.OrgId, request.OrgId));
        }

        if (request.Role is not null)
        {
            claims.Add(new Claim(SignalClaims.Role, request.Role));
        }

        if (request.Scope is not null)
        {
            claims.Add(new Claim(SignalClaims.Scope, request.Scope));
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(request.Lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}

/// <summary>What a minted token says: a user of an organisation with a role, or a service with a scope.</summary>
public sealed record TokenRequest(string Subject, string? OrgId, string? Role, string? Scope, TimeSpan Lifetime);
