using Signal.Domain.PipelineIntegrations;

namespace Signal.Application.PipelineIntegrations;

/// <summary>Loads and saves assignments inside the command's transaction.</summary>
public interface IPipelineIntegrationRepository
{
    /// <summary>The live assignment of that pipeline of the org, its row locked until the transaction ends.</summary>
    Task<PipelineIntegration?> FindForUpdateAsync(string orgId, string pipelineId, string id, CancellationToken cancellationToken);

    /// <summary>Inserts an assignment; throws an <c>already_assigned</c> conflict when the pipeline has that template already.</summary>
    Task AddAsync(PipelineIntegration assignment, CancellationToken cancellationToken);

    Task SaveAsync(PipelineIntegration assignment, CancellationToken cancellationToken);
}
