using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Signal.Application.Common.Secrets;
using Signal.Application.Common.Telemetry;
using Signal.Application.Pipelines;
using Signal.Application.Templates;

namespace Signal.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the validators. Handlers and behaviours are registered by the Mediator source generator in the host,
    /// which is the only project that references it.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // Validators hold no state and depend only on singletons; built once, because building one compiles the
        // expressions of its rules (a scoped validator cost a list request about half of its CPU).
        services.AddValidatorsFromAssemblyContaining(typeof(DependencyInjection), ServiceLifetime.Singleton);
        services.AddScoped<ConfigSealer>();
        services.AddSingleton<SignalMetrics>();
        services.AddScoped<RevisionPresenter>();
        services.AddScoped<RevisionConfigResolver>();
        return services;
    }
}
