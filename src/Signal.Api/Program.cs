using Signal.Api;
using Signal.Api.Auth;
using Signal.Infrastructure.Secrets;

if (args is ["token", .. var tokenArgs])
{
    var configuration = new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();
    var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
    return TokenCommand.Run(tokenArgs, options, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args is ["rewrap-data-keys"] ? [] : args);
builder.AddSignal();
var app = builder.Build();

if (args is ["rewrap-data-keys"])
{
    // Master-key rotation, step two: after the new key is configured and active (see docs/secrets.md).
    var rewrapped = await app.Services.GetRequiredService<DataKeyRewrapper>().RewrapAsync(CancellationToken.None);
    Console.WriteLine($"Re-wrapped {rewrapped} data key(s) with master key '{app.Services.GetRequiredService<MasterKeyRing>().ActiveKeyId}'.");
    return 0;
}

app.UseSignal();
await app.RunAsync();
return 0;

/// <summary>The entry point; public so that tests can host the API with WebApplicationFactory.</summary>
public partial class Program;
