using System.Diagnostics.CodeAnalysis;
using Signal.IntegrationTests.PipelineIntegrations;
using Signal.IntegrationTests.Pipelines;
using Signal.IntegrationTests.Rollouts;
using Signal.IntegrationTests.Webhooks;

namespace Signal.IntegrationTests.Infrastructure;

/// <summary>
/// Requests written with placeholders for the ids they need: {pipeline} (GA4 parameters, challenge tokens required),
/// {template} (GA4, assigned to the pipeline as {assignment}), {spare} (GA4, not assigned) and {event} (the audit event of
/// a pipeline's creation), {rollable} (GA4 on an env:prod pipeline at revision 1, revision 2 ready) and {rollout} (a running
/// rollout of such a template), {webhook} (a subscription to pipeline.*) and {delivery} (its test event, queued).
/// <see cref="ArrangeAsync"/> creates just what a request names, through the API.
/// </summary>
public static class Placeholders
{
    public static async Task<IReadOnlyDictionary<string, string>> ArrangeAsync(HttpClient editor, string request, bool builtCollector = false)
    {
        var values = new Dictionary<string, string>();
        if (request.Contains("{pipeline}", StringComparison.Ordinal) || request.Contains("{assignment}", StringComparison.Ordinal))
        {
            values["pipeline"] = (await editor.CreatePipelineAsync("""
                {"name":"Guarded","challenge_token_required":true,"parameters":{"ga4_measurement_id":"G-1","ga4_api_secret":"s"}}
                """)).Id();
        }

        if (request.Contains("{template}", StringComparison.Ordinal) || request.Contains("{assignment}", StringComparison.Ordinal))
        {
            values["template"] = await editor.InstallGa4WithReferencesAsync("GA4 assigned");
        }

        if (request.Contains("{assignment}", StringComparison.Ordinal))
        {
            values["assignment"] = (await editor.AssignAsync(values["pipeline"], values["template"])).Id();
        }

        if (request.Contains("{spare}", StringComparison.Ordinal))
        {
            values["spare"] = await editor.InstallGa4WithReferencesAsync("GA4 spare");
        }

        if (request.Contains("{event}", StringComparison.Ordinal))
        {
            var pipeline = (await editor.CreatePipelineAsync(""" {"name":"Audited"} """)).Id();
            values["event"] = await Db.ScalarAsync<string>("SELECT id FROM audit_events WHERE resource_id = @Id", new { Id = pipeline });
        }

        if (request.Contains("{rollable}", StringComparison.Ordinal))
        {
            values["rollable"] = (await editor.FleetAsync(1)).TemplateId;
        }

        if (request.Contains("{rollout}", StringComparison.Ordinal))
        {
            var fleet = await editor.FleetAsync(1);
            values["rollout"] = (await editor.StartRolloutAsync(fleet.TemplateId))["id"]!.GetValue<string>();
        }

        if (request.Contains("{webhook}", StringComparison.Ordinal) || request.Contains("{delivery}", StringComparison.Ordinal))
        {
            // Subscribing takes an admin: the authorisation matrix arranges as one.
            values["webhook"] = (await editor.SubscribeAsync("https://hooks.example.com/signal", "pipeline.*")).Id("id");
        }

        if (request.Contains("{delivery}", StringComparison.Ordinal))
        {
            values["delivery"] = (await (await editor.PostAsync(new Uri($"{WebhookApi.WebhooksPath}/{values["webhook"]}/test", UriKind.Relative), null))
                .ShouldBeAsync(System.Net.HttpStatusCode.Accepted)).Id("id");
        }

        if (builtCollector)
        {
            await editor.BuildCollectorAsync(values["pipeline"]);
        }

        return values;
    }

    [return: NotNullIfNotNull(nameof(text))]
    public static string? Fill(string? text, IReadOnlyDictionary<string, string> values) =>
        text is null ? null : values.Aggregate(text, (filled, value) => filled.Replace($"{{{value.Key}}}", value.Value, StringComparison.Ordinal));
}
