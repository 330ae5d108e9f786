using System.Text.Json.Nodes;
using Mediator;
using Signal.Application.Common.Idempotency;
using Signal.Domain.Templates;

namespace Signal.Application.Templates.InstallFromCatalog;

/// <summary>Creates a template and its revision v1 from a catalog vendor, atomically.</summary>
public sealed record InstallFromCatalogCommand(
    string Vendor,
    string Name,
    string? Variant,
    JsonObject? Config,
    DeliveryMode? DeliveryMode,
    string? Description,
    string? IdempotencyKey = null) : ICommand<InstallFromCatalogResponse>, IIdempotentCommand;

public sealed record InstallFromCatalogResponse(TemplateResponse Template, RevisionResponse Revision);
