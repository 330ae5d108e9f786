using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Telemetry;

namespace Signal.Application.Delivery.ReportDeliveries;

/// <remarks>One round trip whatever the batch's size: the reports travel as one JSON parameter.</remarks>
public sealed class ReportDeliveriesHandler(
    IDeliveryReports deliveryReports, IUnitOfWork unitOfWork, SignalMetrics metrics, TimeProvider time)
    : ICommandHandler<ReportDeliveriesCommand, ReportDeliveriesResponse>
{
    public async ValueTask<ReportDeliveriesResponse> Handle(ReportDeliveriesCommand command, CancellationToken cancellationToken)
    {
        var reports = command.Reports!;
        var accepted = await deliveryReports.StoreAsync(command.ProcessorId, reports, time.GetUtcNow(), cancellationToken);
        var ignored = reports.Count - accepted;
        unitOfWork.AfterCommit(() => metrics.DeliveryReportsStored(accepted, ignored));
        return new ReportDeliveriesResponse(accepted, ignored);
    }
}
