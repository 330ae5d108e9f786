using System.Runtime.CompilerServices;
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
    : IQueryHandler<GetProcessorFeedQuery, ProcessorFeed>
{
    public async ValueTask<ProcessorFeed> Handle(GetProcessorFeedQuery query, CancellationToken cancellationToken)
    {
        var snapshot = await source.OpenAsync(query.Since, cancellationToken);
        metrics.FeedServed(changesOnly: query.Since is not null);
        return new ProcessorFeed(snapshot.Version, ResolveAsync(snapshot.LivePipelines, cancellationToken), snapshot.RemovedPipelineIds.Select(id => Pipeline.KeyPrefix + id));
    }

    private async IAsyncEnumerable<FeedPipeline> ResolveAsync(
        IAsyncEnumerable<FeedPage> pages, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Many pipelines share a revision: each is decrypted once per feed.
        var decrypted = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        await foreach (var page in pages.WithCancellation(cancellationToken))
        {
            var byPipeline = page.PipelineIntegrations.ToLookup(a => a.PipelineId);
            foreach (var row in page.Pipelines)
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

                yield return new FeedPipeline(row.Id, row.OrgId, Pipeline.KeyPrefix + row.Id, secret, row.DomainAllowlist, row.RateLimitRps,
                    row.ChallengeTokenRequired, integrations);
            }
        }
    }
}
