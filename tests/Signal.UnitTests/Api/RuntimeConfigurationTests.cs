using System.Text.Json;

namespace Signal.UnitTests.Api;

public sealed class RuntimeConfigurationTests
{
    // The runtime reads the garbage collector's mode from the runtimeconfig.json the build writes next to the API's
    // assembly; a project property the SDK does not know (ServerGarbageCollector, say) is silently ignored, and the Web
    // SDK's default is the server collector. Read what the build wrote, not what the project file says.
    [Fact]
    public void TheApiRunsTheWorkstationGarbageCollector()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Signal.Api.runtimeconfig.json")));

        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        properties.GetProperty("System.GC.Server").GetBoolean().Should().BeFalse();
    }
}
