namespace Signal.Client;

/// <summary>
/// <c>POST /v1/admin/rollouts</c> answers a dry run with the plan (200) and a started rollout with the rollout (201). A
/// generated method can return one type only: <see cref="CreateAsync(CreateRolloutRequest, string?, CancellationToken)"/>
/// returns the plan and throws for the 201. Call <see cref="PlanAsync"/> and <see cref="StartAsync"/> instead.
/// </summary>
public partial class RolloutsClient
{
    /// <summary>The plan of a rollout (every wave with its pipelines and unresolved parameters); nothing changes. Sets <c>DryRun</c>.</summary>
    public Task<RolloutPlanResponse> PlanAsync(CreateRolloutRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.DryRun = true;
        return CreateAsync(request, idempotencyKey: null, cancellationToken);
    }

    /// <summary>Starts a rollout: wave 1 is deployed before it returns. Clears <c>DryRun</c>.</summary>
    public async Task<RolloutResponse> StartAsync(CreateRolloutRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.DryRun = false;
        try
        {
            await CreateAsync(request, idempotencyKey, cancellationToken).ConfigureAwait(false);
        }
        catch (SignalApiException<RolloutResponse> created) when (created.StatusCode == 201)
        {
            return created.Result;
        }

        throw new InvalidOperationException("The API answered a rollout that is not a dry run with a plan instead of 201 Created.");
    }
}
