using System.Text.RegularExpressions;

namespace Signal.IntegrationTests.Infrastructure;

/// <summary>
/// What a leaked secret looks like: a generated pipeline key secret, a webhook signing secret, a challenge token, a bearer token (any JWT), or one
/// of the suite's own keys. Log lines, problem bodies and the OpenAPI document are checked against it.
/// </summary>
public static partial class SecretPatterns
{
    public static IReadOnlyList<string> Find(string text)
    {
        var found = Generated().Matches(text).Select(m => m.Value).ToList();
        found.AddRange(new[] { TestSettings.SigningKey, TestSettings.MasterKey }.Where(key => text.Contains(key, StringComparison.Ordinal)));
        return found;
    }

    // sk_ + at least 32 base62 characters; whsec_ + the base64 of 32 bytes; ct_ + pipeline id, expiry, nonce and a full signature; header.payload.signature.
    [GeneratedRegex(@"sk_[A-Za-z0-9]{32,}|whsec_[A-Za-z0-9+/]{43}=|ct_pip_[a-z0-9]+\.[0-9]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{32,}|eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")]
    private static partial Regex Generated();
}
