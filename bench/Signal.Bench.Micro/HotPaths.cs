using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Signal.Api.Http;
using Signal.Application.Common.Parameters;
using Signal.Application.Pipelines;
using Signal.Application.Pipelines.CreatePipeline;
using Signal.Domain.Pipelines;

namespace Signal.Bench.Micro;

/// <summary>The in-process work behind the hottest requests, allocation included.</summary>
[MemoryDiagnoser]
public class HotPaths
{
    private static readonly JsonObject Config = JsonNode.Parse("""
        {"measurement_id":"{{pipeline_param.ga4_measurement_id}}","api_secret":"{{pipeline_param.ga4_api_secret}}",
         "debug_mode":false,"batch_size":100,"endpoint":"https://{{pipeline_param.host}}/mp/collect",
         "nested":{"list":["{{pipeline_param.ga4_measurement_id}}",1,true]}}
        """)!.AsObject();

    private static readonly Dictionary<string, string> Parameters = new()
    {
        ["ga4_measurement_id"] = "G-XXXXXXX",
        ["ga4_api_secret"] = "secret-value",
        ["host"] = "region1.google-analytics.com",
    };

    private static readonly CreatePipelineCommand Create = new("Marketing Website", "marketing-website", PipelineType.Web,
        ["www.example.com", "*.example.com"], ["env:production", "brand:acme"], 1000, false, Parameters);

    private static readonly Pipeline Pipeline = Pipeline.Create("pip_01jmz8k2q4r6t8v0w2y4a6c8e0", "org_xyz", "marketing-website",
        new PipelineSettings(Name: "Marketing Website", Labels: ["env:production"], Parameters: Parameters), "enc:v1:x", "sk_a1b2", DateTimeOffset.UnixEpoch);

    private readonly CreatePipelineValidator _validator = new();
    private readonly JsonSerializerOptions _json = CreateJsonOptions();

    [Benchmark]
    public ResolvedParameters SubstituteParameters() => ParameterResolver.Resolve(Config, Parameters);

    [Benchmark]
    public bool ValidateCreatePipeline() => _validator.Validate(Create).IsValid;

    [Benchmark]
    public PipelineResponse MapPipeline() => Pipeline.ToResponse();

    [Benchmark]
    public byte[] SerializePipeline() => JsonSerializer.SerializeToUtf8Bytes(Pipeline.ToResponse(), _json);

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions();
        JsonDefaults.Apply(options);
        return options;
    }
}
