using System.Diagnostics;
using Signal.Api.Http;
using Signal.Application.Audit;
using Signal.Application.Common.Abstractions;

namespace Signal.Api.Auth;

/// <summary>
/// The actor and context of the current request's audit events: the token's subject and role, the trace id its
/// problem responses show, the client address as the forwarded-headers middleware left it, the user agent (truncated)
/// and the Idempotency-Key. Work outside a request (a background job) is the system's.
/// </summary>
public sealed class HttpAuditContext(IHttpContextAccessor accessor) : IAuditContext
{
    public const string SystemActorId = "signal";

    public AuditActor Actor
    {
        get
        {
            var caller = SignalCaller.Of(accessor.HttpContext?.User);
            if (caller.Subject is not { } subject)
            {
                return new AuditActor(AuditActor.System, SystemActorId, Role: null);
            }

            return caller.IsProcessor
                ? new AuditActor(AuditActor.Service, subject, Role: null)
                : new AuditActor(AuditActor.User, subject, caller.Role);
        }
    }

    public AuditRequestContext Request
    {
        get
        {
            if (accessor.HttpContext is not { } http)
            {
                return new AuditRequestContext(Activity.Current?.TraceId.ToString(), null, null, null, null);
            }

            var userAgent = http.Request.Headers.UserAgent.ToString();
            var idempotencyKey = http.Request.Headers[RequestHeaders.IdempotencyKey].ToString();
            return new AuditRequestContext(
                Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier,
                http.Connection.RemoteIpAddress?.ToString(),
                userAgent.Length == 0 ? null : userAgent[..Math.Min(userAgent.Length, AuditRequestContext.MaxUserAgentLength)],
                idempotencyKey.Length == 0 ? null : idempotencyKey,
                RolloutId: null); // A change made by a rollout names it itself (RecordedChange.RolloutId).
        }
    }
}
