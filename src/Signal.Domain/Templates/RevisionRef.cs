namespace Signal.Domain.Templates;

/// <summary>
/// A revision as a pipeline integration refers to it: which one, of which template and organisation, and how it
/// delivers. Pinning needs no config, so none is loaded (or decrypted) for it.
/// </summary>
public sealed record RevisionRef(string Id, string OrgId, string TemplateId, int RevisionNumber, DeliveryMode DeliveryMode);
