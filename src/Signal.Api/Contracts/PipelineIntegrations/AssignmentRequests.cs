namespace Signal.Api.Contracts.PipelineIntegrations;

/// <summary>Body of <c>POST /v1/admin/pipelines/{id}/integrations</c>.</summary>
/// <param name="IntegrationId">The template to assign (tmpl_…).</param>
/// <param name="RevisionId">Pin this revision (rev_…); or give revision_number; neither pins the latest.</param>
/// <param name="RevisionNumber">Pin this revision number of the template.</param>
/// <param name="Enabled">Whether events are delivered to it (default true).</param>
public sealed record AssignIntegrationRequest(string IntegrationId, string? RevisionId = null, int? RevisionNumber = null, bool? Enabled = null);

/// <summary>Body of <c>PUT /v1/admin/pipelines/{id}/integrations/{pi_id}</c>: deploy, roll back, pause or resume.</summary>
/// <param name="RevisionId">Pin this revision (rev_…).</param>
/// <param name="RevisionNumber">Pin this revision number.</param>
/// <param name="Enabled">false pauses delivery, true resumes it.</param>
public sealed record UpdateAssignmentRequest(string? RevisionId = null, int? RevisionNumber = null, bool? Enabled = null);
