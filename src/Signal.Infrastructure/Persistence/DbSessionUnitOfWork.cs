using Signal.Application.Common.Abstractions;

namespace Signal.Infrastructure.Persistence;

/// <summary>
/// The unit of work over the request's <see cref="DbSession"/>. Deliberately not disposable: the container disposes
/// each object once per registration that produced it, so only the session's own registration may own its disposal.
/// </summary>
internal sealed class DbSessionUnitOfWork(DbSession session) : IUnitOfWork
{
    public Task BeginAsync(CancellationToken cancellationToken) => session.BeginAsync(cancellationToken);

    public Task CommitAsync(CancellationToken cancellationToken) => session.CommitAsync(cancellationToken);

    public void AfterCommit(Action action) => session.AfterCommit(action);
}
