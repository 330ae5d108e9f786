using Signal.Api.Auth;
using Signal.Client;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.Rollouts;

namespace Signal.IntegrationTests.Contract;

/// <summary>A partner's integration, written with nothing but the client generated from the checked-in contract.</summary>
public sealed class PartnerScenarioTests(SignalApiFactory factory) : ApiTest(factory)
{
    private const string ReferenceConfigJson = """{"measurement_id":"{{pipeline_param.ga4_measurement_id}}","api_secret":"{{pipeline_param.ga4_api_secret}}","debug_mode":false}""";

    [Fact]
    public async Task InstallAssignResolveDeployRotateAndCleanUp_WithTheGeneratedClient()
    {
        var cancellationToken = CancellationToken.None;
        var (catalog, templates, pipelines, assignments) = Clients("admin");

        var installed = await catalog.InstallAsync("ga4", new InstallRequest
        {
            Name = "GA4 via partner client",
            Config = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object>>(ReferenceConfigJson)!,
        }, cancellationToken: cancellationToken);
        installed.Template.Vendor.Should().Be("ga4");
        installed.Revision.RevisionNumber.Should().Be(1);
        installed.Revision.DeliveryMode.Should().Be(DeliveryMode.ServerSide);

        var marketing = await pipelines.CreateAsync(new CreatePipelineRequest
        {
            Name = "Partner Marketing",
            Type = PipelineType.Web,
            Parameters = new Dictionary<string, string> { ["ga4_measurement_id"] = "G-MARKET", ["ga4_api_secret"] = "market-secret-0001" },
        }, cancellationToken: cancellationToken);
        var shop = await pipelines.CreateAsync(new CreatePipelineRequest
        {
            Name = "Partner Shop",
            Parameters = new Dictionary<string, string> { ["ga4_measurement_id"] = "G-SHOP", ["ga4_api_secret"] = "shop-secret-0002" },
        }, cancellationToken: cancellationToken);
        marketing.PipelineKeySecret.Should().StartWith("sk_");
        (await pipelines.ListAsync(sort: "name:asc", cancellationToken: cancellationToken)).Pipelines
            .Select(p => p.Name).Should().Equal("Partner Marketing", "Partner Shop");

        var onMarketing = await assignments.AssignAsync(marketing.Id, new AssignIntegrationRequest { IntegrationId = installed.Template.Id }, cancellationToken: cancellationToken);
        var onShop = await assignments.AssignAsync(shop.Id, new AssignIntegrationRequest { IntegrationId = installed.Template.Id }, cancellationToken: cancellationToken);

        (await pipelines.GetResolvedConfigAsync(marketing.Id, cancellationToken)).Integrations.Single().Config["measurement_id"].ToString().Should().Be("G-MARKET");
        (await pipelines.GetResolvedConfigAsync(shop.Id, cancellationToken)).Integrations.Single().Config["measurement_id"].ToString().Should().Be("G-SHOP");

        var v2 = await templates.CreateRevisionAsync(installed.Template.Id, new CreateRevisionRequest
        {
            Config = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object>>(ReferenceConfigJson.Replace("false", "true", StringComparison.Ordinal))!,
            DeliveryMode = DeliveryMode.ServerSide,
            ChangeSummary = "Turn on debug mode",
        }, cancellationToken: cancellationToken);
        v2.RevisionNumber.Should().Be(2);
        var deployed = await assignments.UpdateAsync(marketing.Id, onMarketing.Id, new UpdateAssignmentRequest { RevisionNumber = 2 }, cancellationToken: cancellationToken);
        deployed.RevisionNumber.Should().Be(2);
        deployed.UpdateAvailable.Should().BeFalse();
        (await assignments.GetAsync(shop.Id, onShop.Id, cancellationToken)).UpdateAvailable.Should().BeTrue("the shop stays on v1");
        (await pipelines.GetResolvedConfigAsync(marketing.Id, cancellationToken)).Integrations.Single().Config["debug_mode"].ToString().Should().Be("True");
        (await pipelines.GetResolvedConfigAsync(shop.Id, cancellationToken)).Integrations.Single().Config["debug_mode"].ToString().Should().Be("False");

        var rotated = await pipelines.RotateSecretAsync(shop.Id, cancellationToken: cancellationToken);
        rotated.PipelineKeySecret.Should().NotBe(shop.PipelineKeySecret);
        (await pipelines.GetAsync(shop.Id, cancellationToken)).PipelineKeySecretPrefix.Should().Be(rotated.PipelineKeySecretPrefix);

        // The history of what the partner just changed on the marketing pipeline's assignment, newest first.
        var history = await new AuditEventsClient(Options("admin"), Factory.CreateClient())
            .ListAsync(resourceId: onMarketing.Id, cancellationToken: cancellationToken);
        history.AuditEvents.Select(e => e.Action).Should().Equal("pipeline_integration.updated", "pipeline_integration.created");
        var deploy = history.AuditEvents[0];
        deploy.Actor.Id.Should().Be("user_partner");
        deploy.Changes.Keys.Should().BeEquivalentTo("revision_id", "revision_number");
        deploy.Changes["revision_number"].ToString().Should().Contain("\"new\":2");
        history.NextCursor.Should().BeNull();

        (await templates.ListPipelinesAsync(installed.Template.Id, cancellationToken)).Total.Should().Be(2);
        await assignments.RemoveAsync(marketing.Id, onMarketing.Id, cancellationToken: cancellationToken);
        await assignments.RemoveAsync(shop.Id, onShop.Id, cancellationToken: cancellationToken);
        (await pipelines.DeleteAsync(marketing.Id, cancellationToken: cancellationToken)).Status.Should().Be("deleted");
        (await pipelines.DeleteAsync(shop.Id, cancellationToken: cancellationToken)).Status.Should().Be("deleted");
        (await templates.DeleteAsync(installed.Template.Id, cancellationToken: cancellationToken)).Status.Should().Be("deleted");
        (await templates.ListAsync(cancellationToken: cancellationToken)).Total.Should().Be(0);
    }

