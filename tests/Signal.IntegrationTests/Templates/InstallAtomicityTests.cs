using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Signal.Application.Templates;
using Signal.Domain.Templates;
using Signal.Infrastructure.Templates;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Templates;

/// <summary>An install whose write fails after the template row is written leaves nothing behind.</summary>
public sealed class InstallAtomicityTests(InstallAtomicityTests.FailingWriteApiFactory factory)
    : ApiTest<InstallAtomicityTests.FailingWriteApiFactory>(factory), IClassFixture<InstallAtomicityTests.FailingWriteApiFactory>
{
    [Fact]
    public async Task FailureAfterTheTemplateInsert_RollsBackEverything()
    {
        using var response = await Factory.CreateClient("org_test", "editor")
            .PostJsonAsync("/v1/admin/integration-catalog/meta_capi/install", TemplateApi.MetaSeedInstall);

        await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError, "internal_error");
        (await Db.ScalarAsync<long>("SELECT count(*) FROM integration_templates")).Should().Be(0);
        (await Db.ScalarAsync<long>("SELECT count(*) FROM integration_revisions")).Should().Be(0);
    }

    [Fact]
    public async Task RevisionThatViolatesAConstraint_LeavesNoTemplate()
    {
        // jsonb cannot hold U+0000: the revision insert fails inside the database, after the template insert.
        using var response = await Factory.CreateClient("org_test", "editor").PostJsonAsync(
            "/v1/admin/integration-catalog/webhook/install", """{"name":"Hook","config":{"url":"https://h.example","note":"a\u0000b"}}""");

        ((int)response.StatusCode).Should().BeGreaterThanOrEqualTo(400);
        (await Db.ScalarAsync<long>("SELECT count(*) FROM integration_templates")).Should().Be(0);
    }

    public sealed class FailingWriteApiFactory : SignalApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddScoped<TemplateRepository>();
                services.AddScoped<ITemplateRepository>(provider => new FailAfterWrite(provider.GetRequiredService<TemplateRepository>()));
            });
        }
    }

    /// <summary>Writes for real, then fails as a crash between two statements would.</summary>
    private sealed class FailAfterWrite(TemplateRepository inner) : InterceptedTemplateRepository(inner)
    {
        public override async Task AddAsync(Template newTemplate, CancellationToken cancellationToken)
        {
            await base.AddAsync(newTemplate, cancellationToken);
            throw new InvalidOperationException("injected failure after the insert");
        }
    }
}
