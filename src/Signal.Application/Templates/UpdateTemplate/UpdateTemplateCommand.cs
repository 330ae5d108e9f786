using Mediator;

namespace Signal.Application.Templates.UpdateTemplate;

/// <summary>
/// Changes a template's name and/or description; an absent field stays as it is, an empty description clears it.
/// <paramref name="IfMatch"/> is the client's <c>If-Match</c> header, checked under the row lock.
/// </summary>
public sealed record UpdateTemplateCommand(string Id, string? Name, string? Description, string? IfMatch) : ICommand<TemplateResponse>;
