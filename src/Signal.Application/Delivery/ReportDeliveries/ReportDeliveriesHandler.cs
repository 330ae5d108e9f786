using Mediator;

namespace Signal.Application.Delivery.ReportDeliveries;

/// <remarks>One round trip whatever the batch's size: the reports travel as one JSON parameter.</remarks>
public sealed class ReportDeliveriesHandler(IDeliveryReports deliveryReports, TimeProvider time)
    : ICommandHandler<ReportDeliveriesCommand, ReportDeliveriesResponse>
{
    public async ValueTask<ReportDeliveriesResponse> Handle(ReportDeliveriesCommand command, CancellationToken cancellationToken)
    {
        var reports = command.Reports!;
        var accepted = await deliveryReports.StoreAsync(command.ProcessorId, reports, time.GetUtcNow(), cancellationToken);
        return new ReportDeliveriesResponse(accepted, reports.Count - accepted);
    }
}
