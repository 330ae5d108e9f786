using Signal.Domain.Pipelines;

namespace Signal.Application.Pipelines;

/// <summary>
/// Turns validated fields into domain settings. The collector and identity settings merge field by field over
/// the current ones (the stored settings, or the seed's defaults for a new pipeline).
/// </summary>
public static class PipelineSettingsFactory
{
    public static PipelineSettings From(IPipelineFields fields, JsBuilderConfig currentBuilder, IdentityConfig currentIdentity) => new(
        fields.Name,
        fields.Slug,
        fields.Type,
        fields.DomainAllowlist,
        fields.Labels,
        fields.RateLimitRps,
        fields.ChallengeTokenRequired,
        fields.Parameters,
        fields.Config?.DeepClone().AsObject(),
        fields.JsBuilderConfig is { } builder
            ? new JsBuilderConfig(
                builder.ScriptFilename ?? currentBuilder.ScriptFilename,
                builder.GlobalVariable ?? currentBuilder.GlobalVariable,
                builder.DeliveryMethod ?? currentBuilder.DeliveryMethod,
                builder.VendorSyncs?.DeepClone().AsObject() ?? currentBuilder.VendorSyncs,
                builder.ConsentConfig?.DeepClone().AsObject() ?? currentBuilder.ConsentConfig,
                builder.CrossDomain ?? currentBuilder.CrossDomain)
            : null,
        fields.IdentityConfig is { } identity
            ? new IdentityConfig(
                identity.CrossDomainEnabled ?? currentIdentity.CrossDomainEnabled,
                identity.CrossDomainDomains ?? currentIdentity.CrossDomainDomains,
                identity.VendorSync?.DeepClone().AsObject() ?? currentIdentity.VendorSync)
            : null,
        fields.Enabled);
}
