using Signal.Application.Common.Errors;
using Signal.Domain.Templates;

namespace Signal.Application.PipelineIntegrations;

/// <summary>The revision a pipeline integration asks for: by id, by number, or (when neither is given) the template's latest.</summary>
public static class RevisionChoice
{
    /// <summary>The revision that was looked up, or the error that says what was asked for and is missing.</summary>
    public static RevisionRef Require(RevisionRef? found, string templateId, string? revisionId, int? revisionNumber)
    {
        if (revisionId is null && revisionNumber is null)
        {
            return found ?? throw new ConflictException("template_has_no_revisions",
                $"Integration template '{templateId}' has no revisions yet; create one before assigning it.");
        }

        return found ?? throw (revisionId is not null
            ? ValidationFailedException.For("revision_id", $"is not a revision of integration template '{templateId}'")
            : ValidationFailedException.For("revision_number", $"integration template '{templateId}' has no revision {revisionNumber}"));
    }
}
