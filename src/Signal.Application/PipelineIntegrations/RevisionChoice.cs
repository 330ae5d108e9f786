using Signal.Application.Common.Errors;
using Signal.Application.Templates;
using Signal.Domain.Templates;

namespace Signal.Application.PipelineIntegrations;

/// <summary>Finds the revision an assignment asks for: by id, by number, or (when neither is given) the latest.</summary>
public static class RevisionChoice
{
    public static async Task<Revision> FindAsync(
        ITemplateQueries templates, string orgId, string templateId, string? revisionId, int? revisionNumber, Revision? latest, CancellationToken cancellationToken)
    {
        if (revisionId is null && revisionNumber is null)
        {
            return latest ?? throw new ConflictException("template_has_no_revisions",
                $"Integration template '{templateId}' has no revisions yet; create one before assigning it.");
        }

        return await templates.FindRevisionAsync(orgId, templateId, revisionNumber, revisionId, cancellationToken)
            ?? throw (revisionId is not null
                ? ValidationFailedException.For("revision_id", $"is not a revision of integration template '{templateId}'")
                : ValidationFailedException.For("revision_number", $"integration template '{templateId}' has no revision {revisionNumber}"));
    }
}
