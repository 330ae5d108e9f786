using Mediator;
using Signal.Application.Common.Paging;

namespace Signal.Application.Templates.ListRevisions;

public sealed record ListRevisionsQuery(string TemplateId, int Limit = PagingRules.DefaultLimit, int Offset = 0)
    : IQuery<ListRevisionsResponse>;

/// <summary><c>{ revisions }</c>, newest first, with the usual paging fields (<c>total</c>, <c>limit</c>, <c>offset</c>).</summary>
public sealed record ListRevisionsResponse(IReadOnlyList<RevisionResponse> Revisions, int Total, int Limit, int Offset);
