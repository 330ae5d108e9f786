using System.Text.Json.Nodes;
using Riok.Mapperly.Abstractions;
using Signal.Domain.Templates;

namespace Signal.Application.Templates;

[Mapper]
public static partial class TemplateMapper
{
    [MapperIgnoreSource(nameof(Template.DeletedAt))]
    [MapperIgnoreSource(nameof(Template.NewRevisions))]
    public static partial TemplateResponse ToResponse(this Template template);

    /// <summary>Maps a revision with <paramref name="config"/> (already masked) in place of the stored one.</summary>
    [MapperIgnoreSource(nameof(Revision.Config))]
    public static partial RevisionResponse ToResponse(this Revision revision, JsonObject config);
}
