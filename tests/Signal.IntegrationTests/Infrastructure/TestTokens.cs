using System.Text;
using Signal.Api.Auth;

namespace Signal.IntegrationTests.Infrastructure;

public static class TestTokens
{
    public static string Mint(AuthOptions options, TokenRequest request, DateTimeOffset? now = null) =>
        TokenIssuer.Mint(options, request, now ?? DateTimeOffset.UtcNow);

    /// <summary>An unsigned token (<c>alg: none</c>) carrying otherwise valid claims.</summary>
    public static string WithoutSignature(AuthOptions options, string org, string role)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64Url("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64Url(
            $$"""{"iss":"{{options.Issuer}}","aud":"{{options.Audience}}","sub":"user_test","org_id":"{{org}}","role":"{{role}}","nbf":{{now}},"iat":{{now}},"exp":{{now + 3600}}}""");
        return $"{header}.{payload}.";
    }

    private static string Base64Url(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
