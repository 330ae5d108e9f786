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
        var origins = AllowedOrigins(configuration);
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

    /// <summary>
    /// The CORS middleware only where origins are listed: without them it answers nothing, yet it would resolve its
    /// policy provider on every request.
    /// </summary>
    public static IApplicationBuilder UseSignalCors(this IApplicationBuilder app, IConfiguration configuration) =>
        AllowedOrigins(configuration).Length > 0 ? app.UseCors() : app;

    private static string[] AllowedOrigins(IConfiguration configuration) =>
        configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
}
