using Signal.Api;
using Signal.Api.Auth;

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

var builder = WebApplication.CreateBuilder(args);
builder.AddSignal();
var app = builder.Build();
app.UseSignal();
await app.RunAsync();
return 0;

/// <summary>The entry point; public so that tests can host the API with WebApplicationFactory.</summary>
public partial class Program;
