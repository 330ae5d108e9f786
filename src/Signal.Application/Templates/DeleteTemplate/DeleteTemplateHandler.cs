using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.Templates.DeleteTemplate;

public sealed class DeleteTemplateHandler(ITemplateRepository templates, ICurrentUser user, IEntityTags entityTags, TimeProvider time)
    : ICommandHandler<DeleteTemplateCommand, DeleteTemplateResponse>
{
    public async ValueTask<DeleteTemplateResponse> Handle(DeleteTemplateCommand command, CancellationToken cancellationToken)
    {
        var (template, usedBy) = await templates.FindForDeleteAsync(user.OrgId, command.Id, cancellationToken)
            ?? throw new NotFoundException("Integration template", command.Id);
        entityTags.EnsureMatches(command.IfMatch, template.ToResponse(), "integration template");

        if (usedBy.Count > 0)
        {
            throw new ConflictException("template_in_use",
                $"Integration template '{template.Id}' is assigned to {usedBy.Count} pipeline(s); remove those assignments first.",
                new Dictionary<string, object>
                {
                    ["pipelines"] = usedBy,
                });
        }

        template.Delete(time.GetUtcNow());
        await templates.SaveAsync(template, cancellationToken);
        return new DeleteTemplateResponse("deleted");
    }
}
