using System.Reflection;
using NetArchTest.Rules;

namespace Signal.ArchitectureTests;

/// <summary>Dependencies point inward; controllers only translate HTTP.</summary>
public sealed class LayerTests
{
    private static readonly Assembly Domain = typeof(Signal.Domain.Catalog.CatalogVendor).Assembly;
    private static readonly Assembly Application = typeof(Signal.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(Signal.Infrastructure.DependencyInjection).Assembly;
    private static readonly Assembly Api = typeof(Program).Assembly;

    [Fact]
    public void Domain_DependsOnNoOtherLayerAndNoPackage()
    {
        var result = Types.InAssembly(Domain).ShouldNot()
            .HaveDependencyOnAny("Signal.Application", "Signal.Infrastructure", "Signal.Api", "Mediator", "FluentValidation",
                "Dapper", "Npgsql", "Riok.Mapperly", "Microsoft.AspNetCore", "Microsoft.Extensions")
            .GetResult();

        result.IsSuccessful.Should().BeTrue(Failing(result));
        Domain.GetReferencedAssemblies().Select(a => a.Name).Should().OnlyContain(n => n!.StartsWith("System", StringComparison.Ordinal));
    }

    [Fact]
    public void Application_DependsOnNeitherInfrastructureNorApiNorDatabaseDrivers()
    {
        var result = Types.InAssembly(Application).ShouldNot()
            .HaveDependencyOnAny("Signal.Infrastructure", "Signal.Api", "Dapper", "Npgsql", "Microsoft.AspNetCore")
            .GetResult();

        result.IsSuccessful.Should().BeTrue(Failing(result));
    }

    [Fact]
    public void Infrastructure_DoesNotDependOnTheApi()
    {
        var result = Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOn("Signal.Api").GetResult();

        result.IsSuccessful.Should().BeTrue(Failing(result));
    }

    [Fact]
    public void Controllers_NeverTouchDapperOrNpgsql()
    {
        var result = Types.InAssembly(Api).That().ResideInNamespace("Signal.Api.Controllers")
            .ShouldNot().HaveDependencyOnAny("Dapper", "Npgsql", "Signal.Infrastructure")
            .GetResult();

        result.IsSuccessful.Should().BeTrue(Failing(result));
    }

    [Fact]
    public void Controllers_AreSealedAndNamedController()
    {
        var result = Types.InAssembly(Api).That().Inherit(typeof(Microsoft.AspNetCore.Mvc.ControllerBase))
            .Should().BeSealed().And().HaveNameEndingWith("Controller")
            .GetResult();

        result.IsSuccessful.Should().BeTrue(Failing(result));
    }

    [Fact]
    public void Handlers_LiveInFeatureFolders()
    {
        var result = Types.InAssembly(Application).That().HaveNameEndingWith("Handler")
            .Should().BeSealed().And().NotResideInNamespace("Signal.Application.Common")
            .GetResult();

        result.IsSuccessful.Should().BeTrue(Failing(result));
    }

    [Fact]
    public void Client_StandsAlone_GeneratedFromTheContractOnly() =>
        typeof(Signal.Client.SignalClientBase).Assembly.GetReferencedAssemblies().Select(a => a.Name)
            .Should().NotContain(n => n!.StartsWith("Signal.", StringComparison.Ordinal), "partners get the client without the server's code");

    private static string Failing(TestResult result) =>
        "these types break the rule: " + string.Join(", ", result.FailingTypeNames ?? []);
}
