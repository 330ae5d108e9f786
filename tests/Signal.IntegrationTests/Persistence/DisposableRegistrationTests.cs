using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Signal.Api;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Persistence;

/// <summary>
/// The container disposes an object once for every registration that produced it. An object handed out by a factory
/// registration that returns another registration's instance is therefore disposed twice — harmless only when its
/// disposal is idempotent, which is what went wrong with the request's database session.
/// </summary>
public sealed class DisposableRegistrationTests
{
    /// <summary>Types whose disposal is known to be idempotent: a background service only cancels its stopping token.</summary>
    private static bool DisposesIdempotently(Type type) => typeof(BackgroundService).IsAssignableFrom(type);

    [Fact]
    public async Task NoDisposableObjectIsOwnedByTwoRegistrations_UnlessItsDisposalIsIdempotent()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Signal"] = "Host=127.0.0.1;Database=unused",
            ["Auth:SigningKey"] = TestSettings.SigningKey,
            ["Secrets:MasterKeys:test1"] = TestSettings.MasterKey,
            ["Secrets:ActiveKeyId"] = "test1",
        });
        builder.AddSignal();
        var ours = builder.Services
            .Where(d => !d.IsKeyedService && d.Lifetime != ServiceLifetime.Transient && !d.ServiceType.IsGenericTypeDefinition)
            .Where(d => (d.ImplementationType ?? d.ImplementationFactory?.Method.DeclaringType)?.Assembly.GetName().Name?.StartsWith("Signal.", StringComparison.Ordinal) == true)
            .ToList();
        ours.Should().Contain(d => d.ImplementationFactory != null, "the check must see the factory registrations it is about");

        await using var provider = builder.Services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var owners = ours
            .Select(d => (Descriptor: d, Instance: scope.ServiceProvider.GetServices(d.ServiceType).Last()))
            .Where(r => r.Instance is IDisposable or IAsyncDisposable)
            .GroupBy(r => r.Instance, ReferenceEqualityComparer.Instance);

        owners.Where(g => g.Count() > 1 && !DisposesIdempotently(g.Key!.GetType()))
            .Select(g => $"{g.Key!.GetType().Name} via {string.Join(", ", g.Select(r => r.Descriptor.ServiceType.Name))}")
            .Should().BeEmpty();
    }
}
