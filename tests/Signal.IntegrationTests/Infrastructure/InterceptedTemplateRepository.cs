using Signal.Application.Templates;
using Signal.Application.Templates.DeleteTemplate;
using Signal.Domain.Templates;
using Signal.Infrastructure.Templates;

namespace Signal.IntegrationTests.Infrastructure;

/// <summary>The real template repository, with its insert open to a test that wants something to go wrong after it.</summary>
public abstract class InterceptedTemplateRepository(TemplateRepository inner) : ITemplateRepository
{
    public Task<Template?> FindForUpdateAsync(string orgId, string id, CancellationToken cancellationToken) =>
        inner.FindForUpdateAsync(orgId, id, cancellationToken);

    public Task<Template?> FindForNewRevisionAsync(string orgId, string id, CancellationToken cancellationToken) =>
        inner.FindForNewRevisionAsync(orgId, id, cancellationToken);

    public Task<(Template Template, IReadOnlyList<TemplateInUsePipeline> UsedBy)?> FindForDeleteAsync(string orgId, string id, CancellationToken cancellationToken) =>
        inner.FindForDeleteAsync(orgId, id, cancellationToken);

    public virtual Task AddAsync(Template newTemplate, CancellationToken cancellationToken) => inner.AddAsync(newTemplate, cancellationToken);

    public Task SaveAsync(Template changed, CancellationToken cancellationToken) => inner.SaveAsync(changed, cancellationToken);
}
