using Signal.Application.Templates.DeleteTemplate;
using Signal.Domain.Templates;

namespace Signal.Application.Templates;

/// <summary>Loads and saves the <see cref="Template"/> aggregate inside the command's transaction.</summary>
public interface ITemplateRepository
{
    /// <summary>The org's non-deleted template, its row locked until the transaction ends.</summary>
    Task<Template?> FindForUpdateAsync(string orgId, string id, CancellationToken cancellationToken);

    /// <summary>
    /// Like <see cref="FindForUpdateAsync"/>, with the newest revision opened (secrets in plaintext) as
    /// <see cref="Template.Latest"/>: what adding a revision needs.
    /// </summary>
    Task<Template?> FindForNewRevisionAsync(string orgId, string id, CancellationToken cancellationToken);

    /// <summary>
    /// The org's non-deleted template, its row locked, with the live pipelines that use it (what blocks a delete), in
    /// one round trip: while the lock is held no pipeline integration can be added.
    /// </summary>
    Task<(Template Template, IReadOnlyList<TemplateInUsePipeline> UsedBy)?> FindForDeleteAsync(string orgId, string id, CancellationToken cancellationToken);

    /// <summary>Inserts a new template and its new revisions, their secrets sealed. Throws a <c>name_conflict</c> conflict when the name is taken.</summary>
    Task AddAsync(Template newTemplate, CancellationToken cancellationToken);

    /// <summary>Writes the template's changes and inserts its new revisions, their secrets sealed.</summary>
    Task SaveAsync(Template changed, CancellationToken cancellationToken);
}
