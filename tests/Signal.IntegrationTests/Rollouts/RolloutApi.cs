using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Signal.Infrastructure.Rollouts;
using Signal.IntegrationTests.Delivery;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.PipelineIntegrations;
using Signal.IntegrationTests.Pipelines;

namespace Signal.IntegrationTests.Rollouts;

/// <summary>A GA4 template at revision 1 on pipelines labelled env:prod, with revision 2 (measurement id G-NEW) ready to roll out.</summary>
public static class RolloutApi
{
    public const string RolloutsPath = "/v1/admin/rollouts";

    public const string NewMeasurementId = "G-NEW";

    /// <summary>The template and its pipelines (pipeline id, pipeline integration id, its revision 1 measurement id), by pipeline id.</summary>
    public sealed record Fleet(string TemplateId, IReadOnlyList<(string PipelineId, string PipelineIntegrationId, string MeasurementId)> Pipelines)
    {
        public string MeasurementId(int index) => Pipelines[index].MeasurementId;

        public string Pi(int index) => Pipelines[index].PipelineIntegrationId;

        public string Pipeline(int index) => Pipelines[index].PipelineId;
    }

    public static async Task<Fleet> FleetAsync(this HttpClient editor, int count, string label = "env:prod")
    {
        var template = await editor.InstallGa4WithReferencesAsync($"GA4 {label} {Guid.NewGuid():N}");
        var pipelines = new List<(string, string, string)>();
        for (var i = 1; i <= count; i++)
        {
            var pipeline = (await editor.CreatePipelineAsync($$$"""
                {"name":"Shop {{{i}}}","labels":["{{{label}}}"],"parameters":{"ga4_measurement_id":"G-{{{i}}}","ga4_api_secret":"secret-{{{i}}}"}}
                """)).Id();
            pipelines.Add((pipeline, (await editor.AssignAsync(pipeline, template)).Id(), $"G-{i}"));
        }

        await editor.AddGa4RevisionAsync(template, NewMeasurementId);
        return new Fleet(template, [.. pipelines.OrderBy(p => p.Item1, StringComparer.Ordinal)]);
    }

    /// <summary>The body of a rollout of revision 2 of <paramref name="templateId"/> to env:prod, with <paramref name="extra"/> members.</summary>
    public static string Body(string templateId, string extra = "") =>
        $$"""{"integration_id":"{{templateId}}","revision_number":2,"selector":{"labels":["env:prod"]}{{extra}}}""";

    public static Task<HttpResponseMessage> PostRolloutAsync(this HttpClient editor, string body) => editor.PostJsonAsync(RolloutsPath, body);

    /// <summary>Starts a rollout; expects 201.</summary>
    public static async Task<JsonNode> StartRolloutAsync(this HttpClient editor, string templateId, string extra = "") =>
        await (await editor.PostRolloutAsync(Body(templateId, extra))).ShouldBeAsync(HttpStatusCode.Created);

    public static async Task<JsonNode> RolloutAsync(this HttpClient viewer, string id) =>
        await (await viewer.GetAsync(new Uri($"{RolloutsPath}/{id}", UriKind.Relative))).ShouldBeAsync(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> MoveAsync(this HttpClient editor, string id, string move) =>
        editor.PostAsync(new Uri($"{RolloutsPath}/{id}/{move}", UriKind.Relative), null);

    public static async Task<int> RevisionAsync(this HttpClient viewer, Fleet fleet, int index) =>
        (int)(await viewer.PipelineIntegrationAsync(fleet.Pipeline(index), fleet.Pi(index)))["revision_number"]!;

    public static string Status(this JsonNode rollout) => rollout["status"]!.GetValue<string>();

    /// <summary>The statuses of every pipeline of every wave, wave by wave.</summary>
    public static IEnumerable<string> TargetStatuses(this JsonNode rollout) => rollout["waves"]!.AsArray()
        .SelectMany(w => w!["pipelines"]!.AsArray().Select(p => p!["status"]!.GetValue<string>()));

    /// <summary>One pass of the rollout worker of <paramref name="factory"/>'s host.</summary>
    public static Task<int> PassAsync(this SignalApiFactory factory) =>
        factory.Services.GetRequiredService<RolloutWorker>().RunOnceAsync(CancellationToken.None);
}
