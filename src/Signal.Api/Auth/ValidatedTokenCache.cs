using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;

namespace Signal.Api.Auth;

/// <summary>
/// Authentication results of bearer tokens that validated, by the exact <c>Authorization</c> header, each kept until
/// its token expires (plus the clock skew the validation allows). Clients — the event processors above all — send the
/// same token on every request; validating it again each time was most of what a cached response cost.
/// </summary>
/// <remarks>
/// The remembered result (a completed task, so a request allocates none) is shared by the requests that present the
/// token: nothing in this API changes a principal after authentication (there is no claims transformation), so sharing
/// it is safe and saves rebuilding its claims.
/// </remarks>
public sealed class ValidatedTokenCache(TimeProvider time)
{
    public const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (Task<AuthenticateResult> Result, DateTimeOffset Until)> _results = new(StringComparer.Ordinal);

    public static TimeSpan ClockSkew { get; } = TimeSpan.FromSeconds(30);

    public int Count => _results.Count;

    public bool TryGet(string authorization, out Task<AuthenticateResult> result)
    {
        if (_results.TryGetValue(authorization, out var entry))
        {
            if (time.GetUtcNow() < entry.Until)
            {
                result = entry.Result;
                return true;
            }

            _results.TryRemove(authorization, out _);
        }

        result = null!;
        return false;
    }

    /// <summary>Remembers a validated ticket whose expiry is known; a full cache is emptied rather than grown.</summary>
    public void Remember(string authorization, AuthenticationTicket ticket)
    {
        if (ticket.Properties.ExpiresUtc is not { } expires)
        {
            return;
        }

        if (_results.Count >= MaxEntries)
        {
            _results.Clear();
        }

        _results[authorization] = (Task.FromResult(AuthenticateResult.Success(ticket)), expires + ClockSkew);
    }
}
