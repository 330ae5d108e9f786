using System.Net;
using Signal.Infrastructure.Webhooks;

namespace Signal.UnitTests.Infrastructure;

public sealed class WebhookAddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.0.9", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.0.0.1", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.0.1", "private")]
    [InlineData("fd12:3456::1", "private")]
    [InlineData("fc00::1", "private")]
    [InlineData("169.254.169.254", "link-local (cloud metadata)")]
    [InlineData("169.254.0.1", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("100.64.0.1", "shared (carrier-grade NAT)")]
    [InlineData("224.0.0.251", "multicast")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("::ffff:127.0.0.1", "loopback (IPv4-mapped)")]
    [InlineData("::ffff:169.254.169.254", "link-local (cloud metadata) (IPv4-mapped)")]
    public void AnInternalAddress_IsRefused_Saying(string address, string why) =>
        WebhookAddressPolicy.Refusal(IPAddress.Parse(address)).Should().Be(why);

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("172.32.0.1")]
    [InlineData("172.15.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:93.184.216.34")]
    public void APublicAddress_MayBeCalled(string address) =>
        WebhookAddressPolicy.Refusal(IPAddress.Parse(address)).Should().BeNull();
}
