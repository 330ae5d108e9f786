using Mediator;

namespace Signal.Application.Templates.GetRevision;

/// <param name="TemplateId">The template's id.</param>
/// <param name="Revision">A revision number (<c>3</c>) or a revision id (<c>rev_…</c>).</param>
public sealed record GetRevisionQuery(string TemplateId, string Revision) : IQuery<RevisionResponse>;
