namespace Signal.IntegrationTests.Infrastructure;

/// <summary>What scripts/test hands the tests: where the private PostgreSQL is and how to stop and start it.</summary>
public static class TestSettings
{
    public const string SigningKey = "signal-integration-tests-signing-key-0123456789";

    /// <summary>Base64 of 32 fixed bytes: the tests' master key.</summary>
    public static readonly string MasterKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static string ConnectionString => Environment.GetEnvironmentVariable("SIGNAL_TEST_CONNECTION_STRING")
        ?? throw new InvalidOperationException(
            "SIGNAL_TEST_CONNECTION_STRING is not set: run the tests with scripts/test, which starts a private PostgreSQL.");

    public static string PostgresScript => Environment.GetEnvironmentVariable("SIGNAL_TEST_POSTGRES_SCRIPT")
        ?? throw new InvalidOperationException("SIGNAL_TEST_POSTGRES_SCRIPT is not set: run the tests with scripts/test.");
}
