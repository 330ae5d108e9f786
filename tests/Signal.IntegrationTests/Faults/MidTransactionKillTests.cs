using System.Net;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Signal.Application.Templates;
using Signal.Domain.Templates;
using Signal.Infrastructure.Persistence;
using Signal.Infrastructure.Templates;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.Templates;

namespace Signal.IntegrationTests.Faults;

/// <summary>
/// The server terminates the request's backend in the middle of an install — the template and its revision v1 written,
/// the transaction not yet committed: the client gets a 503 problem and the database holds nothing of the install.
/// </summary>
[Collection(PostgresFaults.Name)]
public sealed class MidTransactionKillTests(MidTransactionKillTests.KillingApiFactory factory)
    : ApiTest<MidTransactionKillTests.KillingApiFactory>(factory), IClassFixture<MidTransactionKillTests.KillingApiFactory>
{
    [Fact]
    public async Task ABackendKilledMidTransaction_LeavesNoPartialWrite()
    {
        using var response = await Factory.CreateClient("org_test", "editor").PostJsonAsync(
            "/v1/admin/integration-catalog/meta_capi/install", TemplateApi.MetaSeedInstall);

        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "database_unavailable");
        (await Db.ScalarAsync<long>("SELECT count(*) FROM integration_templates")).Should().Be(0);
        (await Db.ScalarAsync<long>("SELECT count(*) FROM integration_revisions")).Should().Be(0);
        await Invariants.ShouldHoldAsync("EAABsb-seed-token-5678");
    }

    public sealed class KillingApiFactory : SignalApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddScoped<TemplateRepository>();
                services.AddScoped<ITemplateRepository>(provider => new KillBackendAfterInsert(
                    provider.GetRequiredService<TemplateRepository>(), provider.GetRequiredService<DbSession>()));
            });
        }
    }

    /// <summary>Inserts the template for real, then has the server terminate this very backend.</summary>
    private sealed class KillBackendAfterInsert(TemplateRepository inner, DbSession session) : InterceptedTemplateRepository(inner)
    {
        public override async Task AddAsync(Template newTemplate, CancellationToken cancellationToken)
        {
            await base.AddAsync(newTemplate, cancellationToken);
            var connection = await session.ConnectionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_terminate_backend(pg_backend_pid())", transaction: session.Transaction, cancellationToken: cancellationToken));
        }
    }
}
