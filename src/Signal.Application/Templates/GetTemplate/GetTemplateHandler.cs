using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.Templates.GetTemplate;

public sealed class GetTemplateHandler(ITemplateQueries queries, ICurrentUser user) : IQueryHandler<GetTemplateQuery, TemplateResponse>
{
    public async ValueTask<TemplateResponse> Handle(GetTemplateQuery query, CancellationToken cancellationToken)
    {
        return await queries.FindAsync(user.OrgId, query.Id, cancellationToken)
            ?? throw new NotFoundException("Integration template", query.Id);
    }
}
