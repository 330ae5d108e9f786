using Npgsql;

namespace Signal.IntegrationTests.Infrastructure;

/// <summary>A host on another database of the test cluster (which a test creates, or leaves missing on purpose).</summary>
public sealed class OtherDatabaseApiFactory(string database) : SignalApiFactory
{
    public string ConnectionStringOfDatabase { get; } =
        new NpgsqlConnectionStringBuilder(TestSettings.ConnectionString) { Database = database }.ConnectionString;

    protected override string ConnectionString => ConnectionStringOfDatabase;
}
