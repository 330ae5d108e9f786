using System.Text.Json.Nodes;
using Signal.Domain.Audit;
using Signal.Domain.Common;

namespace Signal.Domain.Pipelines;

/// <summary>
/// A data collection and delivery unit: its public key, the secret that signs its events (held only encrypted), the
/// domains and rate it accepts, its labels and parameters, and how its collector is built.
/// </summary>
public sealed class Pipeline : AggregateRoot
{
    public const string IdPrefix = "pip";
    public const string KeyPrefix = "dk_";
    public const int DefaultRateLimit = 1000;

    private Pipeline(string id, string orgId, DateTimeOffset createdAt)
    {
        Id = id;
        OrgId = orgId;
        CreatedAt = createdAt;
    }

    public override string Id { get; }

    public override string OrgId { get; }

    /// <summary>The public key events are sent with: <c>dk_</c> + the pipeline id.</summary>
    public string PipelineKey => KeyPrefix + Id;

    public string Name { get; private set; } = string.Empty;

    public string Slug { get; private set; } = string.Empty;

    public PipelineType Type { get; private set; } = PipelineType.Web;

    /// <summary>The key secret as stored: encrypted.</summary>
    public string SecretCiphertext { get; private set; } = string.Empty;

    /// <summary>The first 7 characters of the secret (<c>sk_a1b2</c>), to tell secrets apart.</summary>
    public string SecretPrefix { get; private set; } = string.Empty;

    public IReadOnlyList<string> DomainAllowlist { get; private set; } = [];

    public IReadOnlyList<string> Labels { get; private set; } = [];

    public int RateLimitRps { get; private set; } = DefaultRateLimit;

    public bool ChallengeTokenRequired { get; private set; }

    public IReadOnlyDictionary<string, string> Parameters { get; private set; } = new Dictionary<string, string>();

    public JsonObject Config { get; private set; } = [];

    public JsBuilderConfig JsBuilderConfig { get; private set; } = JsBuilderConfig.Default;

    public IdentityConfig IdentityConfig { get; private set; } = IdentityConfig.Default;

    public bool Enabled { get; private set; } = true;

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>
    /// A new pipeline with the defaults for whatever <paramref name="fields"/> leaves out; a name is required.
    /// <paramref name="id"/> is fixed beforehand because the secret's encryption is bound to it.
    /// </summary>
    public static Pipeline Create(
        string id, string orgId, string slug, PipelineFields fields, string secretCiphertext, string secretPrefix, DateTimeOffset now)
    {
        var withSlug = fields with { Slug = slug };
        ThrowIfBroken(withSlug.Violations(isNew: true));
        var pipeline = new Pipeline(id, orgId, now) { SecretCiphertext = secretCiphertext, SecretPrefix = secretPrefix };
        pipeline.Assign(withSlug.Normalised());
        pipeline.UpdatedAt = now;
        pipeline.RecordCreation(AuditActions.PipelineCreated, now);
        return pipeline;
    }

    /// <summary>A pipeline as stored. Nothing is validated: a rule tightened later must not make existing rows unreadable.</summary>
    public static Pipeline Rehydrate(
        string id,
        string orgId,
        PipelineFields stored,
        string secretCiphertext,
        string secretPrefix,
        DateTimeOffset createdAt,
        DateTimeOffset updatedAt)
    {
        var pipeline = new Pipeline(id, orgId, createdAt) { SecretCiphertext = secretCiphertext, SecretPrefix = secretPrefix };
        pipeline.Assign(stored);
        pipeline.UpdatedAt = updatedAt;
        return pipeline;
    }

    /// <summary>A partial update: every field that is set replaces the current one (see <see cref="PipelineFields"/>).</summary>
    public void Change(PipelineFields fields, DateTimeOffset now)
    {
        DeletedAggregateException.ThrowIfDeleted(DeletedAt, "Pipeline", Id);
        ThrowIfBroken(fields.Violations(isNew: false));
        var before = AuditedState();
        Assign(fields.Normalised());
        UpdatedAt = now;
        RecordChange(AuditActions.PipelineUpdated, before, now);
    }

