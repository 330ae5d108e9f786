namespace Signal.IntegrationTests.Infrastructure;

/// <summary>
/// Base of the API tests: a clean database before each test, a check that nothing the test made the API do logged a
/// secret, and helpers to read JSON answers.
/// </summary>
[Collection(DatabaseTests.Name)]
public abstract class ApiTest(SignalApiFactory factory) : IAsyncLifetime
{
    protected const string Org = "org_test";

    protected SignalApiFactory Factory { get; } = factory;

    public Task InitializeAsync() => Factory.ResetDatabaseAsync();

    public Task DisposeAsync()
    {
        Factory.Logs.ShouldHaveLoggedNoSecret();
        return Task.CompletedTask;
    }

    protected HttpClient Viewer() => Factory.CreateClient(Org, "viewer");

    protected HttpClient Anonymous() => Factory.CreateClient();
}
