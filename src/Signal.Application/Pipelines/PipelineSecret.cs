using System.Security.Cryptography;

namespace Signal.Application.Pipelines;

/// <summary>Pipeline key secrets: <c>sk_</c> + 40 random base62 characters (about 238 bits).</summary>
public static class PipelineSecret
{
    public const string FieldName = "pipeline_key_secret";
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string Generate() => "sk_" + RandomNumberGenerator.GetString(Base62, 40);

    /// <summary>The 7 characters shown to tell secrets apart (<c>sk_a1b2</c>).</summary>
    public static string PrefixOf(string secret) => secret[..7];
}
