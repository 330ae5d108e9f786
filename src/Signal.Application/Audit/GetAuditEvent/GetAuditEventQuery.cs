using Mediator;

namespace Signal.Application.Audit.GetAuditEvent;

public sealed record GetAuditEventQuery(string Id) : IQuery<AuditEventResponse>;
