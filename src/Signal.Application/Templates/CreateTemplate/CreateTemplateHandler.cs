using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Domain.Templates;

namespace Signal.Application.Templates.CreateTemplate;

public sealed class CreateTemplateHandler(ITemplateRepository templates, ICurrentUser user, TimeProvider time)
    : ICommandHandler<CreateTemplateCommand, TemplateResponse>
{
    public async ValueTask<TemplateResponse> Handle(CreateTemplateCommand command, CancellationToken cancellationToken)
    {
        var template = Template.Create(user.OrgId, command.Name, command.Vendor, command.Description, time.GetUtcNow());
        await templates.AddAsync(template, cancellationToken);
        return template.ToResponse();
    }
}
