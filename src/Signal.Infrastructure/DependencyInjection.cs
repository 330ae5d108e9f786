using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Signal.Application.Common.Abstractions;
using Signal.Infrastructure.Catalog;
using Signal.Infrastructure.Persistence;
using Signal.Infrastructure.Persistence.Migrations;

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
        return services;
    }
}
