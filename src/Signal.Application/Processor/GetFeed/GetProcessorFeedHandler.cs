using System.Text.Json.Nodes;
using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Parameters;
using Signal.Application.Common.Telemetry;
using Signal.Application.Pipelines;
using Signal.Domain.Pipelines;

namespace Signal.Application.Processor.GetFeed;

public sealed class GetProcessorFeedHandler(
    IProcessorFeedSource source, ISecretProtector protector, RevisionConfigResolver resolver, SignalMetrics metrics)
    : IQueryHandler<GetProcessorFeedQuery, ProcessorFeedResponse>
{
    public async ValueTask<ProcessorFeedResponse> Handle(GetProcessorFeedQuery query, CancellationToken cancellationToken)
    {
        var snapshot = await source.LoadAsync(query.Since, cancellationToken);
        var byPipeline = snapshot.PipelineIntegrations.ToLookup(a => a.PipelineId);

        // Many pipelines share a revision: each is decrypted once per snapshot.
        var decrypted = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var pipelines = new List<FeedPipeline>();
        foreach (var row in snapshot.Pipelines.Where(p => p.Live))
        {
            var secret = await protector.UnprotectAsync(
                new SecretScope(row.OrgId, row.Id, PipelineSecret.FieldName), row.SecretCiphertext, cancellationToken);
            var integrations = new List<FeedIntegration>();
            foreach (var (_, orgId, assigned) in byPipeline[row.Id])
            {
                if (!decrypted.TryGetValue(assigned.RevisionId, out var plain))
                {
                    plain = await resolver.DecryptAsync(orgId, assigned, cancellationToken);
                    decrypted[assigned.RevisionId] = plain;
                }

                var config = ParameterResolver.Resolve(plain, row.Parameters).Config;
                integrations.Add(new FeedIntegration(assigned.Id, assigned.IntegrationId, assigned.Vendor, assigned.RevisionNumber, assigned.DeliveryMode, config));
            }

            pipelines.Add(new FeedPipeline(row.Id, row.OrgId, Pipeline.KeyPrefix + row.Id, secret, row.DomainAllowlist, row.RateLimitRps,
                row.ChallengeTokenRequired, integrations));
        }

        var removed = query.Since is null ? [] : snapshot.Pipelines.Where(p => !p.Live).Select(p => Pipeline.KeyPrefix + p.Id).ToList();
        metrics.FeedServed(changesOnly: query.Since is not null);
        return new ProcessorFeedResponse(snapshot.Version, pipelines, removed);
    }
}
