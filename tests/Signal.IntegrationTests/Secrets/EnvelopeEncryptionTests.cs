using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Signal.Application.Common.Abstractions;
using Signal.Infrastructure.Persistence;
using Signal.Infrastructure.Secrets;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Secrets;

/// <summary>The envelope scheme (docs/secrets.md) against the real org_data_keys table.</summary>
public sealed class EnvelopeEncryptionTests(SignalApiFactory factory) : ApiTest(factory), IAsyncLifetime
{
    private static readonly SecretScope Scope = new("org_crypto", "rev_1", "access_token");

    private readonly List<DbSession> _sessions = [];

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var session in _sessions)
        {
            await session.DisposeAsync();
        }

        await DisposeAsync();
    }

    [Fact]
    public async Task ProtectedValue_IsSelfDescribing_AndRoundTrips()
    {
        var protector = Protector(Ring(("k1", 1)));

        var ciphertext = await protector.ProtectAsync(Scope, "s3cr3t-value", default);

        ciphertext.Should().StartWith("enc:v1:dek_").And.NotContain("s3cr3t");
        ciphertext.Split(':').Should().HaveCount(5);
        (await protector.UnprotectAsync(Scope, ciphertext, default)).Should().Be("s3cr3t-value");
    }

    [Fact]
    public async Task SameValueTwice_GivesDifferentCiphertexts()
    {
        var protector = Protector(Ring(("k1", 1)));

        var first = await protector.ProtectAsync(Scope, "same", default);
        var second = await protector.ProtectAsync(Scope, "same", default);

        first.Should().NotBe(second, "every value gets its own nonce");
    }

    [Theory]
    [InlineData("org_crypto", "rev_2", "access_token")]
    [InlineData("org_crypto", "rev_1", "api_secret")]
    [InlineData("org_elsewhere", "rev_1", "access_token")]
    public async Task CiphertextMovedToAnotherRowFieldOrOrg_FailsToDecrypt(string org, string resource, string field)
    {
        var protector = Protector(Ring(("k1", 1)));
        var ciphertext = await protector.ProtectAsync(Scope, "s3cr3t-value", default);

        var open = async () => await protector.UnprotectAsync(new SecretScope(org, resource, field), ciphertext, default);

        await open.Should().ThrowAsync<CryptographicException>();
    }

    [Fact]
    public async Task FlippedByte_FailsToDecrypt()
    {
        var protector = Protector(Ring(("k1", 1)));
        var ciphertext = await protector.ProtectAsync(Scope, "s3cr3t-value", default);
        var data = ciphertext[(ciphertext.LastIndexOf(':') + 1)..];
        var flipped = ciphertext[..(ciphertext.LastIndexOf(':') + 1)] + (data[0] == 'A' ? 'B' : 'A') + data[1..];

        var open = async () => await protector.UnprotectAsync(Scope, flipped, default);

        await open.Should().ThrowAsync<CryptographicException>();
    }

    [Fact]
    public async Task DataKey_IsStoredOnlyWrapped()
    {
        var protector = Protector(Ring(("k1", 1)));
        await protector.ProtectAsync(Scope, "v", default);

        var row = (await Db.QueryAsync<(string MasterKeyId, byte[] WrappedKey)>(
            "SELECT master_key_id, wrapped_key FROM org_data_keys WHERE org_id = @OrgId", new { Scope.OrgId })).Single();

        row.MasterKeyId.Should().Be("k1");
        row.WrappedKey.Should().HaveCount(12 + 32 + 16, "nonce, wrapped key and tag");
    }

    [Fact]
    public async Task AfterMasterKeyRotationAndRewrap_OldValuesStayReadable_WithoutTheOldKey()
    {
        var ciphertext = await Protector(Ring(("k1", 1))).ProtectAsync(Scope, "s3cr3t-value", default);

        var rotated = Ring(("k1", 1), ("k2", 2));
        var rewrapped = await new DataKeyRewrapper(DataSource(), rotated, TimeProvider.System).RewrapAsync(default);

        rewrapped.Should().Be(1);
        (await Db.ScalarAsync<string>("SELECT master_key_id FROM org_data_keys WHERE org_id = @OrgId", new { Scope.OrgId })).Should().Be("k2");
        (await Protector(Ring(("k2", 2))).UnprotectAsync(Scope, ciphertext, default)).Should().Be("s3cr3t-value");
        (await new DataKeyRewrapper(DataSource(), rotated, TimeProvider.System).RewrapAsync(default)).Should().Be(0, "nothing is left to re-wrap");
    }

    [Fact]
    public async Task WithoutTheMasterKeyThatWrappedIt_TheDataKeyCannotBeOpened()
    {
        var ciphertext = await Protector(Ring(("k1", 1))).ProtectAsync(Scope, "s3cr3t-value", default);

        var open = async () => await Protector(Ring(("k2", 2))).UnprotectAsync(Scope, ciphertext, default);

        (await open.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("k1");
    }

    [Fact]
    public async Task ADataKeyCreatedByACommandThatFails_IsNeitherStoredNorCached_AndOneThatCommits_IsCached()
    {
        var store = new DataKeyStore(Ring(("k1", 1)), TimeProvider.System);

        await using (var failed = TestSessions.New(DataSource()))
        {
            await failed.BeginAsync(default);
            var rolledBack = await store.GetOrCreateAsync(failed, Scope.OrgId, default);
            rolledBack.Id.Should().StartWith("dek_");
        }

        (await Db.ScalarAsync<int>("SELECT count(*) FROM org_data_keys WHERE org_id = @OrgId", new { Scope.OrgId })).Should().Be(0);

        DataKey committed;
        await using (var succeeded = TestSessions.New(DataSource()))
        {
            await succeeded.BeginAsync(default);
            committed = await store.GetOrCreateAsync(succeeded, Scope.OrgId, default);
            await succeeded.CommitAsync(default);
        }

        (await Db.ScalarAsync<string>("SELECT id FROM org_data_keys WHERE org_id = @OrgId", new { Scope.OrgId })).Should().Be(committed.Id);
        await Db.ExecuteAsync("DELETE FROM org_data_keys WHERE org_id = @OrgId", new { Scope.OrgId });
        await using var later = TestSessions.New(DataSource());
        (await store.GetOrCreateAsync(later, Scope.OrgId, default)).Should().BeSameAs(committed, "a committed key is cached");
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("k1", "not-base64!")]
    [InlineData("k1", "c2hvcnQ=")]
    public void MissingOrMalformedMasterKey_RefusesToStart(string? id, string? value)
    {
        var settings = new Dictionary<string, string?> { ["Secrets:ActiveKeyId"] = "k1" };
        if (id is not null)
        {
            settings[$"Secrets:MasterKeys:{id}"] = value;
        }

        var load = () => MasterKeyRing.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

        load.Should().Throw<InvalidOperationException>().Which.Message.Should().Contain("Secrets");
    }

    // A fresh store per call: nothing cached, so every test reads the data key from the database.
    private SecretProtector Protector(MasterKeyRing ring)
    {
        var session = TestSessions.New(DataSource());
        _sessions.Add(session);
        return new(new DataKeyStore(ring, TimeProvider.System), session);
    }

    private static NpgsqlDataSource DataSource() => NpgsqlDataSource.Create(TestSettings.ConnectionString);

    private static MasterKeyRing Ring(params (string Id, byte Seed)[] keys)
    {
        var settings = keys.ToDictionary(
            k => $"Secrets:MasterKeys:{k.Id}",
            k => (string?)Convert.ToBase64String(Enumerable.Repeat(k.Seed, 32).ToArray()));
        settings["Secrets:ActiveKeyId"] = keys[^1].Id;
        return MasterKeyRing.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
    }
}
