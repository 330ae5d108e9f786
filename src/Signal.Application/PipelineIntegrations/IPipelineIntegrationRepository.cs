using Signal.Domain.PipelineIntegrations;
using Signal.Domain.Templates;

namespace Signal.Application.PipelineIntegrations;

/// <summary>Loads and saves assignments inside the command's transaction.</summary>
public interface IPipelineIntegrationRepository
{
    /// <summary>
    /// The live assignment of that pipeline of the org, its row locked until the transaction ends, with what a GET
    /// shows of it now and, when <paramref name="wanted"/> names one, that revision of its template — all in one round trip.
    /// </summary>
    Task<AssignmentForChange?> FindForUpdateAsync(string orgId, string pipelineId, string id, WantedRevision? wanted, CancellationToken cancellationToken);

    /// <summary>
    /// What a new assignment refers to, in one round trip: whether the org's pipeline is live (key-share locked, so it
    /// cannot be deleted meanwhile), the template (share locked, likewise) and the wanted revision of it — or, when
    /// none is wanted, its latest.
    /// </summary>
    Task<AssignmentTargets> FindTargetsAsync(string orgId, string pipelineId, string templateId, WantedRevision? wanted, CancellationToken cancellationToken);

    /// <summary>Inserts an assignment; throws an <c>already_assigned</c> conflict when the pipeline has that template already.</summary>
    Task AddAsync(PipelineIntegration assignment, CancellationToken cancellationToken);

    Task SaveAsync(PipelineIntegration assignment, CancellationToken cancellationToken);
}

/// <summary>A revision asked for by id or by number.</summary>
public sealed record WantedRevision(string? Id, int? Number);

/// <summary>The pipeline, template and revision a new assignment refers to; null or false where they do not exist.</summary>
public sealed record AssignmentTargets(bool PipelineFound, Template? Template, Revision? Revision);

/// <summary>
/// An assignment locked for a change: the aggregate, its current representation (for <c>If-Match</c> and for the
/// response after the change) and the wanted revision, null when the template has none such.
/// </summary>
public sealed record AssignmentForChange(PipelineIntegration Assignment, PipelineIntegrationResponse Current, Revision? WantedRevision);