    [Fact]
    public async Task RollARevisionOutInTwoWaves_WithTheGeneratedClient()
    {
        var cancellationToken = CancellationToken.None;
        var (catalog, templates, pipelines, assignments) = Clients("editor");
        var rollouts = new RolloutsClient(Options("editor"), Factory.CreateClient());
        var template = (await catalog.InstallAsync("ga4", new InstallRequest
        {
            Name = "GA4 fleet",
            Config = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object>>(ReferenceConfigJson)!,
        }, cancellationToken: cancellationToken)).Template;
        foreach (var name in new[] { "EU shop", "US shop" })
        {
            var pipeline = await pipelines.CreateAsync(new CreatePipelineRequest
            {
                Name = name,
                Labels = ["env:prod"],
                Parameters = new Dictionary<string, string> { ["ga4_measurement_id"] = "G-" + name[..2], ["ga4_api_secret"] = "fleet-secret-0003" },
            }, cancellationToken: cancellationToken);
            await assignments.AssignAsync(pipeline.Id, new AssignIntegrationRequest { IntegrationId = template.Id }, cancellationToken: cancellationToken);
        }

        await templates.CreateRevisionAsync(template.Id, new CreateRevisionRequest
        {
            Config = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object>>(ReferenceConfigJson.Replace("false", "true", StringComparison.Ordinal))!,
            DeliveryMode = DeliveryMode.ServerSide,
            ChangeSummary = "Turn on debug mode everywhere",
        }, cancellationToken: cancellationToken);
        var request = new CreateRolloutRequest
        {
            IntegrationId = template.Id,
            RevisionNumber = 2,
            Selector = new RolloutSelectorInput { Labels = ["env:prod"] },
            Waves = [new RolloutWaveInput { Percent = 50 }, new RolloutWaveInput { Percent = 100 }],
            BakeMinutes = 0,
            HealthGate = new HealthGateInput { MaxFailureRate = 0.05, MinEvents = 100 },
        };

        var plan = await rollouts.PlanAsync(request, cancellationToken);
        plan.Waves.Select(w => w.Pipelines.Count).Should().Equal(1, 1);
        plan.Waves.SelectMany(w => w.Pipelines).Should().OnlyContain(p => p.FromRevision == 1 && p.ToRevision == 2 && p.UnresolvedParameters.Count == 0);

        var started = await rollouts.StartAsync(request, cancellationToken: cancellationToken);
        started.Status.Should().Be(RolloutStatus.Running);
        started.Waves[0].Pipelines.Single().Status.Should().Be(TargetStatus.Deployed);
        started.Waves[1].Pipelines.Single().Status.Should().Be(TargetStatus.Pending);

        await Factory.PassAsync();
        (await rollouts.GetAsync(started.Id, cancellationToken)).CurrentWave.Should().Be(2);
        await Factory.PassAsync();

        var completed = await rollouts.ListAsync(status: RolloutStatus.Completed, cancellationToken: cancellationToken);
        completed.Rollouts.Single().Id.Should().Be(started.Id);
        completed.Rollouts.Single().Waves.SelectMany(w => w.Pipelines).Should().OnlyContain(p => p.Status == TargetStatus.Deployed);
    }

    [Fact]
    public async Task ValidationError_ArrivesAsTheTypedException_NamingTheField()
    {
        var (_, _, pipelines, _) = Clients("editor");

        var create = () => pipelines.CreateAsync(new CreatePipelineRequest { Name = "Bad", RateLimitRps = 0 }, cancellationToken: CancellationToken.None);

        var problem = (await create.Should().ThrowAsync<SignalApiException<ApiProblem>>()).Which;
        problem.StatusCode.Should().Be(400);
        problem.Result.Code.Should().Be("validation_failed");
        problem.Result.Errors.Should().ContainKey("rate_limit_rps");
    }

    [Fact]
    public async Task RoleTooLow_ArrivesAsTheTypedException()
    {
        var (_, _, pipelines, _) = Clients("viewer");

        var create = () => pipelines.CreateAsync(new CreatePipelineRequest { Name = "Denied" }, cancellationToken: CancellationToken.None);

        var problem = (await create.Should().ThrowAsync<SignalApiException<ApiProblem>>()).Which;
        problem.StatusCode.Should().Be(403);
        problem.Result.Code.Should().Be("forbidden");
    }

    private (IntegrationCatalogClient, IntegrationTemplatesClient, PipelinesClient, PipelineIntegrationsClient) Clients(string role)
    {
        var options = Options(role);
        var http = Factory.CreateClient();
        return (new IntegrationCatalogClient(options, http), new IntegrationTemplatesClient(options, http),
            new PipelinesClient(options, http), new PipelineIntegrationsClient(options, http));
    }

    private SignalClientOptions Options(string role)
    {
        var token = TestTokens.Mint(Factory.AuthOptions, new TokenRequest("user_partner", Org, role, null, TimeSpan.FromHours(1)));
        return new SignalClientOptions(_ => ValueTask.FromResult(token));
    }
}
