namespace Signal.Application.Common.Secrets;

/// <summary>How a secret is shown: <c>••••</c> and its last four characters, or only the dots when it is too short
/// for the last four to be a small part of it.</summary>
public static class SecretMask
{
    public const string Dots = "••••";
    private const int MinLengthToShowTail = 12;

    public static string Of(string plaintext) =>
        plaintext.Length < MinLengthToShowTail ? Dots : Dots + plaintext[^4..];
}
