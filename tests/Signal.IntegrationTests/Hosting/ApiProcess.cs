using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Hosting;

/// <summary>
/// The API as an operator runs it: <c>dotnet Signal.Api.dll</c> from its build output, in Production, configured by
/// environment variables only, on a free loopback port, with its console output kept line by line.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ApiProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public IReadOnlyList<string> Output => [.. _output];

    public static async Task<ApiProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(RepositoryPaths.ApiBuildOutput, "Signal.Api.dll")])
        {
            WorkingDirectory = RepositoryPaths.ApiBuildOutput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Signal"] = TestSettings.ConnectionString;
        start.Environment["Auth__SigningKey"] = TestSettings.SigningKey;
        start.Environment["Secrets__MasterKeys__test1"] = TestSettings.MasterKey;
        start.Environment["Secrets__ActiveKeyId"] = "test1";
        start.Environment["Urls"] = baseAddress.ToString();
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var api = new ApiProcess(Process.Start(start)!, baseAddress);
        await api.WaitUntilReadyAsync();
        return api;
    }

    /// <summary>Sends SIGTERM, as an orchestrator stopping the container does.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The API did not become ready:\n{string.Join('\n', Output)}");
            }

            await Task.Delay(100);
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
