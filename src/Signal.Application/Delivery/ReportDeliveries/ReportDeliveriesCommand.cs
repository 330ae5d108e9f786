using Mediator;

namespace Signal.Application.Delivery.ReportDeliveries;

/// <summary>A batch of delivery reports from one event processor.</summary>
public sealed record ReportDeliveriesCommand(string ProcessorId, IReadOnlyList<DeliveryReportInput>? Reports) : ICommand<ReportDeliveriesResponse>;

/// <summary>
/// What a processor delivered to one pipeline integration in one window (at most an hour): events accepted by the
/// vendor, events that failed, and the last error. Sending the same processor, pipeline integration and window start
/// again replaces the report.
/// </summary>
/// <param name="PipelineIntegrationId">The pipeline integration (pi_…) the events were delivered for.</param>
/// <param name="RevisionNumber">The revision the processor ran.</param>
/// <param name="WindowStart">Start of the window (inclusive).</param>
/// <param name="WindowEnd">End of the window (exclusive), after its start, at most an hour later.</param>
/// <param name="Delivered">Events the vendor accepted.</param>
/// <param name="Failed">Events that could not be delivered.</param>
/// <param name="LastError">The last error of the window, if any.</param>
public sealed record DeliveryReportInput(
    string? PipelineIntegrationId,
    int? RevisionNumber,
    DateTimeOffset? WindowStart,
    DateTimeOffset? WindowEnd,
    long? Delivered,
    long? Failed,
    DeliveryErrorInput? LastError);

/// <param name="Code">A short machine code (the vendor's status or error code).</param>
/// <param name="Message">What went wrong; stored cut to 500 characters.</param>
/// <param name="At">When it happened.</param>
public sealed record DeliveryErrorInput(string? Code, string? Message, DateTimeOffset? At);

/// <summary>How many reports were stored, and how many named a pipeline integration that does not exist (any more).</summary>
public sealed record ReportDeliveriesResponse(int Accepted, int Ignored);
