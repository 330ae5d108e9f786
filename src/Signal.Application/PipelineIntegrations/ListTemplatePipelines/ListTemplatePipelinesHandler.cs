using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;
using Signal.Application.Templates;

namespace Signal.Application.PipelineIntegrations.ListTemplatePipelines;

public sealed class ListTemplatePipelinesHandler(ITemplateQueries templates, IPipelineIntegrationQueries pipelineIntegrations, ICurrentUser user)
    : IQueryHandler<ListTemplatePipelinesQuery, ListTemplatePipelinesResponse>
{
    public async ValueTask<ListTemplatePipelinesResponse> Handle(ListTemplatePipelinesQuery query, CancellationToken cancellationToken)
    {
        var template = await templates.FindAsync(user.OrgId, query.TemplateId, cancellationToken)
            ?? throw new NotFoundException("Integration template", query.TemplateId);
        var usages = await pipelineIntegrations.ListUsagesAsync(user.OrgId, template.Id, cancellationToken);
        return new ListTemplatePipelinesResponse(usages, usages.Count);
    }
}
