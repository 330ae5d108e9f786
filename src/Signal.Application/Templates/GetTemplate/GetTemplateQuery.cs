using Mediator;

namespace Signal.Application.Templates.GetTemplate;

public sealed record GetTemplateQuery(string Id) : IQuery<TemplateResponse>;
