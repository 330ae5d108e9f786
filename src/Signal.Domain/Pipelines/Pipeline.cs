using System.Text.Json.Nodes;
using Signal.Domain.Common;

namespace Signal.Domain.Pipelines;

/// <summary>
/// A data collection and delivery unit: its public key, the secret that signs its events (held only encrypted), the
/// domains and rate it accepts, its labels and parameters, and how its collector is built.
/// </summary>
public sealed class Pipeline
{
    public const string IdPrefix = "pip";
    public const string KeyPrefix = "dk_";

    private Pipeline(string id, string orgId, DateTimeOffset createdAt)
    {
        Id = id;
        OrgId = orgId;
        CreatedAt = createdAt;
    }

    public string Id { get; }

    public string OrgId { get; }

    /// <summary>The public key events are sent with: <c>dk_</c> + the pipeline id.</summary>
    public string PipelineKey => KeyPrefix + Id;

    public string Name { get; private set; } = string.Empty;

    public string Slug { get; private set; } = string.Empty;

    public PipelineType Type { get; private set; }

    /// <summary>The key secret as stored: encrypted.</summary>
    public string SecretCiphertext { get; private set; } = string.Empty;

    /// <summary>The first 7 characters of the secret (<c>sk_a1b2</c>), to tell secrets apart.</summary>
    public string SecretPrefix { get; private set; } = string.Empty;

    public IReadOnlyList<string> DomainAllowlist { get; private set; } = [];

    public IReadOnlyList<string> Labels { get; private set; } = [];

    public int RateLimitRps { get; private set; }

    public bool ChallengeTokenRequired { get; private set; }

    public IReadOnlyDictionary<string, string> Parameters { get; private set; } = new Dictionary<string, string>();

    public JsonObject Config { get; private set; } = [];

    public JsBuilderConfig JsBuilderConfig { get; private set; } = JsBuilderConfig.Default;

    public IdentityConfig IdentityConfig { get; private set; } = IdentityConfig.Default;

