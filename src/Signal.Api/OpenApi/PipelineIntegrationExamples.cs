using System.Text.Json.Nodes;
using Signal.Api.Contracts.PipelineIntegrations;
using Signal.Api.Contracts.Processor;
using Signal.Application.PipelineIntegrations;
using Signal.Application.PipelineIntegrations.ListTemplatePipelines;
using Signal.Application.PipelineIntegrations.RemovePipelineIntegration;
using Signal.Application.Pipelines.GetResolvedConfig;
using Signal.Application.Processor.GetFeed;
using Signal.Domain.Templates;

namespace Signal.Api.OpenApi;

/// <summary>Examples of the pipeline integration, resolved-config and processor-feed bodies: a GA4 template whose config references pipeline parameters.</summary>
public static class PipelineIntegrationExamples
{
    private const string PipelineId = "pip_01jmz8k2q4r6t8v0w2y4a6c8e0";
    private const string TemplateId = "tmpl_01jmz9a1b3c5d7e9f1g3h5j7k9";
    private const string PipelineIntegrationId = "pi_01jn41x3z5b7d9f1h3k5m7p9r1";
    private const string RevisionId = "rev_01jn3w5y7a9c1e3g5j7m9p1r3t";

    public static Dictionary<Type, object> All(DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        var observed = DeliveryExamples.Healthy(updatedAt);
        var pipelineIntegration = PipelineIntegrationResponse.Of(PipelineIntegrationId, PipelineId, TemplateId, "GA4 - all sites", "ga4", RevisionId, 3, 4,
            DeliveryMode.ServerSide, true, createdAt, updatedAt, observed);
        var resolved = new JsonObject { ["measurement_id"] = "G-XXXXXXX", ["api_secret"] = "xxxxxxxxxxx", ["debug_mode"] = false };
        return new Dictionary<Type, object>
        {
            [typeof(PipelineIntegrationResponse)] = pipelineIntegration,
            [typeof(ListAssignmentsResponse)] = new ListAssignmentsResponse([pipelineIntegration], 1),
            [typeof(RemoveAssignmentResponse)] = new RemoveAssignmentResponse("deleted"),
            [typeof(AssignIntegrationRequest)] = new AssignIntegrationRequest(TemplateId, RevisionNumber: 3),
            [typeof(UpdateAssignmentRequest)] = new UpdateAssignmentRequest(RevisionNumber: 4),
            [typeof(ListTemplatePipelinesResponse)] = new ListTemplatePipelinesResponse(
                [new TemplateUsage(PipelineId, "Marketing Website", PipelineIntegrationId, RevisionId, 3, true, observed.Status, observed.Delivery)], 1),
            [typeof(ResolvedConfigResponse)] = new ResolvedConfigResponse(PipelineId,
            [
                new ResolvedIntegration(PipelineIntegrationId, TemplateId, "ga4", RevisionId, 3, DeliveryMode.ServerSide,
                    new JsonObject { ["measurement_id"] = "G-XXXXXXX", ["api_secret"] = "••••", ["debug_mode"] = false }, []),
            ]),
            [typeof(ProcessorFeedResponse)] = new ProcessorFeedResponse(1842,
            [
                new FeedPipeline(PipelineId, "org_xyz", "dk_" + PipelineId, "sk_a1b2c3d4e5f6g7h8i9j0...",
                    ["www.example.com", "example.com"], 1000, false,
                    [new FeedIntegration(PipelineIntegrationId, TemplateId, "ga4", 3, DeliveryMode.ServerSide, resolved)]),
            ], ["dk_pip_01jm0000000000000000000000"]),
        };
    }
}
