using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Signal.Api.Auth;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.Pipelines;

namespace Signal.IntegrationTests.Auth;

/// <summary>
/// Every operation of the OpenAPI document × every kind of caller → the status it gets, as one table. A refused call
/// (401, 403, 404) is answered with its problem and changes nothing. A completeness test fails when the document has an
/// operation the table lacks, and a default-deny test fails when an endpoint names no authorisation policy.
/// </summary>
public sealed class AuthorizationMatrixTests(CollectorWorkerApiFactory factory)
    : ApiTest(factory), IClassFixture<CollectorWorkerApiFactory>
{
    private const string OtherOrg = "org_other";

    private const string Ga4RevisionBody =
        """{"config":{"measurement_id":"G-2","api_secret":"s2","debug_mode":false},"delivery_mode":"server_side","change_summary":"matrix"}""";

    /// <summary>
    /// The <see cref="Placeholders"/> are created in the caller's organisation (<c>org_test</c>); the owner of another
    /// organisation calls with those same ids.
    /// </summary>
    private static readonly Dictionary<string, Operation> Operations = WithHeadTwins(new()
    {
        // operation id                            method    path                                                          body                                           anonymous viewer editor admin owner other-org-owner processor
        ["Health_Live"] = new("GET", "/health/live", null, "200 200 200 200 200 200 200"),
        ["Health_Ready"] = new("GET", "/health/ready", null, "200 200 200 200 200 200 200"),
        ["IntegrationCatalog_List"] = new("GET", "/v1/admin/integration-catalog", null, "401 200 200 200 200 200 403"),
        ["IntegrationCatalog_Get"] = new("GET", "/v1/admin/integration-catalog/ga4", null, "401 200 200 200 200 200 403"),
        ["IntegrationCatalog_Install"] = new("POST", "/v1/admin/integration-catalog/meta_capi/install", """{"name":"Matrix","config":{"pixel_id":"1","access_token":"t"}}""", "401 403 201 201 201 201 403"),
        ["IntegrationTemplates_List"] = new("GET", "/v1/admin/integration-templates", null, "401 200 200 200 200 200 403"),
        ["IntegrationTemplates_Create"] = new("POST", "/v1/admin/integration-templates", """{"name":"Matrix","vendor":"ga4"}""", "401 403 201 201 201 201 403"),
        ["IntegrationTemplates_Get"] = new("GET", "/v1/admin/integration-templates/{template}", null, "401 200 200 200 200 404 403"),
        ["IntegrationTemplates_Update"] = new("PUT", "/v1/admin/integration-templates/{template}", """{"description":"d"}""", "401 403 200 200 200 404 403"),
        ["IntegrationTemplates_Delete"] = new("DELETE", "/v1/admin/integration-templates/{spare}", null, "401 403 403 200 200 404 403"),
        ["IntegrationTemplates_ListPipelines"] = new("GET", "/v1/admin/integration-templates/{template}/pipelines", null, "401 200 200 200 200 404 403"),
        ["IntegrationTemplates_ListRevisions"] = new("GET", "/v1/admin/integration-templates/{template}/revisions", null, "401 200 200 200 200 404 403"),
        ["IntegrationTemplates_CreateRevision"] = new("POST", "/v1/admin/integration-templates/{template}/revisions", Ga4RevisionBody, "401 403 201 201 201 404 403"),
        ["IntegrationTemplates_GetRevision"] = new("GET", "/v1/admin/integration-templates/{template}/revisions/1", null, "401 200 200 200 200 404 403"),
        ["IntegrationTemplates_DiffRevisions"] = new("GET", "/v1/admin/integration-templates/{template}/revisions/1/diff", null, "401 200 200 200 200 404 403"),
        ["PipelineIntegrations_List"] = new("GET", "/v1/admin/pipelines/{pipeline}/integrations", null, "401 200 200 200 200 404 403"),
        ["PipelineIntegrations_Assign"] = new("POST", "/v1/admin/pipelines/{pipeline}/integrations", """{"integration_id":"{spare}"}""", "401 403 201 201 201 404 403"),
        ["PipelineIntegrations_Get"] = new("GET", "/v1/admin/pipelines/{pipeline}/integrations/{assignment}", null, "401 200 200 200 200 404 403"),
        ["PipelineIntegrations_Update"] = new("PUT", "/v1/admin/pipelines/{pipeline}/integrations/{assignment}", """{"enabled":false}""", "401 403 200 200 200 404 403"),
        ["PipelineIntegrations_Remove"] = new("DELETE", "/v1/admin/pipelines/{pipeline}/integrations/{assignment}", null, "401 403 200 200 200 404 403"),
        ["Pipelines_List"] = new("GET", "/v1/admin/pipelines", null, "401 200 200 200 200 200 403"),
        ["Pipelines_Create"] = new("POST", "/v1/admin/pipelines", """{"name":"Matrix"}""", "401 403 201 201 201 201 403"),
        ["Pipelines_Get"] = new("GET", "/v1/admin/pipelines/{pipeline}", null, "401 200 200 200 200 404 403"),
        ["Pipelines_Update"] = new("PUT", "/v1/admin/pipelines/{pipeline}", """{"rate_limit_rps":10}""", "401 403 200 200 200 404 403"),
        ["Pipelines_Delete"] = new("DELETE", "/v1/admin/pipelines/{pipeline}", null, "401 403 403 200 200 404 403"),
        ["Pipelines_RotateSecret"] = new("POST", "/v1/admin/pipelines/{pipeline}/rotate-secret", null, "401 403 403 200 200 404 403"),
        ["Pipelines_IssueChallengeToken"] = new("POST", "/v1/admin/pipelines/{pipeline}/tokens", null, "401 403 200 200 200 404 403"),
        ["Pipelines_GetResolvedConfig"] = new("GET", "/v1/admin/pipelines/{pipeline}/resolved-config", null, "401 200 200 200 200 404 403"),
        ["Pipelines_BuildCollector"] = new("POST", "/v1/admin/pipelines/{pipeline}/collector/build", null, "401 403 202 202 202 404 403"),
        ["Pipelines_GetCollectorStatus"] = new("GET", "/v1/admin/pipelines/{pipeline}/collector/status", null, "401 200 200 200 200 404 403"),
        ["Pipelines_DownloadCollector"] = new("GET", "/v1/admin/pipelines/{pipeline}/collector/download", null, "401 200 200 200 200 404 403", BuiltCollector: true),
        ["AuditEvents_List"] = new("GET", "/v1/admin/audit-events", null, "401 403 403 200 200 200 403"),
        ["AuditEvents_Get"] = new("GET", "/v1/admin/audit-events/{event}", null, "401 403 403 200 200 404 403"),
        ["AuditEvents_Verify"] = new("GET", "/v1/admin/audit-events/verify", null, "401 403 403 403 200 200 403"),
        ["DeliveryHealth_List"] = new("GET", "/v1/admin/delivery-health", null, "401 200 200 200 200 200 403"),
        ["Rollouts_Create"] = new("POST", "/v1/admin/rollouts", """{"integration_id":"{rollable}","revision_number":2,"selector":{}}""", "401 403 201 201 201 404 403"),
        ["Rollouts_List"] = new("GET", "/v1/admin/rollouts", null, "401 200 200 200 200 200 403"),
        ["Rollouts_Get"] = new("GET", "/v1/admin/rollouts/{rollout}", null, "401 200 200 200 200 404 403"),
        ["Rollouts_Pause"] = new("POST", "/v1/admin/rollouts/{rollout}/pause", null, "401 403 200 200 200 404 403"),
        ["Rollouts_Resume"] = new("POST", "/v1/admin/rollouts/{rollout}/resume", null, "401 403 200 200 200 404 403"),
        ["Rollouts_Abort"] = new("POST", "/v1/admin/rollouts/{rollout}/abort", null, "401 403 200 200 200 404 403"),
        ["Rollouts_Rollback"] = new("POST", "/v1/admin/rollouts/{rollout}/rollback", null, "401 403 200 200 200 404 403"),
        ["Webhooks_Create"] = new("POST", "/v1/admin/webhooks", """{"url":"https://hooks.example.com/signal","events":["pipeline.*"]}""", "401 403 403 201 201 201 403"),
        ["Webhooks_List"] = new("GET", "/v1/admin/webhooks", null, "401 403 403 200 200 200 403"),
        ["Webhooks_Get"] = new("GET", "/v1/admin/webhooks/{webhook}", null, "401 403 403 200 200 404 403"),
        ["Webhooks_Update"] = new("PUT", "/v1/admin/webhooks/{webhook}", """{"description":"d"}""", "401 403 403 200 200 404 403"),
        ["Webhooks_Delete"] = new("DELETE", "/v1/admin/webhooks/{webhook}", null, "401 403 403 200 200 404 403"),
        ["Webhooks_RotateSecret"] = new("POST", "/v1/admin/webhooks/{webhook}/rotate-secret", null, "401 403 403 200 200 404 403"),
        ["Webhooks_Test"] = new("POST", "/v1/admin/webhooks/{webhook}/test", null, "401 403 403 202 202 404 403"),
        ["Webhooks_ListDeliveries"] = new("GET", "/v1/admin/webhooks/{webhook}/deliveries", null, "401 403 403 200 200 404 403"),
        ["Webhooks_Redeliver"] = new("POST", "/v1/admin/webhooks/{webhook}/deliveries/{delivery}/redeliver", null, "401 403 403 202 202 404 403"),
        ["Processor_GetConfig"] = new("GET", "/v1/processor/config", null, "401 403 403 403 403 403 200"),
        ["Processor_ReportDeliveries"] = new("POST", "/v1/processor/delivery-reports", """{"processor_id":"p1","reports":[{"pipeline_integration_id":"{assignment}","revision_number":1,"window_start":"2026-01-01T00:00:00Z","window_end":"2026-01-01T00:05:00Z","delivered":1,"failed":0,"last_error":null}]}""", "401 403 403 403 403 403 202"),
    });

    public enum Caller
    {
        Anonymous,
        Viewer,
        Editor,
        Admin,
        Owner,
        OtherOrgOwner,
        Processor,
    }

    public static TheoryData<string, Caller> Cases()
    {
        var cases = new TheoryData<string, Caller>();
        foreach (var operation in Operations.Keys)
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                cases.Add(operation, caller);
            }
        }

        return cases;
    }

    public static TheoryData<string> OperationsOnAPipeline() =>
        [.. Operations.Where(o => o.Value.Path.Contains("{pipeline}", StringComparison.Ordinal)).Select(o => o.Key)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachCaller_GetsTheStatusOfTheTable(string operationId, Caller caller)
    {
        var operation = Operations[operationId];
        var expected = operation.StatusFor(caller);
        var values = await ArrangeAsync(operation);
        var before = expected >= HttpStatusCode.BadRequest ? await Db.DumpAllTablesAsync() : null;

        using var response = await ClientFor(caller).SendJsonAsync(operation.Method, Placeholders.Fill(operation.Path, values), Placeholders.Fill(operation.Body, values));

        response.StatusCode.Should().Be(expected, await response.Content.ReadAsStringAsync());
        if (before is not null)
        {
            await ShouldBeRefusedAsync(response, operation, expected, CodeOf(expected));
            (await Db.DumpAllTablesAsync()).Should().Be(before, "a refused call changes nothing");
        }
    }

    [Theory]
    [MemberData(nameof(OperationsOnAPipeline))]
    public async Task DeletedPipeline_Is404ForEveryOperationOnIt(string operationId)
    {
        var operation = Operations[operationId];
        var values = await ArrangeAsync(operation);
        (await ClientFor(Caller.Owner).DeleteAsync(new Uri($"{PipelineApi.PipelinesPath}/{values["pipeline"]}", UriKind.Relative)))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        using var response = await ClientFor(Caller.Owner).SendJsonAsync(operation.Method, Placeholders.Fill(operation.Path, values), Placeholders.Fill(operation.Body, values));

        await ShouldBeRefusedAsync(response, operation, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task TheTable_HasEveryOperationOfTheOpenApiDocument()
    {
        var document = await (await Anonymous().GetAsync("/openapi/v1.json")).ShouldBeAsync(HttpStatusCode.OK);
        var documented = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Id: op.Value!["operationId"]!.GetValue<string>(), Method: op.Key.ToUpperInvariant(), Path: path.Key)))
            .ToList();

        documented.Select(o => o.Id).Should().BeEquivalentTo(Operations.Keys, "every operation needs a row in the authorisation matrix");
        foreach (var (id, method, path) in documented)
        {
            Operations[id].Method.Should().Be(method, id);
            IsInstanceOf(Operations[id].Path, path).Should().BeTrue($"{id} is {method} {path}, not {Operations[id].Path}");
        }
    }

    [Fact]
    public void EveryEndpoint_NamesAPolicy_OrIsAHealthCheck_AndUnnamedOnesAreDeniedByDefault()
    {
        var known = new[] { Policies.Viewer, Policies.Editor, Policies.Admin, Policies.Owner, Policies.Processor };
        var endpoints = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        endpoints.Should().NotBeEmpty();
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText!;
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                route.Should().StartWith("health/", "only the health checks are open to anonymous callers");
                continue;
            }

            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            policies.Should().NotBeEmpty($"{route} must name the role it needs").And.OnlyContain(p => known.Contains(p), route);
        }

        var fallback = Factory.Services.GetRequiredService<IOptions<AuthorizationOptions>>().Value.FallbackPolicy;
        fallback.Should().NotBeNull("an endpoint that names no policy must still refuse anonymous callers");
        fallback!.Requirements.Should().ContainSingle(r => r is Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement);
    }

    /// <summary>Every GET answers HEAD too, with the same statuses: its row is the GET's under the HEAD operation id.</summary>
    private static Dictionary<string, Operation> WithHeadTwins(Dictionary<string, Operation> operations) =>
        operations
            .Concat(operations.Where(o => o.Value.Method == "GET")
                .Select(o => KeyValuePair.Create(o.Key.Replace("_", "_Head", StringComparison.Ordinal), o.Value with { Method = "HEAD" })))
            .ToDictionary();

    /// <summary>A refusal is a problem; a HEAD request's has its headers and no body.</summary>
    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, Operation operation, HttpStatusCode status, string code)
    {
        if (operation.Method != "HEAD")
        {
            await response.ShouldBeProblemAsync(status, code);
            return;
        }

        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    private static string CodeOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "unauthorized",
        HttpStatusCode.Forbidden => "forbidden",
        HttpStatusCode.NotFound => "not_found",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "the table only refuses with 401, 403 or 404"),
    };

    /// <summary>Whether a path of the table is one of the document's: the same segments, any value for a {parameter}.</summary>
    private static bool IsInstanceOf(string path, string documented)
    {
        var segments = path.Split('/');
        var pattern = documented.Split('/');
        return segments.Length == pattern.Length
            && segments.Zip(pattern).All(s => s.Second.StartsWith('{') || s.First == s.Second);
    }

    private HttpClient ClientFor(Caller caller) => caller switch
    {
        Caller.Anonymous => Anonymous(),
        Caller.OtherOrgOwner => Factory.CreateClient(OtherOrg, "owner"),
        Caller.Processor => Factory.CreateProcessorClient(),
        _ => Factory.CreateClient(Org, caller.ToString().ToLowerInvariant()),
    };

    private Task<IReadOnlyDictionary<string, string>> ArrangeAsync(Operation operation) =>
        Placeholders.ArrangeAsync(Factory.CreateClient(Org, "admin"), operation.Path + operation.Body, operation.BuiltCollector);

    /// <param name="Method">The HTTP method.</param>
    /// <param name="Path">The path, with <see cref="Placeholders"/> for the ids the test creates.</param>
    /// <param name="Body">The JSON body, if any, with placeholders.</param>
    /// <param name="Statuses">The status of each <see cref="Caller"/>, in their order, separated by spaces.</param>
    /// <param name="BuiltCollector">Whether the pipeline needs a built collector first.</param>
    private sealed record Operation(string Method, string Path, string? Body, string Statuses, bool BuiltCollector = false)
    {
        public HttpStatusCode StatusFor(Caller caller) => (HttpStatusCode)int.Parse(Statuses.Split(' ')[(int)caller], System.Globalization.CultureInfo.InvariantCulture);
    }
}
