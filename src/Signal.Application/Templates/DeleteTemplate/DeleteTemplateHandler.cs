using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.Templates.DeleteTemplate;

public sealed class DeleteTemplateHandler(ITemplateRepository templates, ICurrentUser user, TimeProvider time)
    : ICommandHandler<DeleteTemplateCommand, DeleteTemplateResponse>
{
    public async ValueTask<DeleteTemplateResponse> Handle(DeleteTemplateCommand command, CancellationToken cancellationToken)
    {
        var (template, _) = await templates.FindForUpdateAsync(user.OrgId, command.Id, cancellationToken)
            ?? throw new NotFoundException("Integration template", command.Id);
        template.Delete(time.GetUtcNow());
        await templates.SaveAsync(template, cancellationToken);
        return new DeleteTemplateResponse("deleted");
    }
}
