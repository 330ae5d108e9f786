namespace Signal.IntegrationTests.Infrastructure;

/// <summary>Where the repository and its build outputs are, found from the test binaries' own folder.</summary>
public static class RepositoryPaths
{
    private static readonly DirectoryInfo TestOutput = new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

    /// <summary>The folder of Signal.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration the tests were built in (Release in CI), which every project of the solution was built in.</summary>
    public static string Configuration => TestOutput.Parent!.Name;

    /// <summary>src/Signal.Api's build output.</summary>
    public static string ApiBuildOutput => Path.Combine(Root, "src", "Signal.Api", "bin", Configuration, TestOutput.Name);

    private static string FindRoot()
    {
        var directory = TestOutput;
        while (!File.Exists(Path.Combine(directory.FullName, "Signal.sln")))
        {
            directory = directory.Parent ?? throw new InvalidOperationException("Signal.sln not found above the test binaries.");
        }

        return directory.FullName;
    }
}