    /// <summary>Replaces the key secret; the old one stops being valid at once. The record shows only the prefixes.</summary>
    public void RotateSecret(string secretCiphertext, string secretPrefix, DateTimeOffset now)
    {
        DeletedAggregateException.ThrowIfDeleted(DeletedAt, "Pipeline", Id);
        var before = AuditedState();
        SecretCiphertext = secretCiphertext;
        SecretPrefix = secretPrefix;
        UpdatedAt = now;
        RecordChange(AuditActions.PipelineSecretRotated, before, now, evenIfUnchanged: true);
    }

    public void Delete(DateTimeOffset now)
    {
        DeletedAggregateException.ThrowIfDeleted(DeletedAt, "Pipeline", Id);
        DeletedAt = now;
        UpdatedAt = now;
        RecordAction(AuditActions.PipelineDeleted, now);
    }

    /// <summary>Records that a challenge token was issued for this pipeline; the token itself is never recorded.</summary>
    public void RecordChallengeTokenIssued(DateTimeOffset now)
    {
        DeletedAggregateException.ThrowIfDeleted(DeletedAt, "Pipeline", Id);
        RecordAction(AuditActions.PipelineChallengeTokenIssued, now);
    }

    /// <summary>Records that a build of this pipeline's collector was requested.</summary>
    public void RecordCollectorBuildRequested(DateTimeOffset now)
    {
        DeletedAggregateException.ThrowIfDeleted(DeletedAt, "Pipeline", Id);
        RecordAction(AuditActions.PipelineCollectorBuildRequested, now);
    }

    protected override string ResourceType => ResourceTypes.Pipeline;

    protected override string? ResourceName => Name;

    /// <summary>Every field a client sets, and the key secret's prefix; never the secret or its ciphertext.</summary>
    protected override JsonObject AuditedState() => State(
        ("name", Name),
        ("slug", Slug),
        ("type", WireNames.Of(Type)),
        ("pipeline_key_secret_prefix", SecretPrefix),
        ("domain_allowlist", Array(DomainAllowlist)),
        ("labels", Array(Labels)),
        ("rate_limit_rps", RateLimitRps),
        ("challenge_token_required", ChallengeTokenRequired),
        ("parameters", Map(Parameters)),
        ("config", Config.DeepClone()),
        ("js_builder_config", State(
            ("script_filename", JsBuilderConfig.ScriptFilename),
            ("global_variable", JsBuilderConfig.GlobalVariable),
            ("delivery_method", WireNames.Of(JsBuilderConfig.DeliveryMethod)),
            ("vendor_syncs", JsBuilderConfig.VendorSyncs.DeepClone()),
            ("consent_config", JsBuilderConfig.ConsentConfig.DeepClone()),
            ("cross_domain", JsBuilderConfig.CrossDomain))),
        ("identity_config", State(
            ("cross_domain_enabled", IdentityConfig.CrossDomainEnabled),
            ("cross_domain_domains", Array(IdentityConfig.CrossDomainDomains)),
            ("vendor_sync", IdentityConfig.VendorSync.DeepClone()))),
        ("enabled", Enabled));

    private static void ThrowIfBroken(IReadOnlyDictionary<string, string[]> violations)
    {
        if (violations.Count > 0)
        {
            throw new DomainRuleException(violations);
        }
    }

    /// <summary>
    /// Takes every set field as it is: normalised by <see cref="PipelineFields.Normalised"/> for a change, as stored when
    /// loading (a read copies nothing it does not have to).
    /// </summary>
    private void Assign(PipelineFields fields)
    {
        Name = fields.Name ?? Name;
        Slug = fields.Slug ?? Slug;
        Type = fields.Type ?? Type;
        DomainAllowlist = fields.DomainAllowlist ?? DomainAllowlist;
        Labels = fields.Labels ?? Labels;
        RateLimitRps = fields.RateLimitRps ?? RateLimitRps;
        ChallengeTokenRequired = fields.ChallengeTokenRequired ?? ChallengeTokenRequired;
        Parameters = fields.Parameters ?? Parameters;
        Config = fields.Config ?? Config;
        JsBuilderConfig = fields.JsBuilderConfig?.Over(JsBuilderConfig) ?? JsBuilderConfig;
        IdentityConfig = fields.IdentityConfig?.Over(IdentityConfig) ?? IdentityConfig;
        Enabled = fields.Enabled ?? Enabled;
    }
}

