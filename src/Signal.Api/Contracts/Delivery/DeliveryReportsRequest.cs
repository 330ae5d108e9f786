using Signal.Application.Delivery.ReportDeliveries;

namespace Signal.Api.Contracts.Delivery;

/// <summary>Body of <c>POST /v1/processor/delivery-reports</c>.</summary>
/// <param name="ProcessorId">The reporting processor's stable id: a retry of its report replaces the first.</param>
/// <param name="Reports">1 to 1000 reports, at most one per pipeline integration and window start.</param>
public sealed record DeliveryReportsRequest(string ProcessorId, IReadOnlyList<DeliveryReportInput>? Reports);
