using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.Templates.UpdateTemplate;

public sealed class UpdateTemplateHandler(ITemplateRepository templates, ICurrentUser user, IEntityTags entityTags, TimeProvider time)
    : ICommandHandler<UpdateTemplateCommand, TemplateResponse>
{
    public async ValueTask<TemplateResponse> Handle(UpdateTemplateCommand command, CancellationToken cancellationToken)
    {
        var template = await templates.FindForUpdateAsync(user.OrgId, command.Id, cancellationToken)
            ?? throw new NotFoundException("Integration template", command.Id);
        entityTags.EnsureMatches(command.IfMatch, template.ToResponse(), "integration template");

        var now = time.GetUtcNow();
        if (command.Name is not null)
        {
            template.Rename(command.Name, now);
        }

        if (command.Description is not null)
        {
            template.Describe(command.Description, now);
        }

        await templates.SaveAsync(template, cancellationToken);
        return template.ToResponse();
    }
}
