namespace Signal.Application.Common.Abstractions;

/// <summary>
/// One connection and one transaction per command. Begun and committed by the unit-of-work behaviour, never by a
/// handler; anything a handler throws rolls the whole command back.
/// </summary>
public interface IUnitOfWork
{
    Task BeginAsync(CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="action"/> once the command's transaction has committed, never if it rolls back.</summary>
    void AfterCommit(Action action);
}
