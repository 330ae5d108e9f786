using System.Diagnostics;
using Signal.IntegrationTests.Delivery;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.PipelineIntegrations;
using Signal.IntegrationTests.Pipelines;
using Signal.IntegrationTests.Rollouts;
using Signal.IntegrationTests.Templates;
using Signal.IntegrationTests.Webhooks;

namespace Signal.IntegrationTests.Persistence;

/// <summary>
/// Goal P6 of the performance issue: a write costs at most two round trips to PostgreSQL besides BEGIN and COMMIT.
/// Npgsql starts one activity per command execution (a batch of statements is one; BEGIN and COMMIT are none), so the
/// test gives each request a trace of its own and counts the Npgsql command activities in it. A physical connection
/// opened on the way (the pool grew or replaced one) has an activity of its own, "CONNECT &lt;database&gt;"; it is the
/// pool's cost, not the write's, and is not counted.
/// </summary>
public sealed class WriteRoundTripTests(SignalApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Every_write_takes_at_most_two_round_trips()
    {
        var admin = Factory.CreateClient(Org, "admin");
        var templateId = await admin.InstallGa4WithReferencesAsync();
        var unusedTemplateId = (await admin.CreateTemplateAsync("Unused"))["id"]!.GetValue<string>();
        var pipelineId = await admin.CreatePipelineWithGa4ParametersAsync("Shop", "G-1", "api-secret-1");
        var tokenPipelineId = (await admin.CreatePipelineAsync("""{"name":"Tokens","challenge_token_required":true}""")).Id();
        var assignmentId = (await admin.AssignAsync(pipelineId, templateId))["id"]!.GetValue<string>();
        await admin.AddGa4RevisionAsync(templateId, "G-2");
        var rolled = (await admin.FleetAsync(2)).TemplateId;
        var aborted = (await admin.StartRolloutAsync((await admin.FleetAsync(2)).TemplateId))["id"]!.GetValue<string>();
        var rollouts = RolloutApi.RolloutsPath;
        // Every write below queues deliveries for this subscription: the outbox must ride in the write's round trips.
        var webhook = (await admin.SubscribeAsync("https://hooks.example.com/signal",
            "catalog.*", "integration_template.*", "integration_revision.*", "pipeline.*", "pipeline_integration.*", "rollout.*", "webhook.*")).Id("id");
        var webhooks = WebhookApi.WebhooksPath;
        var pipelines = PipelineApi.PipelinesPath;
        var writes = new (string Name, string Method, string Path, string? Body)[]
        {
            ("install", "POST", "/v1/admin/integration-catalog/ga4/install", """{"name":"Another GA4","config":{"measurement_id":"G-9","api_secret":"s"}}"""),
            ("create template", "POST", TemplateApi.TemplatesPath, """{"name":"Webhook","vendor":"webhook"}"""),
            ("create revision", "POST", $"{TemplateApi.TemplatesPath}/{templateId}/revisions", """{"config":{"measurement_id":"G-3","api_secret":"s"},"delivery_mode":"server_side","change_summary":"G-3"}"""),
            ("update template", "PUT", $"{TemplateApi.TemplatesPath}/{templateId}", """{"description":"Shared GA4"}"""),
            ("delete template", "DELETE", $"{TemplateApi.TemplatesPath}/{unusedTemplateId}", null),
            ("create pipeline with a generated slug", "POST", pipelines, """{"name":"Shop"}"""),
            ("update pipeline", "PUT", $"{pipelines}/{pipelineId}", """{"rate_limit_rps":900,"labels":["env:production"]}"""),
            ("rotate secret", "POST", $"{pipelines}/{pipelineId}/rotate-secret", null),
            ("issue challenge token", "POST", $"{pipelines}/{tokenPipelineId}/tokens", null),
            ("request collector build", "POST", $"{pipelines}/{pipelineId}/collector/build", null),
            ("assign", "POST", AssignmentApi.IntegrationsPath(tokenPipelineId), $$"""{"integration_id":"{{templateId}}"}"""),
            ("deploy a revision and pause", "PUT", $"{AssignmentApi.IntegrationsPath(pipelineId)}/{assignmentId}", """{"revision_number":2,"enabled":false}"""),
            ("remove assignment", "DELETE", $"{AssignmentApi.IntegrationsPath(pipelineId)}/{assignmentId}", null),
            ("delete pipeline", "DELETE", $"{pipelines}/{tokenPipelineId}", null),
            ("start a rollout", "POST", rollouts, RolloutApi.Body(rolled, ""","waves":[{"percent":50},{"percent":100}]""")),
            ("pause a rollout", "POST", $"{rollouts}/{aborted}/pause", null),
            ("resume a rollout", "POST", $"{rollouts}/{aborted}/resume", null),
            ("abort a rollout", "POST", $"{rollouts}/{aborted}/abort", null),
            ("subscribe a webhook", "POST", webhooks, """{"url":"https://hooks.example.com/other","events":["rollout.*"]}"""),
            ("update a webhook", "PUT", $"{webhooks}/{webhook}", """{"description":"Everything"}"""),
            ("rotate a webhook secret", "POST", $"{webhooks}/{webhook}/rotate-secret", null),
            ("send a test event", "POST", $"{webhooks}/{webhook}/test", null),
            ("delete a webhook", "DELETE", $"{webhooks}/{webhook}", null),
        };

        using var commands = new NpgsqlCommandCounter();
        foreach (var (name, method, path, body) in writes)
        {
            var (response, roundTrips) = await commands.CountAsync(admin, () => admin.SendJsonAsync(method, path, body));
            using (response)
            {
                response.IsSuccessStatusCode.Should().BeTrue($"{name} should succeed: {await response.Content.ReadAsStringAsync()}");
            }

            roundTrips.Should().BeInRange(1, 2, $"{name} should take one or two round trips");
        }

        var started = (await (await admin.GetAsync(new Uri($"{rollouts}?integration_id={rolled}", UriKind.Relative))).ShouldBeAsync(System.Net.HttpStatusCode.OK))
            ["rollouts"]![0]!["id"]!.GetValue<string>();
        var (rollback, rollbackTrips) = await commands.CountAsync(admin, () => admin.PostAsync(new Uri($"{rollouts}/{started}/rollback", UriKind.Relative), null));
        using (rollback)
        {
            rollback.IsSuccessStatusCode.Should().BeTrue(await rollback.Content.ReadAsStringAsync());
        }

        rollbackTrips.Should().Be(2, "the deployed pipeline integrations are locked in the rollout's own read");
    }

    [Fact]
    public async Task A_batch_of_1000_delivery_reports_takes_one_round_trip()
    {
        var editor = Factory.CreateClient(Org, "editor");
        var assignments = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            assignments.Add((await editor.AssignedAsync($"Site {i}")).PipelineIntegrationId);
        }

        var end = DateTimeOffset.UtcNow;
        var reports = Enumerable.Range(0, 1000)
            .Select(i => DeliveryApi.Report(i % 5 == 4 ? $"pi_unknown{i}" : assignments[i % 5], 10, 1, end.AddMinutes(-5 * (i / 5))))
            .ToArray();
        var processor = Factory.CreateProcessorClient();

        using var commands = new NpgsqlCommandCounter();
        var (response, roundTrips) = await commands.CountAsync(processor, () => processor.PostJsonAsync(DeliveryApi.ReportsPath, DeliveryApi.Body("p1", reports)));

        using (response)
        {
            (await response.ShouldBeAsync(System.Net.HttpStatusCode.Accepted)).ToJsonString().Should().Be("""{"accepted":800,"ignored":200}""");
        }

        roundTrips.Should().Be(1, "the whole batch is one parameter of one batch of statements");
    }

    /// <summary>Counts the Npgsql command executions that belong to one call's trace.</summary>
    private sealed class NpgsqlCommandCounter : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly List<ActivityTraceId> _commands = [];

        public NpgsqlCommandCounter()
        {
            _listener = new ActivityListener
            {
                // The hosting source too, so that each request continues the trace it was sent with.
                ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStarted = activity =>
                {
                    if (activity.Source.Name == "Npgsql" && !activity.OperationName.StartsWith("CONNECT ", StringComparison.Ordinal))
                    {
                        lock (_commands)
                        {
                            _commands.Add(activity.TraceId);
                        }
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public async Task<(T Result, int Commands)> CountAsync<T>(HttpClient client, Func<Task<T>> call)
        {
            using var trace = new Activity("round-trip-test").SetIdFormat(ActivityIdFormat.W3C).Start();
            client.DefaultRequestHeaders.Remove("traceparent");
            client.DefaultRequestHeaders.Add("traceparent", trace.Id);
            var result = await call();
            lock (_commands)
            {
                return (result, _commands.Count(id => id == trace.TraceId));
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
