using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;

namespace Signal.Api.Auth;

/// <summary>
/// Authentication results of bearer tokens that validated, by the exact <c>Authorization</c> header, each kept until
/// its token expires (plus the clock skew the validation allows). Clients — the event processors above all — send the
/// same token on every request; validating it again each time was most of what a cached response cost.
/// </summary>
/// <remarks>
/// The remembered ticket is shared by the requests that present the token: nothing in this API changes a principal
/// after authentication (there is no claims transformation), so sharing it is safe and saves rebuilding its claims.
/// </remarks>
public sealed class ValidatedTokenCache(TimeProvider time)
{
    public const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (AuthenticationTicket Ticket, DateTimeOffset Until)> _tickets = new(StringComparer.Ordinal);

    public static TimeSpan ClockSkew { get; } = TimeSpan.FromSeconds(30);

    public int Count => _tickets.Count;

    public bool TryGet(string authorization, out AuthenticationTicket ticket)
    {
        if (_tickets.TryGetValue(authorization, out var entry))
        {
            if (time.GetUtcNow() < entry.Until)
            {
                ticket = entry.Ticket;
                return true;
            }

            _tickets.TryRemove(authorization, out _);
        }

        ticket = null!;
        return false;
    }

    /// <summary>Remembers a successful result whose expiry is known; a full cache is emptied rather than grown.</summary>
    public void Remember(string authorization, AuthenticationTicket ticket)
    {
        if (ticket.Properties.ExpiresUtc is not { } expires)
        {
            return;
        }

        if (_tickets.Count >= MaxEntries)
        {
            _tickets.Clear();
        }

        _tickets[authorization] = (ticket, expires + ClockSkew);
    }
}
