using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Signal.Api.Auth;

/// <summary>
/// Validates a bearer token once and remembers the result until the token expires: clients (the event processors
/// above all) send the same token on every request, and checking its signature each time was most of a cached
/// response's cost. Only successful validations are kept, and never past the token's own expiry.
/// </summary>
public sealed class CachingTokenHandler(TimeProvider time) : TokenHandler
{
    private const int MaxEntries = 10_000;
    private readonly JsonWebTokenHandler _inner = new() { MapInboundClaims = false };
    private readonly ConcurrentDictionary<string, (TokenValidationResult Result, DateTimeOffset ValidUntil)> _validated = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = time.GetUtcNow();
        if (_validated.TryGetValue(token, out var cached) && now < cached.ValidUntil)
        {
            return new TokenValidationResult
            {
                IsValid = true,
                ClaimsIdentity = cached.Result.ClaimsIdentity.Clone(),
                SecurityToken = cached.Result.SecurityToken,
                Issuer = cached.Result.Issuer,
            };
        }

        var result = await _inner.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { } securityToken)
        {
            if (_validated.Count >= MaxEntries)
            {
                _validated.Clear();
            }

            _validated[token] = (result, new DateTimeOffset(securityToken.ValidTo, TimeSpan.Zero) + validationParameters.ClockSkew);
        }

        return result;
    }

    public override SecurityToken ReadToken(string token) => _inner.ReadToken(token);

    public override int MaximumTokenSizeInBytes { get => _inner.MaximumTokenSizeInBytes; set => _inner.MaximumTokenSizeInBytes = value; }
}
