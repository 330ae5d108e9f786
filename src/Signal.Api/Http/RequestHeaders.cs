namespace Signal.Api.Http;

/// <summary>Request headers of ours that the framework has no name for.</summary>
public static class RequestHeaders
{
    /// <summary>Makes a create or rotate safe to retry (docs/idempotency.md).</summary>
    public const string IdempotencyKey = "Idempotency-Key";
}
