using System.Net;
using System.Net.Sockets;

namespace Signal.Infrastructure.Webhooks;

/// <summary>
/// Which addresses a webhook may call, enforced where the connection is made: the host is resolved for every attempt,
/// every address it resolves to is checked, and the socket connects to an address that passed — so a DNS answer that
/// changes between the check and the connection cannot point a delivery at the internal network.
/// </summary>
public static class WebhookAddressPolicy
{
    /// <summary>Why a webhook may not call <paramref name="address"/> (loopback, private, …), or null when it may.</summary>
    public static string? Refusal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return Refusal(address.MapToIPv4()) is { } mapped ? $"{mapped} (IPv4-mapped)" : null;
        }

        if (IPAddress.IsLoopback(address))
        {
            return "loopback";
        }

        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return "unspecified";
        }

        return address.AddressFamily == AddressFamily.InterNetwork ? RefusalOfIPv4(address.GetAddressBytes()) : RefusalOfIPv6(address);
    }

    /// <summary>
    /// The connection step of the webhook client: resolves, checks, and connects to the first address that passed;
    /// refuses with <see cref="WebhookAddressRefusedException"/> when none did (unless private networks are allowed).
    /// </summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectCallback(bool allowPrivateNetworks) =>
        async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host.Trim('[', ']');
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
            var allowed = addresses.FirstOrDefault(a => allowPrivateNetworks || Refusal(a) is null)
                ?? throw new WebhookAddressRefusedException(addresses.Length == 0
                    ? $"{host} resolves to no address"
                    : $"{host} resolves to {addresses[0]} ({Refusal(addresses[0])}), an address webhooks may not call");
            var socket = new Socket(allowed.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(allowed, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };

    private static string? RefusalOfIPv4(byte[] b) => b switch
    {
        [169, 254, 169, 254] => "link-local (cloud metadata)",
        [10, ..] or [172, >= 16 and <= 31, ..] or [192, 168, ..] => "private",
        [169, 254, ..] => "link-local",
        [100, >= 64 and <= 127, ..] => "shared (carrier-grade NAT)",
        [>= 224 and <= 239, ..] => "multicast",
        [255, 255, 255, 255] => "broadcast",
        [0, ..] => "unspecified",
        _ => null,
    };

    private static string? RefusalOfIPv6(IPAddress address) =>
        address.IsIPv6LinkLocal ? "link-local"
        : address.IsIPv6Multicast ? "multicast"
        : address.IsIPv6UniqueLocal || address.IsIPv6SiteLocal ? "private"
        : null;
}

/// <summary>A webhook's address is one it may not call; the message says which address and why.</summary>
public sealed class WebhookAddressRefusedException(string message) : HttpRequestException(message);
