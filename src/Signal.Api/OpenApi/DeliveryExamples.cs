using Signal.Api.Contracts.Delivery;
using Signal.Application.Delivery;
using Signal.Application.Delivery.ListDeliveryHealth;
using Signal.Application.Delivery.ReportDeliveries;
using Signal.Domain.Delivery;

namespace Signal.Api.OpenApi;

/// <summary>Examples of the delivery report and delivery-health bodies: one GA4 pipeline integration doing well, one Meta CAPI one failing.</summary>
public static class DeliveryExamples
{
    /// <summary>A status as the list and a pipeline integration show it: 4,180 delivered, 12 failed in the last hour.</summary>
    public static ObservedDelivery Healthy(DateTimeOffset at) => new(DeliveryStatus.Healthy,
        new DeliverySummary(60, 4180, 12, 12 / 4192d, new DeliveryError("ga4_400", "Invalid measurement protocol payload: event name too long", at.AddMinutes(-20)),
            at.AddMinutes(-1), at));

    public static Dictionary<Type, object> All(DateTimeOffset at)
    {
        var healthy = Healthy(at);
        var failing = new ObservedDelivery(DeliveryStatus.Failing, new DeliverySummary(60, 120, 880, 0.88,
            new DeliveryError("meta_190", "Invalid OAuth 2.0 Access Token", at.AddMinutes(-2)), at.AddMinutes(-45), at.AddMinutes(-1)));
        return new Dictionary<Type, object>
        {
            [typeof(DeliveryReportsRequest)] = new DeliveryReportsRequest("processor-eu-west-1a", [
                new DeliveryReportInput("pi_01jn41x3z5b7d9f1h3k5m7p9r1", 3, at.AddMinutes(-5), at, 1042, 3,
                    new DeliveryErrorInput("ga4_400", "Invalid measurement protocol payload: event name too long", at.AddMinutes(-2))),
                new DeliveryReportInput("pi_01jn52a4c6e8g0j2l4n6q8s0u2", 1, at.AddMinutes(-5), at, 0, 212,
                    new DeliveryErrorInput("meta_190", "Invalid OAuth 2.0 Access Token", at.AddMinutes(-1))),
            ]),
            [typeof(ReportDeliveriesResponse)] = new ReportDeliveriesResponse(2, 0),
            [typeof(ListDeliveryHealthResponse)] = new ListDeliveryHealthResponse(
            [
                new PipelineIntegrationHealth("pi_01jn52a4c6e8g0j2l4n6q8s0u2", "pip_01jmz8k2q4r6t8v0w2y4a6c8e0", "Marketing Website",
                    "tmpl_01jmz8k2q4r6t8v0w2y4a6c8e0", "Meta CAPI Production", "meta_capi", 3, true, failing.Status, failing.Delivery),
                new PipelineIntegrationHealth("pi_01jn41x3z5b7d9f1h3k5m7p9r1", "pip_01jmz8k2q4r6t8v0w2y4a6c8e0", "Marketing Website",
                    "tmpl_01jmz9a1b3c5d7e9f1g3h5j7k9", "GA4 - all sites", "ga4", 3, true, healthy.Status, healthy.Delivery),
            ], 2, 50, 0),
        };
    }
}
