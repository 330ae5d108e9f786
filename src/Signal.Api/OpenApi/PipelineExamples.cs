using Signal.Api.Contracts.Pipelines;
using Signal.Application.Pipelines;
using Signal.Application.Pipelines.Collector;
using Signal.Application.Pipelines.DeletePipeline;
using Signal.Application.Pipelines.GetCollectorStatus;
using Signal.Application.Pipelines.IssueChallengeToken;
using Signal.Application.Pipelines.ListPipelines;
using Signal.Application.Pipelines.RequestCollectorBuild;
using Signal.Application.Pipelines.RotateSecret;
using Signal.Domain.Pipelines;

namespace Signal.Api.OpenApi;

/// <summary>Examples of the pipeline bodies.</summary>
public static class PipelineExamples
{
    public static Dictionary<Type, object> All(DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        // Made by the aggregate and mapped as the API maps it, so the examples show exactly what the API answers.
        var aggregate = Pipeline.Create("pip_01jmz8k2q4r6t8v0w2y4a6c8e0", "org_xyz", "marketing-website",
            new PipelineFields(
                Name: "Marketing Website",
                DomainAllowlist: ["www.example.com", "example.com"],
                Labels: ["env:production", "brand:marketing"],
                Parameters: new Dictionary<string, string> { ["ga4_measurement_id"] = "G-XXXXXXX", ["ga4_api_secret"] = "xxxxxxxxxxx" }),
            "enc:v1:example", "sk_a1b2", createdAt);
        var withSecret = aggregate.ToCreatedResponse("sk_a1b2c3d4e5f6g7h8i9j0...");
        aggregate.Change(new PipelineFields(), updatedAt);
        var pipeline = aggregate.ToResponse();
        return new Dictionary<Type, object>
        {
            [typeof(PipelineResponse)] = pipeline,
            [typeof(CreatedPipelineResponse)] = withSecret,
            [typeof(ListPipelinesResponse)] = new ListPipelinesResponse(
                [new PipelineSummary(pipeline.Id, pipeline.Name, pipeline.Slug, pipeline.Type, pipeline.PipelineKey, pipeline.Labels, true, createdAt, updatedAt)],
                1, 50, 0, ["brand:marketing", "env:production"]),
            [typeof(DeletePipelineResponse)] = new DeletePipelineResponse("deleted"),
            [typeof(RotateSecretResponse)] = new RotateSecretResponse(pipeline.PipelineKey, "sk_new_secret_value...", "sk_x9y8"),
            [typeof(ChallengeTokenResponse)] = new ChallengeTokenResponse(
                "ct_pip_01jmz8k2q4r6t8v0w2y4a6c8e0.1772017200.q2x4b6n8m0k2j4h6g8f0dA.Zx3Vq9sW...", updatedAt.AddHours(1)),
            [typeof(CollectorBuildAccepted)] = new CollectorBuildAccepted(CollectorBuildStatus.Building, pipeline.Id, "bld_01jn3w7c9e1g3j5m7p9r1t3v5x"),
            [typeof(CollectorStatusResponse)] = new CollectorStatusResponse(
                CollectorBuildStatus.Ready, pipeline.Id, "bld_01jn3w7c9e1g3j5m7p9r1t3v5x", "a1b2c3d4e5f60718", 4910, updatedAt, null),
            [typeof(CreatePipelineRequest)] = new CreatePipelineRequest(
                "Marketing Website", "marketing-website", PipelineType.Web, ["www.example.com", "example.com"], ["env:production", "brand:marketing"],
                1000, null, new Dictionary<string, string> { ["ga4_measurement_id"] = "G-XXXXXXX", ["ga4_api_secret"] = "xxxxxxxxxxx" },
                null, new JsBuilderFields("d.js", "_df")),
            [typeof(UpdatePipelineRequest)] = new UpdatePipelineRequest(
                "Marketing Website (Updated)", DomainAllowlist: ["www.example.com", "example.com", "blog.example.com"],
                Labels: ["env:production", "brand:marketing", "site:blog"], Enabled: false),
        };
    }
}
