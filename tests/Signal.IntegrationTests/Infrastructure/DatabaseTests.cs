namespace Signal.IntegrationTests.Infrastructure;

/// <summary>Tests that share the API and its database run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class DatabaseTests : ICollectionFixture<SignalApiFactory>
{
    public const string Name = "database";
}