/// <summary>
/// The fields of a pipeline a client sets, carried unchanged from the request to the aggregate, for create and update
/// alike. Null means "not sent": keep the current value (or the default, for a new pipeline). Lists and maps are
/// replaced whole; <see cref="JsBuilderConfig"/> and <see cref="IdentityConfig"/> change field by field.
/// </summary>
public sealed record PipelineFields(
    string? Name = null,
    string? Slug = null,
    PipelineType? Type = null,
    IReadOnlyList<string>? DomainAllowlist = null,
    IReadOnlyList<string>? Labels = null,
    int? RateLimitRps = null,
    bool? ChallengeTokenRequired = null,
    IReadOnlyDictionary<string, string>? Parameters = null,
    JsonObject? Config = null,
    JsBuilderFields? JsBuilderConfig = null,
    IdentityFields? IdentityConfig = null,
    bool? Enabled = null)
{
    /// <summary>
    /// Every rule the set fields break, keyed by JSON path with one message per rule — the pipeline's rules, defined
    /// here only: validators report them before any work is done, and the aggregate refuses a change that breaks one.
    /// </summary>
    public IReadOnlyDictionary<string, string[]> Violations(bool isNew)
    {
        var rules = new PipelineRules.Violations();
        if (Name is null)
        {
            rules.AddIf(isNew, "name", "is required");
        }
        else
        {
            rules.AddIf(!PipelineRules.IsName(Name), "name", PipelineRules.NameMessage);
        }

        rules.AddIf(Slug is not null && !PipelineRules.IsSlug(Slug), "slug", PipelineRules.SlugMessage);
        rules.AddIf(RateLimitRps is not null && !PipelineRules.IsRateLimit(RateLimitRps.Value), "rate_limit_rps", PipelineRules.RateLimitMessage);
        rules.CheckHosts("domain_allowlist", DomainAllowlist);
        if (Labels is not null)
        {
            rules.AddIf(Labels.Count > PipelineRules.MaxLabels, "labels", $"must have at most {PipelineRules.MaxLabels} labels");
            rules.CheckEach("labels", Labels, l => l is not null && PipelineRules.IsLabel(l), _ => PipelineRules.LabelMessage);
        }

        rules.CheckParameters(Parameters);
        if (JsBuilderConfig is { } builder)
        {
            rules.AddIf(builder.ScriptFilename is not null && !PipelineRules.IsScriptFilename(builder.ScriptFilename),
                "js_builder_config.script_filename", PipelineRules.ScriptFilenameMessage);
            rules.AddIf(builder.GlobalVariable is not null && !PipelineRules.IsGlobalVariable(builder.GlobalVariable),
                "js_builder_config.global_variable", PipelineRules.GlobalVariableMessage);
        }

        rules.CheckHosts("identity_config.cross_domain_domains", IdentityConfig?.CrossDomainDomains);
        return rules.Errors;
    }

    /// <summary>
    /// These fields as the aggregate keeps them: the name trimmed, hosts lowercased and each once, labels each once, and
    /// lists, maps and JSON copied so that the caller cannot change the aggregate's state afterwards.
    /// </summary>
    public PipelineFields Normalised() => this with
    {
        Name = Name?.Trim(),
        DomainAllowlist = DomainAllowlist is null ? null : PipelineRules.NormaliseHosts(DomainAllowlist),
        Labels = Labels?.Distinct(StringComparer.Ordinal).ToList(),
        Parameters = Parameters is null ? null : new Dictionary<string, string>(Parameters, StringComparer.Ordinal),
        Config = Config?.DeepClone().AsObject(),
        JsBuilderConfig = JsBuilderConfig is null ? null : JsBuilderConfig with
        {
            VendorSyncs = JsBuilderConfig.VendorSyncs?.DeepClone().AsObject(),
            ConsentConfig = JsBuilderConfig.ConsentConfig?.DeepClone().AsObject(),
        },
        IdentityConfig = IdentityConfig is null ? null : IdentityConfig with
        {
            CrossDomainDomains = IdentityConfig.CrossDomainDomains is null ? null : PipelineRules.NormaliseHosts(IdentityConfig.CrossDomainDomains),
            VendorSync = IdentityConfig.VendorSync?.DeepClone().AsObject(),
        },
    };
}
