using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Signal.Domain.Pipelines;

namespace Signal.Application.Pipelines.Collector;

/// <summary>
/// Generates a pipeline's JavaScript collector from its settings. Deterministic: the same settings give the same bytes,
/// and so the same <see cref="CollectorScript.VersionHash"/> (no timestamps, no build ids inside).
/// </summary>
public sealed record CollectorScript(string Filename, string Content, string VersionHash, int SizeBytes)
{
    private static readonly string Template = LoadTemplate();

    // Default encoder: '<', '>' and '&' are escaped, so no configured value can close a script tag.
    private static readonly JsonSerializerOptions ConfigJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static CollectorScript Generate(string pipelineKey, string ingestUrl, JsBuilderConfig builder, IdentityConfig identity)
    {
        var config = new ScriptConfig(
            pipelineKey,
            ingestUrl,
            builder.GlobalVariable,
            new ConsentSettings(builder.ConsentConfig["required"]?.GetValueKind() == JsonValueKind.True),
            new CrossDomainSettings(builder.CrossDomain, builder.CrossDomain ? identity.CrossDomainDomains : []));
        var content = Template.Replace("/*CONFIG*/", JsonSerializer.Serialize(config, ConfigJson), StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(content);
        return new CollectorScript(builder.ScriptFilename, content, Convert.ToHexStringLower(SHA256.HashData(bytes))[..16], bytes.Length);
    }

    private static string LoadTemplate()
    {
        using var stream = typeof(CollectorScript).Assembly.GetManifestResourceStream("Signal.Application.Pipelines.Collector.collector.template.js")
            ?? throw new InvalidOperationException("The collector template is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    private sealed record ScriptConfig(
        string PipelineKey,
        string IngestUrl,
        string GlobalVariable,
        ConsentSettings Consent,
        CrossDomainSettings CrossDomain);

    private sealed record ConsentSettings(bool Required);

    private sealed record CrossDomainSettings(bool Enabled, IReadOnlyList<string> Domains);
}
