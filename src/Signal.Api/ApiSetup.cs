using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Formatters;
using Signal.Api.Auth;
using Signal.Api.Errors;
using Signal.Api.Http;
using Signal.Api.OpenApi;
using Signal.Api.RateLimiting;
using Signal.Api.Telemetry;
using Signal.Application;
using Signal.Application.Common.Abstractions;
using Signal.Infrastructure;

namespace Signal.Api;

public static class ApiSetup
{
    public static WebApplicationBuilder AddSignal(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes;
        });

        builder.AddSignalTelemetry();
        var services = builder.Services;

        // On SIGTERM Kestrel stops accepting at once and requests in flight get this long to finish; background jobs
        // are cancelled between steps and roll back (another pass takes them again). Keep an orchestrator's grace
        // period longer than this.
        services.Configure<HostOptions>(host =>
            host.ShutdownTimeout = builder.Configuration.GetValue("ShutdownTimeout", TimeSpan.FromSeconds(30)));
        services.AddApplication();
        services.AddSignalMediator();
        services.AddInfrastructure(builder.Configuration);
        services.AddSignalAuthentication(builder.Configuration);
        services.AddSignalRateLimiting(builder.Configuration);
        services.AddHttpContextAccessor();
        services.AddSignalForwardedHeaders(builder.Configuration);
        services.AddSignalCors(builder.Configuration);
        // Both read the current request through the accessor, so one instance serves every request.
        services.AddSingleton<ICurrentUser, HttpCurrentUser>();
        services.AddSingleton<IAuditContext, HttpAuditContext>();
        services.AddSingleton<ETagFilter>();
        services.AddSingleton<FeedNotModified>();
        services.AddSingleton<JsonEntityTags>();
        services.AddSingleton<IEntityTags>(provider => provider.GetRequiredService<JsonEntityTags>());

        services.AddProblemDetails(options =>
            options.CustomizeProblemDetails = context => ProblemDefaults.Complete(context.HttpContext, context.ProblemDetails));
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.ConfigureHttpJsonOptions(options => JsonDefaults.Apply(options.SerializerOptions));

        services
            .AddControllers(mvc =>
            {
                // One filter instance for every action (it holds nothing per request), not one made per request.
                mvc.Filters.Add(new ServiceFilterAttribute(typeof(ETagFilter)) { IsReusable = true });
                mvc.Conventions.Add(new ProblemResponsesConvention());
                mvc.Conventions.Add(new HeadForEveryGetConvention());
                mvc.ReturnHttpNotAcceptable = true;

                // Model-state keys of a body error are JSON paths; leave room for the deepest body we accept.
                mvc.MaxModelBindingRecursionDepth = 2 * RequestLimits.MaxJsonDepth;
                mvc.OutputFormatters.RemoveType<StringOutputFormatter>();
                mvc.ModelBinderProviders.Insert(0, new WireEnumModelBinderProvider());
            })
            .AddJsonOptions(options => JsonDefaults.Apply(options.JsonSerializerOptions))
            .ConfigureApiBehaviorOptions(options =>
                options.InvalidModelStateResponseFactory = InvalidModelStateResponse.Create);

        services.AddSignalOpenApi();
        return builder;
    }

    public static WebApplication UseSignal(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<ResponseHeadersMiddleware>();
        app.UseMiddleware<HeadResponseMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseMiddleware<NulCharacterMiddleware>();
        app.UseMiddleware<FeedPollShortcutMiddleware>();
        // The documentation's middlewares (document, UI, its static files) only for what is not the API itself.
        app.UseWhen(context => !context.Request.Path.StartsWithSegments(ResponseHeadersMiddleware.Api), docs => docs.UseSignalOpenApi());
        app.UseRouting();
        app.UseSignalCors(app.Configuration);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<FeedNotModifiedMiddleware>();
        app.MapControllers();
        app.MapSignalMetrics();
        return app;
    }
}
