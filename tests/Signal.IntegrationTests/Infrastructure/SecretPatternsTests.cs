namespace Signal.IntegrationTests.Infrastructure;

/// <summary>The leak detector itself: it must see what a real leak looks like, and only that.</summary>
public sealed class SecretPatternsTests
{
    [Theory]
    [InlineData("created pipeline with secret sk_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7c")]
    [InlineData("token ct_pip_01jmz8k2q4r6t8v0w2y4a6c8e0.1772017200.q2x4b6n8m0k2j4h6g8f0dA.Zx3Vq9sW1eR5tY7uI9oP2aS4dF6gH8jK0lZ2xC4vB6n")]
    [InlineData("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl")]
    [InlineData("unsigned eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c2VyIn0.")]
    [InlineData("key signal-integration-tests-signing-key-0123456789 in a message")]
    public void ALeak_IsFound(string line) => SecretPatterns.Find(line).Should().NotBeEmpty();

    [Theory]
    [InlineData("secret prefix sk_a1b2")]
    [InlineData("example sk_a1b2c3d4e5f6g7h8i9j0...")]
    [InlineData("masked ••••wxyz, ciphertext enc:v1:AAAA")]
    [InlineData("pipeline pip_01jmz8k2q4r6t8v0w2y4a6c8e0 key dk_pip_01jmz8k2q4r6t8v0w2y4a6c8e0")]
    public void NoLeak_IsNotFound(string line) => SecretPatterns.Find(line).Should().BeEmpty();
}
