using FluentValidation;
using Mediator;
using Signal.Application.Common.Behaviours;
using Signal.Application.Common.Errors;

namespace Signal.UnitTests.Application;

public sealed class ValidationBehaviourTests
{
    [Theory]
    [InlineData("Name", "name")]
    [InlineData("JsBuilderConfig.ScriptFilename", "js_builder_config.script_filename")]
    [InlineData("Labels[3]", "labels[3]")]
    [InlineData("config.pixel_id", "config.pixel_id")]
    public void ToJsonPath_ConvertsPropertyPathsToSnakeCase(string propertyName, string expected) =>
        ValidationBehaviour<Sample, string>.ToJsonPath(propertyName).Should().Be(expected);

    [Fact]
    public async Task InvalidMessage_ThrowsWithEveryFailureKeyedBySnakeCasePath_AndSkipsTheHandler()
    {
        var behaviour = new ValidationBehaviour<Sample, string>([new SampleValidator()]);
        var handlerRan = false;

        var run = async () => await behaviour.Handle(new Sample("", -1), (_, _) =>
        {
            handlerRan = true;
            return ValueTask.FromResult("ran");
        }, default);

        var failure = (await run.Should().ThrowAsync<ValidationFailedException>()).Which;
        failure.Errors.Keys.Should().BeEquivalentTo("display_name", "max_count");
        failure.Code.Should().Be("validation_failed");
        handlerRan.Should().BeFalse();
    }

    [Fact]
    public async Task ValidMessage_ReachesTheHandler()
    {
        var behaviour = new ValidationBehaviour<Sample, string>([new SampleValidator()]);

        var result = await behaviour.Handle(new Sample("ok", 1), (_, _) => ValueTask.FromResult("ran"), default);

        result.Should().Be("ran");
    }

    public sealed record Sample(string DisplayName, int MaxCount) : IQuery<string>;

    private sealed class SampleValidator : AbstractValidator<Sample>
    {
        public SampleValidator()
        {
            RuleFor(s => s.DisplayName).NotEmpty();
            RuleFor(s => s.MaxCount).GreaterThan(0);
        }
    }
}
