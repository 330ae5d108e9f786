using Signal.Application.Delivery.ReportDeliveries;

namespace Signal.Application.Delivery;

/// <summary>Where delivery reports are kept.</summary>
public interface IDeliveryReports
{
    /// <summary>
    /// Stores (or replaces) the reports that name a live pipeline integration and updates those pipeline integrations'
    /// totals; returns how many were stored. Reports naming anything else are left out.
    /// </summary>
    Task<int> StoreAsync(string processorId, IReadOnlyList<DeliveryReportInput> reports, DateTimeOffset receivedAt, CancellationToken cancellationToken);
}
