using Signal.Application;
using Signal.Application.Common.Behaviours;
using Signal.Application.Common.Idempotency;

namespace Signal.Api;

public static class MediatorSetup
{
    /// <summary>
    /// Handlers are scoped (they share the request's connection); behaviours run in the order listed:
    /// logging around validation around the unit of work (commands only) around idempotency keys (creates and
    /// rotations) around the handler; queries are retried once when their connection was lost.
    /// </summary>
    public static IServiceCollection AddSignalMediator(this IServiceCollection services) =>
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(DependencyInjection)];
            options.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(UnitOfWorkBehaviour<,>),
                typeof(IdempotencyBehaviour<,>),
                typeof(ReadRetryBehaviour<,>),
            ];
        });
}
