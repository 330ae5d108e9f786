using Signal.Domain.Templates;

namespace Signal.Application.PipelineIntegrations;

/// <summary>
/// A template assigned to a pipeline. <c>latest_revision</c> is the template's newest revision number;
/// <c>update_available</c> says the pinned one is older.
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
    DateTimeOffset UpdatedAt);

/// <summary>The pipeline's assignments, oldest first.</summary>
public sealed record ListAssignmentsResponse(IReadOnlyList<PipelineIntegrationResponse> Integrations, int Total);
