using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;
using Signal.Application.PipelineIntegrations;

namespace Signal.Application.Templates.DeleteTemplate;

public sealed class DeleteTemplateHandler(
    ITemplateRepository templates, IPipelineIntegrationQueries assignments, ICurrentUser user, TimeProvider time)
    : ICommandHandler<DeleteTemplateCommand, DeleteTemplateResponse>
{
    public async ValueTask<DeleteTemplateResponse> Handle(DeleteTemplateCommand command, CancellationToken cancellationToken)
    {
        var (template, _) = await templates.FindForUpdateAsync(user.OrgId, command.Id, cancellationToken)
            ?? throw new NotFoundException("Integration template", command.Id);

        // The template row is locked: no assignment can be added until this transaction ends.
        var usages = await assignments.ListUsagesAsync(user.OrgId, template.Id, cancellationToken);
        if (usages.Count > 0)
        {
            throw new ConflictException("template_in_use",
                $"Integration template '{template.Id}' is assigned to {usages.Count} pipeline(s); remove those assignments first.",
                new Dictionary<string, object>
                {
                    ["pipelines"] = usages.Select(u => new TemplateInUsePipeline(u.PipelineId, u.PipelineName)).ToList(),
                });
        }

        template.Delete(time.GetUtcNow());
        await templates.SaveAsync(template, cancellationToken);
        return new DeleteTemplateResponse("deleted");
    }
}
