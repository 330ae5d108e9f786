using Signal.Client;

namespace Signal.Bench.Runner;

/// <summary>
/// The big organisation, made through the API itself with the generated client: three templates with five revisions
/// each, pipelines with labels and parameters, and three assignments per pipeline at varying revisions.
/// </summary>
public sealed class BigOrgSeeder(HttpClient http, SignalClientOptions options)
{
    public const string Org = "org_big";
    private static readonly string[] Environments = ["production", "staging", "dev"];

    public async Task<IReadOnlyList<string>> SeedAsync(int pipelines)
    {
        var catalog = new IntegrationCatalogClient(options, http);
        var templates = new IntegrationTemplatesClient(options, http);
        var templateIds = new List<string>();
        foreach (var (vendor, config) in new[]
        {
            ("ga4", new Dictionary<string, object> { ["measurement_id"] = "{{pipeline_param.ga4_measurement_id}}", ["api_secret"] = "{{pipeline_param.ga4_api_secret}}" }),
            ("meta_capi", new Dictionary<string, object> { ["pixel_id"] = "{{pipeline_param.meta_pixel_id}}", ["access_token"] = "EAAB-bench-access-token-0001" }),
            ("webhook", new Dictionary<string, object> { ["url"] = "https://hooks.example.com/{{pipeline_param.brand}}", ["signing_secret"] = "whsec-bench-0001" }),
        })
        {
            var installed = await catalog.InstallAsync(vendor, new InstallRequest { Name = $"Bench {vendor}", Config = config });
            for (var revision = 2; revision <= 5; revision++)
            {
                config["bench_revision"] = revision;
                await templates.CreateRevisionAsync(installed.Template.Id, new CreateRevisionRequest { Config = config, DeliveryMode = DeliveryMode.ServerSide });
            }

            templateIds.Add(installed.Template.Id);
        }

        var created = new string[pipelines];
        await Parallel.ForEachAsync(Enumerable.Range(0, pipelines), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var pipelineClient = new PipelinesClient(options, http);
            var pipeline = await pipelineClient.CreateAsync(new CreatePipelineRequest
            {
                Name = $"Shop {i:D5} marketing site",
                Labels = [$"env:{Environments[i % 3]}", $"brand:b{i % 20}", $"team:t{i % 7}"],
                Parameters = new Dictionary<string, string>
                {
                    ["ga4_measurement_id"] = $"G-{i:D6}",
                    ["ga4_api_secret"] = $"bench-api-secret-{i:D6}",
                    ["meta_pixel_id"] = $"{100000000 + i}",
                    ["brand"] = $"b{i % 20}",
                },
            }, cancellationToken: ct);
            var assignments = new PipelineIntegrationsClient(options, http);
            for (var t = 0; t < templateIds.Count; t++)
            {
                await assignments.AssignAsync(pipeline.Id, new AssignIntegrationRequest { IntegrationId = templateIds[t], RevisionNumber = (i + t) % 5 + 1 }, cancellationToken: ct);
            }

            created[i] = pipeline.Id;
        });
        return created;
    }
}
