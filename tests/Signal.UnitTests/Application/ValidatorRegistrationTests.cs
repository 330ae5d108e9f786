using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Signal.Application;

namespace Signal.UnitTests.Application;

public sealed class ValidatorRegistrationTests
{
    // Building a validator compiles the expressions of its rules; a validator built per request spent about half of a
    // list request's CPU doing so.
    [Fact]
    public void EveryValidator_IsBuiltOnceForTheProcess()
    {
        var validators = new ServiceCollection().AddApplication()
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IValidator<>))
            .ToList();

        validators.Should().NotBeEmpty();
        validators.Should().OnlyContain(d => d.Lifetime == ServiceLifetime.Singleton);
    }
}
