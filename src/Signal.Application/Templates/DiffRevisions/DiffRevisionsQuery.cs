using Mediator;

namespace Signal.Application.Templates.DiffRevisions;

/// <param name="TemplateId">The template's id.</param>
/// <param name="Revision">The revision to compare (number or <c>rev_…</c> id): the "to" side.</param>
/// <param name="Against">The revision to compare it with (number or id); null for the one before it.</param>
public sealed record DiffRevisionsQuery(string TemplateId, string Revision, string? Against) : IQuery<RevisionDiffResponse>;
