namespace Signal.Infrastructure.Persistence.Migrations;

/// <summary>
/// Whether this instance has seen the schema up to date: set once, read on every readiness probe, and awaited by the
/// background jobs, which would otherwise start on tables that a first start has not created yet.
/// </summary>
public sealed class MigrationState
{
    private readonly TaskCompletionSource _current = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsCurrent => _current.Task.IsCompleted;

    /// <summary>Completes once the schema is up to date (at once when it is); cancelled with <paramref name="cancellationToken"/>.</summary>
    public Task WaitUntilCurrentAsync(CancellationToken cancellationToken) => _current.Task.WaitAsync(cancellationToken);

    internal void MarkCurrent() => _current.TrySetResult();
}
