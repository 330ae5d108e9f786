using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Signal.Application.Audit;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Idempotency;
using Signal.Application.Delivery;
using Signal.Application.PipelineIntegrations;
using Signal.Application.Pipelines;
using Signal.Application.Pipelines.Collector;
using Signal.Application.Pipelines.IssueChallengeToken;
using Signal.Application.Processor;
using Signal.Application.Rollouts;
using Signal.Application.Templates;
using Signal.Application.Webhooks;
using Signal.Application.Webhooks.DeliverWebhooks;
using Signal.Infrastructure.Audit;
using Signal.Infrastructure.Catalog;
using Signal.Infrastructure.Delivery;
using Signal.Infrastructure.Idempotency;
using Signal.Infrastructure.Persistence;
using Signal.Infrastructure.Persistence.Migrations;
using Signal.Infrastructure.PipelineIntegrations;
using Signal.Infrastructure.Pipelines;
using Signal.Infrastructure.Processor;
using Signal.Infrastructure.Rollouts;
using Signal.Infrastructure.Secrets;
using Signal.Infrastructure.Templates;
using Signal.Infrastructure.Webhooks;

namespace Signal.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        // Loaded here, not on first use: a catalog that breaks an integrity rule must stop start-up.
        services.AddSingleton<IIntegrationCatalog>(EmbeddedIntegrationCatalog.Load());

        DapperConfiguration.Apply();
        var database = DatabaseSettings.From(configuration);
        services.AddSingleton(database);
        services.AddNpgsqlDataSource(database.ConnectionString);
        services.AddSingleton<MigrationState>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<IDatabaseHealth, DatabaseHealth>();
        services.AddHostedService<MigrationHostedService>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<AuditTrail>();
        services.AddScoped<DbSession>();
        services.AddScoped<IAuditEventQueries, AuditEventQueries>();
        services.AddScoped<IUnitOfWork, DbSessionUnitOfWork>();
        services.AddScoped<ITemplateRepository, TemplateRepository>();
        services.AddScoped<ITemplateQueries, TemplateQueries>();
        services.AddScoped<IPipelineRepository, PipelineRepository>();
        services.AddScoped<IPipelineQueries, PipelineQueries>();
        services.AddSingleton<AvailableLabelsCache>();
        services.AddScoped<ICollectorBuilds, CollectorBuilds>();
        services.AddSingleton(new CollectorSettings(
            configuration["Collector:IngestUrl"] ?? "http://localhost:8085/v1/collect",
            configuration.GetValue("Collector:PollInterval", TimeSpan.FromSeconds(1))));
        services.AddSingleton(new ChallengeTokenSettings(configuration.GetValue("ChallengeTokens:Lifetime", TimeSpan.FromHours(1))));
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddSingleton(new IdempotencySettings(
            configuration.GetValue("Idempotency:Retention", TimeSpan.FromHours(24)),
            configuration.GetValue("Idempotency:CleanupInterval", TimeSpan.FromHours(1))));
        services.AddSingleton<IdempotencyKeyCleaner>();
        services.AddHostedService(provider => provider.GetRequiredService<IdempotencyKeyCleaner>());
        services.AddSingleton(DeliveryConfiguration.Read(configuration));
        services.AddScoped<IDeliveryReports, DeliveryReports>();
        services.AddScoped<IDeliveryHealthQueries, DeliveryHealthQueries>();
        services.AddSingleton<DeliveryMaintenance>();
        if (configuration.GetValue("Delivery:MaintenanceEnabled", defaultValue: true))
        {
            services.AddHostedService(provider => provider.GetRequiredService<DeliveryMaintenance>());
        }

        services.AddScoped<IRolloutRepository, RolloutRepository>();
        services.AddScoped<IRolloutQueries, RolloutQueries>();
        services.AddSingleton(new RolloutSettings(configuration.GetValue("Rollouts:PollInterval", TimeSpan.FromSeconds(15))));
        services.AddSingleton<RolloutWorker>();
        if (configuration.GetValue("Rollouts:WorkerEnabled", defaultValue: true))
        {
            services.AddHostedService(provider => provider.GetRequiredService<RolloutWorker>());
        }

        AddWebhooks(services, configuration);
        services.AddScoped<IPipelineIntegrationRepository, PipelineIntegrationRepository>();
        services.AddScoped<IPipelineIntegrationQueries, PipelineIntegrationQueries>();
        services.AddScoped<IProcessorFeedSource, ProcessorFeedSource>();
        services.AddSingleton(FeedSettings.From(configuration));
        services.AddSingleton<FeedVersionListener>();
        services.AddSingleton<IFeedVersion>(provider => provider.GetRequiredService<FeedVersionListener>());
        services.AddHostedService(provider => provider.GetRequiredService<FeedVersionListener>());
        if (configuration.GetValue("Collector:WorkerEnabled", defaultValue: true))
        {
            services.AddHostedService<CollectorBuildWorker>();
        }

        // Refuses to start without a master key: secrets must never be stored in plaintext.
        services.AddSingleton(MasterKeyRing.From(configuration));
        services.AddSingleton<DataKeyStore>();
        services.AddScoped<ISecretProtector, SecretProtector>();
        services.AddSingleton<DataKeyRewrapper>();
        return services;
    }

    private static void AddWebhooks(IServiceCollection services, IConfiguration configuration)
    {
        var settings = WebhookConfiguration.Read(configuration);
        services.AddSingleton(settings);
        services.AddScoped<IWebhookRepository, WebhookRepository>();
        services.AddScoped<IWebhookQueries, WebhookQueries>();
        services.AddScoped<IWebhookDeliveries, WebhookDeliveries>();
        services.AddSingleton<IWebhookSender, WebhookSender>();
        // A fresh, checked connection per attempt (the address is resolved and checked every time), no redirects, no
        // cookies; the sender applies the timeout itself so that a timeout is told apart from the host stopping.
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.Zero,
                ConnectCallback = WebhookAddressPolicy.ConnectCallback(settings.AllowPrivateNetworks),
            })
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<WebhookWorker>();
        services.AddSingleton<WebhookDeliveryCleaner>();
        if (configuration.GetValue("Webhooks:WorkerEnabled", defaultValue: true))
        {
            services.AddHostedService(provider => provider.GetRequiredService<WebhookWorker>());
            services.AddHostedService(provider => provider.GetRequiredService<WebhookDeliveryCleaner>());
        }
    }
}
