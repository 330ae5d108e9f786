namespace Signal.Api.Http;

/// <summary>Bounds on what a client may send (docs/reliability.md).</summary>
public static class RequestLimits
{
    public const long MaxBodyBytes = 1024 * 1024;

    public const int MaxJsonDepth = 32;
}
