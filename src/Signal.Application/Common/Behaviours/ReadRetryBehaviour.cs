using Mediator;
using Microsoft.Extensions.Logging;
using Signal.Application.Common.Abstractions;

namespace Signal.Application.Common.Behaviours;

/// <summary>
/// Runs a query a second time when its connection was lost under it — a pooled connection that died with a server
/// restart, a terminated backend — after dropping the idle pooled connections (likely dead too). A read has no effect,
/// so trying again is safe. Commands are not retried: their transaction is gone, and whether it committed before the
/// connection broke is unknown; a client that needs to retry one sends an Idempotency-Key.
/// </summary>
public sealed partial class ReadRetryBehaviour<TMessage, TResponse>(
    IDatabaseHealth databaseHealth,
    ILogger<ReadRetryBehaviour<TMessage, TResponse>> logger) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IQuery<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && databaseHealth.IsConnectionLost(e))
        {
            LogRetrying(typeof(TMessage).Name, e.GetType().Name);
            databaseHealth.DropIdleConnections();
            return await next(message, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Query} lost its database connection ({Error}); running it once more on a fresh one")]
    private partial void LogRetrying(string query, string error);
}
