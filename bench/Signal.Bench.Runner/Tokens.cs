using System.Diagnostics;

namespace Signal.Bench.Runner;

/// <summary>Bearer tokens from the product's own <c>token</c> command, with the bench's signing key.</summary>
public static class Tokens
{
    public static async Task<string> MintAsync(string productDll, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(productDll);
        start.ArgumentList.Add("token");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var token = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? token : throw new InvalidOperationException(await process.StandardError.ReadToEndAsync());
    }
}
