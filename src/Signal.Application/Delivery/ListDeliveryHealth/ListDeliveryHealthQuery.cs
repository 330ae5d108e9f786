using Mediator;
using Signal.Application.Common.Paging;
using Signal.Domain.Delivery;

namespace Signal.Application.Delivery.ListDeliveryHealth;

/// <summary>The organisation's pipeline integrations with their status, worst first.</summary>
public sealed record ListDeliveryHealthQuery(
    DeliveryStatus? Status,
    string? PipelineId,
    string? IntegrationId,
    int Limit = PagingRules.DefaultLimit,
    int Offset = 0) : IQuery<ListDeliveryHealthResponse>;

public sealed record ListDeliveryHealthResponse(IReadOnlyList<PipelineIntegrationHealth> PipelineIntegrations, int Total, int Limit, int Offset);

/// <summary>A pipeline integration (id pi_…), where it runs, and how its deliveries go.</summary>
public sealed record PipelineIntegrationHealth(
    string Id,
    string PipelineId,
    string PipelineName,
    string IntegrationId,
    string IntegrationName,
    string Vendor,
    int RevisionNumber,
    bool Enabled,
    DeliveryStatus Status,
    DeliverySummary Delivery);
