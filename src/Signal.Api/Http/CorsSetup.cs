using Microsoft.Net.Http.Headers;

namespace Signal.Api.Http;

/// <summary>
/// Browser access from other origins: off unless <c>Cors:AllowedOrigins</c> lists origins. Then those origins may call
/// every operation with any method and header, preflights are answered before authentication (a preflight carries no
/// token), and the headers a client needs to read are exposed.
/// </summary>
public static class CorsSetup
{
    public static IReadOnlyList<string> ExposedHeaders { get; } =
        [HeaderNames.ETag, HeaderNames.Location, HeaderNames.RetryAfter, RequestHeaders.IdempotencyKey];

    public static IServiceCollection AddSignalCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        return services.AddCors(options =>
        {
            if (origins.Length > 0)
            {
                options.AddDefaultPolicy(policy => policy
                    .WithOrigins(origins)
                    .AllowAnyMethod()
                    .AllowAnyHeader()
                    .WithExposedHeaders([.. ExposedHeaders])
                    .SetPreflightMaxAge(TimeSpan.FromHours(1)));
            }
        });
    }
}
