using Signal.Application.Common.Paging;
using Signal.Application.Delivery.ListDeliveryHealth;

namespace Signal.Application.Delivery;

/// <summary>Reads of delivery status across an organisation.</summary>
public interface IDeliveryHealthQueries
{
    /// <summary>
    /// The live pipeline integrations matching the query's filters, worst status first, then highest failure rate,
    /// then id; a page of them and how many match.
    /// </summary>
    Task<Page<PipelineIntegrationHealth>> ListAsync(string orgId, ListDeliveryHealthQuery query, CancellationToken cancellationToken);
}
