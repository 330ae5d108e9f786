using System.Security.Cryptography;
using Signal.Infrastructure.Secrets;

namespace Signal.UnitTests.Infrastructure;

public sealed class EnvelopeCipherTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void Encrypt_ThenDecryptWithTheSameContext_ReturnsThePlaintext()
    {
        var protectedValue = EnvelopeCipher.Encrypt("dek_1", Key, "ctx", "plain ✓");

        EnvelopeCipher.Decrypt(Key, "ctx", protectedValue).Should().Be("plain ✓");
        EnvelopeCipher.DataKeyIdOf(protectedValue).Should().Be("dek_1");
    }

    [Fact]
    public void OtherContext_Fails() =>
        FluentActions.Invoking(() => EnvelopeCipher.Decrypt(Key, "other", EnvelopeCipher.Encrypt("dek_1", Key, "ctx", "p")))
            .Should().Throw<CryptographicException>();

    [Fact]
    public void OtherKey_Fails() =>
        FluentActions.Invoking(() => EnvelopeCipher.Decrypt(RandomNumberGenerator.GetBytes(32), "ctx", EnvelopeCipher.Encrypt("dek_1", Key, "ctx", "p")))
            .Should().Throw<CryptographicException>();

    [Fact]
    public void EveryFlippedBit_IsDetected()
    {
        var sealedBytes = EnvelopeCipher.Seal(Key, [1, 2], [10, 20, 30]);
        for (var i = 0; i < sealedBytes.Length * 8; i++)
        {
            var tampered = (byte[])sealedBytes.Clone();
            tampered[i / 8] ^= (byte)(1 << (i % 8));

            FluentActions.Invoking(() => EnvelopeCipher.Open(Key, [1, 2], tampered)).Should().Throw<CryptographicException>($"bit {i}");
        }
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("enc:v1:dek_1:onlytwo")]
    [InlineData("enc:v2:dek_1:AAAA:AAAA")]
    [InlineData("enc:v1:dek_1:!!:AAAA")]
    public void NotAProtectedValue_Fails(string value) =>
        FluentActions.Invoking(() => EnvelopeCipher.Decrypt(Key, "ctx", value)).Should().Throw<CryptographicException>();
}
