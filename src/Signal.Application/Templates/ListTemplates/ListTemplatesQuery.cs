using Mediator;
using Signal.Application.Common.Paging;

namespace Signal.Application.Templates.ListTemplates;

public sealed record ListTemplatesQuery(
    string? Search, string? Vendor, string? Sort = null, int Limit = PagingRules.DefaultLimit, int Offset = 0)
    : IQuery<ListTemplatesResponse>;

/// <summary>The templates page: the templates are under <c>integrations</c> (the wire name).</summary>
public sealed record ListTemplatesResponse(IReadOnlyList<TemplateResponse> Integrations, int Total, int Limit, int Offset);
