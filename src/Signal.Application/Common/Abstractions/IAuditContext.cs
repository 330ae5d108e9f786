using Signal.Application.Audit;

namespace Signal.Application.Common.Abstractions;

/// <summary>Who is making the current changes and from where: what every audit event of the request records.</summary>
public interface IAuditContext
{
    AuditActor Actor { get; }

    AuditRequestContext Request { get; }
}
