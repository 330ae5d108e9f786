using Mediator;

namespace Signal.Application.Templates.DeleteTemplate;

/// <summary>Soft-deletes a template: it answers 404 from then on and its name is free again. With <c>IfMatch</c>, only if the resource is still what that ETag tagged.</summary>
public sealed record DeleteTemplateCommand(string Id, string? IfMatch) : ICommand<DeleteTemplateResponse>;

/// <summary>The delete response: <c>{ "status": "deleted" }</c>.</summary>
public sealed record DeleteTemplateResponse(string Status);

/// <summary>A pipeline listed by a <c>template_in_use</c> conflict.</summary>
public sealed record TemplateInUsePipeline(string Id, string Name);
