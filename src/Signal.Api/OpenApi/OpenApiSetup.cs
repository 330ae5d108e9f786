using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NJsonSchema;
using NJsonSchema.Generation.TypeMappers;
using NSwag;
using NSwag.Generation.Processors.Security;

namespace Signal.Api.OpenApi;

public static class OpenApiSetup
{
    public const string DocumentPath = "/openapi/{documentName}.json";
    public const string UiPath = "/docs";
    private const string BearerScheme = "bearer";
    private const string LocalUrl = "http://localhost:8084";

    public static IServiceCollection AddSignalOpenApi(this IServiceCollection services)
    {
        services.AddSingleton<ExampleRegistry>();
        return services.AddOpenApiDocument((settings, provider) =>
        {
            settings.DocumentName = "v1";
            settings.Title = "Signal Management API";
            settings.Version = "v1";
            settings.Description =
                "Configure which vendor integrations receive the events of which websites and apps. "
                + "Authenticate with a bearer token (locally: the one scripts/run prints). "
                + "Every error is application/problem+json with a stable `code`.";
            settings.AddSecurity(BearerScheme, new OpenApiSecurityScheme
            {
                Type = OpenApiSecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT with sub, org_id and role (viewer < editor < admin < owner) claims.",
            });
            settings.OperationProcessors.Add(new AspNetCoreOperationSecurityScopeProcessor(BearerScheme));

            // Free-form JSON (configs, defaults) is documented as what it is, not as System.Text.Json's node classes.
            settings.SchemaSettings.TypeMappers.Add(new PrimitiveTypeMapper(typeof(JsonNode), _ => { }));
            settings.SchemaSettings.TypeMappers.Add(new PrimitiveTypeMapper(typeof(JsonObject), schema =>
            {
                schema.Type = JsonObjectType.Object;
                schema.AdditionalPropertiesSchema = new JsonSchema();
            }));
            settings.OperationProcessors.Add(new ResponsesOperationProcessor(
                provider.GetRequiredService<ExampleRegistry>(),
                provider.GetRequiredService<IOptions<JsonOptions>>().Value.JsonSerializerOptions));
            settings.OperationProcessors.Add(new HeadOperationProcessor());
            settings.UseControllerSummaryAsTagDescription = true;
            settings.PostProcess = PortableContract.Apply;
        });
    }

    public static IApplicationBuilder UseSignalOpenApi(this IApplicationBuilder app) => app
        .UseOpenApi(settings =>
        {
            settings.Path = DocumentPath;

            // The document is the checked-in contract (openapi/signal.v1.json): it must not depend on the host that
            // served it. It names the local API; clients are given their deployment's base URL.
            settings.PostProcess = (document, _) =>
            {
                document.Servers.Clear();
                document.Servers.Add(new OpenApiServer
                {
                    Url = "{base_url}",
                    Description = "Your deployment of the API.",
                    Variables = { ["base_url"] = new OpenApiServerVariable { Default = LocalUrl, Description = "Where the API runs; scripts/run serves it at " + LocalUrl + "." } },
                });
            };
        })
        .UseSwaggerUi(settings =>
        {
            settings.Path = UiPath;
            settings.DocumentPath = DocumentPath;
            settings.PersistAuthorization = true;
        });
}
