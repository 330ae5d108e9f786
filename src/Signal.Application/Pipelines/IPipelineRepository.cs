using Signal.Domain.Pipelines;

namespace Signal.Application.Pipelines;

/// <summary>Loads and saves the <see cref="Pipeline"/> aggregate inside the command's transaction.</summary>
public interface IPipelineRepository
{
    /// <summary>The org's non-deleted pipeline, its row locked until the transaction ends.</summary>
    Task<Pipeline?> FindForUpdateAsync(string orgId, string id, CancellationToken cancellationToken);

    /// <summary>
    /// <paramref name="baseSlug"/>, or <c>base-2</c>, <c>base-3</c>… whichever is free in the org. Holds a transaction-scoped
    /// lock on the base slug so that concurrent creates of the same name cannot pick the same one.
    /// </summary>
    Task<string> ReserveSlugAsync(string orgId, string baseSlug, CancellationToken cancellationToken);

    /// <summary>Inserts a new pipeline. Throws a <c>slug_conflict</c> conflict when the slug is taken.</summary>
    Task AddAsync(Pipeline newPipeline, CancellationToken cancellationToken);

    /// <summary>Writes the pipeline's changes. Throws a <c>slug_conflict</c> conflict when its new slug is taken.</summary>
    Task SaveAsync(Pipeline changed, CancellationToken cancellationToken);
}
