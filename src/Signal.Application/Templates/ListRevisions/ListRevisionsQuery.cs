using Mediator;
using Signal.Application.Common.Paging;

namespace Signal.Application.Templates.ListRevisions;

public sealed record ListRevisionsQuery(string TemplateId, int Limit = PagingRules.DefaultLimit, int Offset = 0)
    : IQuery<ListRevisionsResponse>;

/// <summary>Seed 001's <c>{ revisions }</c>, newest first, with the paging fields of SPEC §3.</summary>
public sealed record ListRevisionsResponse(IReadOnlyList<RevisionResponse> Revisions, int Total, int Limit, int Offset);
