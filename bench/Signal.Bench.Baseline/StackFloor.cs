using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Signal.Bench.Baseline;

/// <summary>
/// The stack's floor (with <c>Stack=true</c>): GET pipeline through what the product's stack puts on every request and
/// nothing of the product's own code — an MVC controller, the framework's JWT bearer handler (validating the token on
/// every request) with a role policy, and, when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, OpenTelemetry's request,
/// SQL and runtime instrumentation exported over OTLP. The same statement and JSON as the bare baseline. What the
/// product costs beyond this host is its own code; what this host costs beyond the bare baseline is the stack's.
/// </summary>
public static class StackFloor
{
    public const string Setting = "Stack";
    public const string ViewerPolicy = "viewer";

    public static void AddStackFloor(this WebApplicationBuilder builder)
    {
        var signingKey = builder.Configuration["Auth:SigningKey"] ?? throw new InvalidOperationException("Auth:SigningKey is not set.");
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    // The product's defaults, so that its tokens are accepted here.
                    ValidIssuer = "signal",
                    ValidAudience = "signal-api",
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)),
                    NameClaimType = "sub",
                    RoleClaimType = "role",
                };
            });
        builder.Services.AddAuthorization(authorization =>
            authorization.AddPolicy(ViewerPolicy, policy => policy.RequireRole("viewer", "editor", "admin")));
        builder.Services
            .AddControllers()
            .AddJsonOptions(options =>
            {
                options.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
                options.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, BaselineJson.Default);
            });

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry()
                .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddNpgsql().AddOtlpExporter())
                .WithMetrics(metrics => metrics
                    .AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddNpgsqlInstrumentation().AddOtlpExporter());
        }
    }

    public static void UseStackFloor(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapControllers();
    }
}

/// <summary>The stack's floor's one action: what <c>GET /v1/admin/pipelines/{id}</c> returns, from the bare baseline's statement.</summary>
[ApiController]
[Route("v1/admin/pipelines")]
[Authorize(Policy = StackFloor.ViewerPolicy)]
public sealed class PipelinesController(NpgsqlDataSource dataSource) : ControllerBase
{
    [HttpGet("{id}")]
    public async Task<ActionResult<PipelineJson>> Get(string id, CancellationToken cancellationToken) =>
        await PipelineReader.ReadAsync(dataSource, User.FindFirstValue("org_id")!, id, cancellationToken) is { } pipeline
            ? pipeline
            : NotFound();
}
