using System.Text.Json.Nodes;
using Signal.Api.Contracts.Templates;
using Signal.Api.Controllers;
using Signal.Api.Errors;
using Signal.Application.Catalog;
using Signal.Application.Catalog.ListVendors;
using Signal.Application.Common.Abstractions;
using Signal.Application.Templates;
using Signal.Application.Templates.DeleteTemplate;
using Signal.Application.Templates.DiffRevisions;
using Signal.Application.Templates.InstallFromCatalog;
using Signal.Application.Templates.ListRevisions;
using Signal.Application.Templates.ListTemplates;
using Signal.Domain.Catalog;
using Signal.Domain.Common;
using Signal.Domain.Templates;

namespace Signal.Api.OpenApi;

/// <summary>
/// Examples shown in the OpenAPI document, by body type (and status, for problems). Built from the API reference's examples
/// and the shipped catalog, so that an example reads like what the API returns.
/// </summary>
public sealed class ExampleRegistry
{
    private static readonly DateTimeOffset Created = new(2026, 2, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Updated = new(2026, 2, 25, 14, 30, 0, TimeSpan.Zero);

    private readonly Dictionary<Type, object> _examples;

    public ExampleRegistry(IIntegrationCatalog catalog)
    {
        var vendor = catalog.Find("meta_capi")!.ToResponse();
        var template = new TemplateResponse("tmpl_01jmz8k2q4r6t8v0w2y4a6c8e0", "org_xyz", "Meta CAPI Production", "meta_capi",
            "Meta CAPI for our e-commerce properties", "meta_capi", "retail", 3, Created, Updated);
        var revision = new RevisionResponse("rev_01jn3w5y7a9c1e3g5j7m9p1r3t", template.Id, "org_xyz", 3,
            Config("""{"pixel_id":"1234567890","access_token":"••••Q1x9","batch_size":100,"hash_pii":true}"""),
            DeliveryMode.ServerSide, "Updated access token for Q1 2026", "user_123", Updated);
        _examples = new Dictionary<Type, object>
        {
            [typeof(VendorResponse)] = vendor,
            [typeof(ListVendorsResponse)] = new ListVendorsResponse([vendor], 1, Enum.GetValues<VendorCategory>()),
            [typeof(HealthResponse)] = new HealthResponse("ready"),
            [typeof(TemplateResponse)] = template,
            [typeof(RevisionResponse)] = revision,
            [typeof(ListTemplatesResponse)] = new ListTemplatesResponse([template], 1, 50, 0),
            [typeof(ListRevisionsResponse)] = new ListRevisionsResponse([revision], 3, 50, 0),
            [typeof(DeleteTemplateResponse)] = new DeleteTemplateResponse("deleted"),
            [typeof(RevisionDiffResponse)] = new RevisionDiffResponse(
                new RevisionPointer("rev_01jn2v4x6z8b0d2f4h6k8m0p2r", 2), new RevisionPointer(revision.Id, 3),
                [
                    new RevisionChange("config.access_token", ChangeKind.Changed, JsonValue.Create("••••k7Tz"), JsonValue.Create("••••Q1x9")),
                    new RevisionChange("config.batch_size", ChangeKind.Changed, JsonValue.Create(50), JsonValue.Create(100)),
                    new RevisionChange("config.test_event_code", ChangeKind.Removed, JsonValue.Create("TEST123"), null),
                    new RevisionChange("delivery_mode", ChangeKind.Changed, JsonValue.Create("client_side"), JsonValue.Create("server_side")),
                ]),
            [typeof(InstallFromCatalogResponse)] = new InstallFromCatalogResponse(
                template with { LatestRevisionNumber = 1, UpdatedAt = Created },
                revision with
                {
                    RevisionNumber = 1,
                    Config = Config("""{"batch_size":100,"include_catalog_data":true,"pixel_id":"1234567890","access_token":"••••Q1x9"}"""),
                    ChangeSummary = "Initial setup from catalog: Meta Conversions API (CAPI) (retail variant)",
                    CreatedAt = Created,
                }),
            [typeof(InstallRequest)] = new InstallRequest("Meta CAPI Production", "retail",
                Config("""{"pixel_id":"1234567890","access_token":"EAABsbCD1234567890Q1x9"}"""), DeliveryMode.ServerSide,
                "Meta CAPI for our e-commerce site"),
            [typeof(CreateTemplateRequest)] = new CreateTemplateRequest("Custom GA4 Setup", "ga4", "GA4 for internal analytics"),
            [typeof(UpdateTemplateRequest)] = new UpdateTemplateRequest("Meta CAPI - E-commerce", "Updated description"),
            [typeof(CreateRevisionRequest)] = new CreateRevisionRequest(
                Config("""{"measurement_id":"{{pipeline_param.ga4_measurement_id}}","api_secret":"{{pipeline_param.ga4_api_secret}}","debug_mode":false}"""),
                DeliveryMode.ServerSide, "GA4 config with pipeline parameter references"),
        };
        foreach (var (type, example) in PipelineExamples.All(Created, Updated)
            .Concat(PipelineIntegrationExamples.All(Created, Updated))
            .Concat(AuditExamples.All(Updated))
            .Concat(DeliveryExamples.All(Updated))
            .Concat(RolloutExamples.All(Updated))
            .Concat(WebhookExamples.All(Updated)))
        {
            _examples[type] = example;
        }
    }

    public object? Find(Type type, int? status = null) =>
        type == typeof(ApiProblem) ? ProblemExamples.For(status ?? 500) : _examples.GetValueOrDefault(type);

    private static JsonObject Config(string json) => JsonNode.Parse(json)!.AsObject();
}
