using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Signal.Api.Auth;

namespace Signal.IntegrationTests.Infrastructure;

/// <summary>
/// The API plus a test-only controller with a JSON body and a database read, to prove the HTTP conventions (body
/// limits, unknown fields, media types) and the database-outage mapping apart from any feature.
/// </summary>
public sealed class ProbeApiFactory : SignalApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddControllers().AddApplicationPart(typeof(ProbeController).Assembly));
    }
}

[ApiController]
[Route("v1/admin/_probe")]
[Authorize(Policy = Policies.Editor)]
public sealed class ProbeController(NpgsqlDataSource dataSource) : ControllerBase
{
    [HttpPost("echo")]
    public ProbeBody Echo(ProbeBody body) => body;

    [HttpPost("domain-rule")]
    public void BreakADomainRule() => throw new Signal.Domain.Common.DomainRuleException("labels", "'a b' must be 1 to 100 characters without whitespace");

    [HttpGet("database")]
    public async Task<ProbeBody> Database(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT now()");
        var now = (DateTime)(await command.ExecuteScalarAsync(cancellationToken))!;
        return new ProbeBody("database", 1, null, new DateTimeOffset(now));
    }
}

public sealed record ProbeBody(string DisplayName, int MaxCount, ProbeNested? Nested, DateTimeOffset? HappenedAt);

public sealed record ProbeNested(string InnerValue, ProbeNested? Child);
