using System.Diagnostics;

namespace Signal.IntegrationTests.Infrastructure;

/// <summary>Runs a command-line tool (dotnet, npm, node) the way a user would, and fails the test with its output when it fails.</summary>
public static class Tool
{
    public static async Task<string> RunAsync(
        string fileName, string directory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        var text = await output + await errors;
        process.ExitCode.Should().Be(0, $"{fileName} {string.Join(' ', arguments)} failed:\n{text}");
        return text;
    }
}
