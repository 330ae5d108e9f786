namespace Signal.Api.RateLimiting;

/// <summary>
/// Requests a caller may make per minute (<c>RateLimiting:*</c>): per user on <c>/v1/admin</c> — 100, the limit the product this
/// API reimplements documents — and per service principal on <c>/v1/processor</c>, which polls every 5 s from many instances.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    public int AdminPermitsPerMinute { get; init; } = 100;

    public int ProcessorPermitsPerMinute { get; init; } = 600;
}
