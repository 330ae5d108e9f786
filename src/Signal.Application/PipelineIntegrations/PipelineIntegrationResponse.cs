using Signal.Application.Common.Abstractions;
using Signal.Application.Delivery;
using Signal.Domain.Delivery;
using Signal.Domain.PipelineIntegrations;
using Signal.Domain.Templates;

namespace Signal.Application.PipelineIntegrations;

/// <summary>
/// A template assigned to a pipeline. <c>latest_revision</c> is the template's newest revision number;
/// <c>update_available</c> says the pinned one is older. <c>status</c> and <c>delivery</c> are what the event processors
/// reported, not what was set: they are left out of the ETag, so a changing status never fails an <c>If-Match</c>.
/// </summary>
public sealed record PipelineIntegrationResponse(
    string Id,
    string PipelineId,
    string IntegrationId,
    string IntegrationName,
    string Vendor,
    string RevisionId,
    int RevisionNumber,
    int LatestRevision,
    bool UpdateAvailable,
    DeliveryMode DeliveryMode,
    bool Enabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DeliveryStatus Status,
    DeliverySummary Delivery) : IObservedRepresentation
{
    /// <summary>A pipeline integration pinned at <paramref name="revisionNumber"/>: the one place <c>update_available</c> is decided.</summary>
    public static PipelineIntegrationResponse Of(
        string id,
        string pipelineId,
        string integrationId,
        string integrationName,
        string vendor,
        string revisionId,
        int revisionNumber,
        int latestRevision,
        DeliveryMode deliveryMode,
        bool enabled,
        DateTimeOffset createdAt,
        DateTimeOffset updatedAt,
        ObservedDelivery observed) => new(id, pipelineId, integrationId, integrationName, vendor, revisionId, revisionNumber,
        latestRevision, revisionNumber < latestRevision, deliveryMode, enabled, createdAt, updatedAt, observed.Status, observed.Delivery);

    /// <summary>The representation of <paramref name="pipelineIntegration"/>, pinned at <paramref name="pinned"/>.</summary>
    public static PipelineIntegrationResponse Of(
        PipelineIntegration pipelineIntegration, TemplateFacts template, RevisionRef pinned, ObservedDelivery observed)
    {
        if (pinned.Id != pipelineIntegration.RevisionId)
        {
            throw new InvalidOperationException($"Pipeline integration {pipelineIntegration.Id} is not pinned at revision {pinned.Id}.");
        }

        return Of(pipelineIntegration.Id, pipelineIntegration.PipelineId, pipelineIntegration.TemplateId, template.Name, template.Vendor,
            pinned.Id, pinned.RevisionNumber, template.LatestRevisionNumber, pinned.DeliveryMode, pipelineIntegration.Enabled,
            pipelineIntegration.CreatedAt, pipelineIntegration.UpdatedAt, observed);
    }

    public object WithoutObservations() => this with { Status = DeliveryStatus.Unknown, Delivery = DeliverySummary.None(0) };
}

/// <summary>What a pipeline integration's representation shows of its template.</summary>
public sealed record TemplateFacts(string Name, string Vendor, int LatestRevisionNumber);

/// <summary>The pipeline's assignments, oldest first.</summary>
public sealed record ListAssignmentsResponse(IReadOnlyList<PipelineIntegrationResponse> Integrations, int Total);
