namespace Signal.Application.Common.Abstractions;

/// <summary>Tells whether the database can serve requests, and recognises failures that mean it cannot.</summary>
public interface IDatabaseHealth
{
    /// <summary>True when the database answers and every migration has been applied.</summary>
    Task<bool> IsReadyAsync(CancellationToken cancellationToken);

    /// <summary>
    /// True when <paramref name="exception"/> means the database is unreachable or refusing work (connection lost,
    /// server shutting down, pool exhausted, timeout) rather than a bug in the request or the code.
    /// </summary>
    bool IsUnavailable(Exception exception);

    /// <summary>
    /// True when the request's connection was lost (the server restarted, an administrator terminated the backend):
    /// the database may well be there, and the same read on a fresh connection can succeed. Timeouts and an exhausted
    /// pool are not: trying again would only make the caller wait twice as long.
    /// </summary>
    bool IsConnectionLost(Exception exception);

    /// <summary>
    /// True when the database refused a value it cannot store as text (a NUL character inside free-form JSON): the
    /// client's input is at fault, not the server.
    /// </summary>
    bool IsUnstorableText(Exception exception);

    /// <summary>
    /// Drops the idle pooled connections after an outage: once the server has gone away they are all dead, and
    /// handing them out one by one would fail a request for each.
    /// </summary>
    void DropIdleConnections();
}
