using System.Diagnostics;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Faults;

/// <summary>
/// The fault suite: tests that stop, crash or starve the real PostgreSQL server. They run alone, after every other
/// test (xUnit runs a collection that disables parallelisation by itself), and each ends by checking the invariants.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PostgresFaults
{
    public const string Name = "postgres faults";

    /// <summary>Runs scripts/postgres (start, stop, crash) on the test cluster.</summary>
    public static async Task ServerAsync(string command)
    {
        using var process = Process.Start(new ProcessStartInfo(TestSettings.PostgresScript, command)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, await process.StandardError.ReadToEndAsync());
    }
}
