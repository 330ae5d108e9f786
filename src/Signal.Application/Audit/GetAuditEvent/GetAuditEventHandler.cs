using System.Diagnostics.CodeAnalysis;
using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.Audit.GetAuditEvent;

[SuppressMessage("Naming", "CA1711", Justification = "The handler of the GetAuditEvent use case, named like every other; not a .NET event handler.")]
public sealed class GetAuditEventHandler(IAuditEventQueries queries, ICurrentUser user) : IQueryHandler<GetAuditEventQuery, AuditEventResponse>
{
    public async ValueTask<AuditEventResponse> Handle(GetAuditEventQuery query, CancellationToken cancellationToken) =>
        await queries.FindAsync(user.OrgId, query.Id, cancellationToken) ?? throw new NotFoundException("Audit event", query.Id);
}
