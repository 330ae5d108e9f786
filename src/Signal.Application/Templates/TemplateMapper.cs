using System.Text.Json.Nodes;
using Riok.Mapperly.Abstractions;
using Signal.Domain.Templates;

namespace Signal.Application.Templates;

[Mapper]
public static partial class TemplateMapper
{
    [MapperIgnoreSource(nameof(Template.DeletedAt))]
    [MapperIgnoreSource(nameof(Template.NewRevisions))]
    [MapperIgnoreSource(nameof(Template.Latest))]
    public static partial TemplateResponse ToResponse(this Template template);

    /// <summary>A new revision with <paramref name="config"/> (its config masked) in place of the plaintext.</summary>
    [MapperIgnoreSource(nameof(Revision.Config))]
    [MapperIgnoreSource(nameof(Revision.Ref))]
    [MapProperty(nameof(Revision.TemplateId), nameof(RevisionResponse.IntegrationId))]
    public static partial RevisionResponse ToResponse(this Revision revision, JsonObject config);

    /// <summary>A stored revision with <paramref name="config"/> (its config opened and masked) in place of the sealed one.</summary>
    [MapperIgnoreSource(nameof(StoredRevision.SealedConfig))]
    [MapProperty(nameof(StoredRevision.TemplateId), nameof(RevisionResponse.IntegrationId))]
    public static partial RevisionResponse ToResponse(this StoredRevision revision, JsonObject config);
}
