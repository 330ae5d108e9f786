using Mediator;
using Signal.Application.Common.Idempotency;

namespace Signal.Application.Templates.CreateTemplate;

/// <summary>Creates a template without revisions.</summary>
public sealed record CreateTemplateCommand(string Name, string Vendor, string? Description, string? IdempotencyKey = null)
    : ICommand<TemplateResponse>, IIdempotentCommand;