    public bool Enabled { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>
    /// A new pipeline with the seed's defaults for whatever <paramref name="settings"/> leaves out.
    /// <paramref name="id"/> is fixed beforehand because the secret's encryption is bound to it.
    /// </summary>
    public static Pipeline Create(
        string id, string orgId, string slug, PipelineSettings settings, string secretCiphertext, string secretPrefix, DateTimeOffset now)
    {
        var pipeline = new Pipeline(id, orgId, now)
        {
            Name = settings.Name ?? throw new DomainRuleException("name", "is required"),
            Type = PipelineType.Web,
            RateLimitRps = 1000,
            Enabled = true,
            SecretCiphertext = secretCiphertext,
            SecretPrefix = secretPrefix,
        };
        pipeline.Apply(settings with { Slug = slug }, now);
        return pipeline;
    }

    public static Pipeline Rehydrate(
        string id,
        string orgId,
        PipelineSettings settings,
        string secretCiphertext,
        string secretPrefix,
        DateTimeOffset createdAt,
        DateTimeOffset updatedAt)
    {
        var pipeline = new Pipeline(id, orgId, createdAt) { SecretCiphertext = secretCiphertext, SecretPrefix = secretPrefix };
        pipeline.Apply(settings, updatedAt);
        return pipeline;
    }

    /// <summary>
    /// A partial update: every setting that is not null replaces the current one (lists and maps whole; the collector
    /// and identity settings field by field, as the caller merged them).
    /// </summary>
    public void Apply(PipelineSettings settings, DateTimeOffset now)
    {
        EnsureNotDeleted();
        if (settings.Name is not null)
        {
            Name = Check("name", settings.Name.Trim(), n => n.Length is > 0 and <= PipelineRules.MaxNameLength && !n.Any(char.IsControl),
                $"must be 1 to {PipelineRules.MaxNameLength} characters without control characters");
        }

        if (settings.Slug is not null)
        {
            Slug = Check("slug", settings.Slug, PipelineRules.IsSlug, "must be lowercase letters and digits separated by single hyphens");
        }

        Type = settings.Type ?? Type;
        if (settings.DomainAllowlist is not null)
        {
            DomainAllowlist = CheckHosts("domain_allowlist", settings.DomainAllowlist);
        }

        if (settings.Labels is not null)
        {
            Labels = CheckLabels(settings.Labels);
        }

        if (settings.RateLimitRps is { } rate)
        {
            RateLimitRps = Check("rate_limit_rps", rate, r => r is >= PipelineRules.MinRateLimit and <= PipelineRules.MaxRateLimit,
                $"must be between {PipelineRules.MinRateLimit} and {PipelineRules.MaxRateLimit}");
        }

        ChallengeTokenRequired = settings.ChallengeTokenRequired ?? ChallengeTokenRequired;
        if (settings.Parameters is not null)
        {
            Parameters = CheckParameters(settings.Parameters);
        }

        Config = settings.Config ?? Config;
        if (settings.JsBuilderConfig is { } builder)
        {
            Check("js_builder_config.script_filename", builder.ScriptFilename, PipelineRules.IsScriptFilename,
                "must be a plain file name ending in .js");
            Check("js_builder_config.global_variable", builder.GlobalVariable, PipelineRules.IsGlobalVariable,
                "must be a JavaScript identifier that is not a reserved word");
            JsBuilderConfig = builder;
        }

        if (settings.IdentityConfig is { } identity)
        {
            IdentityConfig = identity with
            {
                CrossDomainDomains = CheckHosts("identity_config.cross_domain_domains", identity.CrossDomainDomains),
            };
        }

        Enabled = settings.Enabled ?? Enabled;
        UpdatedAt = now;
    }

    /// <summary>Replaces the key secret; the old one stops being valid at once.</summary>
    public void RotateSecret(string secretCiphertext, string secretPrefix, DateTimeOffset now)
    {
        EnsureNotDeleted();
        SecretCiphertext = secretCiphertext;
        SecretPrefix = secretPrefix;
        UpdatedAt = now;
    }

    public void Delete(DateTimeOffset now)
    {
        EnsureNotDeleted();
        DeletedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Everything but identity and secret, as settings: what a partial update starts from.</summary>
    public PipelineSettings Settings => new(
        Name, Slug, Type, DomainAllowlist, Labels, RateLimitRps, ChallengeTokenRequired, Parameters, Config,
        JsBuilderConfig, IdentityConfig, Enabled);

    private void EnsureNotDeleted()
    {
        if (DeletedAt is not null)
        {
            throw new InvalidOperationException($"Pipeline {Id} is deleted.");
        }
    }

    private static T Check<T>(string field, T value, Func<T, bool> rule, string message) =>
        rule(value) ? value : throw new DomainRuleException(field, message);

    private static List<string> CheckHosts(string field, IReadOnlyList<string> hosts)
    {
        var lowered = hosts.Select(h => h.Trim().ToLowerInvariant()).Distinct().ToList();
        Check(field, lowered, l => l.Count <= PipelineRules.MaxDomains, $"must have at most {PipelineRules.MaxDomains} entries");
        foreach (var host in lowered)
        {
            Check(field, host, PipelineRules.IsHostPattern, $"'{host}' must be a host name of at most {PipelineRules.MaxHostLength} characters (optionally starting with *.)");
        }

        return lowered;
    }

    private static List<string> CheckLabels(IReadOnlyList<string> labels)
    {
        var distinct = labels.Distinct(StringComparer.Ordinal).ToList();
        Check("labels", distinct, l => l.Count <= PipelineRules.MaxLabels, $"must have at most {PipelineRules.MaxLabels} labels");
        foreach (var label in distinct)
        {
            Check("labels", label, PipelineRules.IsLabel, $"'{label}' must be 1 to {PipelineRules.MaxLabelLength} characters without whitespace");
        }

        return distinct;
    }

    private static Dictionary<string, string> CheckParameters(IReadOnlyDictionary<string, string> parameters)
    {
        Check("parameters", parameters, p => p.Count <= PipelineRules.MaxParameters, $"must have at most {PipelineRules.MaxParameters} keys");
        foreach (var (key, value) in parameters)
        {
            Check($"parameters.{key}", key, PipelineRules.IsParameterKey, "key must match [A-Za-z_][A-Za-z0-9_]*");
            Check($"parameters.{key}", value, v => v is not null && v.Length <= PipelineRules.MaxParameterValueLength,
                $"must be a string of at most {PipelineRules.MaxParameterValueLength} characters");
        }

        return new Dictionary<string, string>(parameters, StringComparer.Ordinal);
    }
}

/// <summary>The settable state of a pipeline; null means "not given" (keep the current value or the default).</summary>
public sealed record PipelineSettings(
    string? Name = null,
    string? Slug = null,
    PipelineType? Type = null,
    IReadOnlyList<string>? DomainAllowlist = null,
    IReadOnlyList<string>? Labels = null,
    int? RateLimitRps = null,
    bool? ChallengeTokenRequired = null,
    IReadOnlyDictionary<string, string>? Parameters = null,
    JsonObject? Config = null,
    JsBuilderConfig? JsBuilderConfig = null,
    IdentityConfig? IdentityConfig = null,
    bool? Enabled = null);
