using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Signal.Api.Http;

/// <summary>
/// Which proxies may say who the client is: <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed only from
/// the addresses in <c>ForwardedHeaders:KnownProxies</c> and networks in <c>ForwardedHeaders:KnownNetworks</c> (CIDR),
/// and from loopback, which is always trusted. From anyone else they are ignored, so a client cannot put another
/// address into the audit log.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddSignalForwardedHeaders(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
}
