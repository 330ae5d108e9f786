using System.Text.Json.Nodes;
using Mediator;
using Signal.Application.Common.Idempotency;
using Signal.Domain.Templates;

namespace Signal.Application.Templates.CreateRevision;

/// <summary>Adds the next immutable revision to a template.</summary>
public sealed record CreateRevisionCommand(
    string TemplateId, JsonObject Config, DeliveryMode DeliveryMode, string? ChangeSummary, string? IdempotencyKey = null)
    : ICommand<RevisionResponse>, IIdempotentCommand;
