namespace Signal.IntegrationTests.Infrastructure;

/// <summary>
/// Base of the API tests on a host of type <typeparamref name="TFactory"/>: a clean database before each test, a check
/// that nothing the test made the API do logged a secret, and helpers for the usual callers.
/// </summary>
[Collection(DatabaseTests.Name)]
public abstract class ApiTest<TFactory>(TFactory factory) : IAsyncLifetime
    where TFactory : SignalApiFactory
{
    protected const string Org = "org_test";

    protected TFactory Factory { get; } = factory;

    public Task InitializeAsync() => Factory.ResetDatabaseAsync();

    public Task DisposeAsync()
    {
        Factory.Logs.ShouldHaveLoggedNoSecret();
        return Task.CompletedTask;
    }

    protected HttpClient Viewer() => Factory.CreateClient(Org, "viewer");

    protected HttpClient Anonymous() => Factory.CreateClient();
}

/// <summary>An API test on the suite's shared host.</summary>
public abstract class ApiTest(SignalApiFactory factory) : ApiTest<SignalApiFactory>(factory);
