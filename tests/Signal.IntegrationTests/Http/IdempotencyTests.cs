using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Signal.Application.Common.Idempotency;
using Signal.Infrastructure.Idempotency;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.Pipelines;

namespace Signal.IntegrationTests.Http;

/// <summary>
/// Idempotency-Key on every POST that creates or rotates (Stripe's semantics): the first success is replayed byte for
/// byte, a different request under the same key is 422, a key in use by a running request is 409, and keys belong to
/// one organisation, user and operation.
/// </summary>
public sealed class IdempotencyTests(SignalApiFactory factory) : ApiTest(factory)
{
    private const string Ga4RevisionBody =
        """{"config":{"measurement_id":"G-2","api_secret":"s2","debug_mode":false},"delivery_mode":"server_side"}""";

    /// <summary>Each creating or rotating POST: its path, a body, and another body (empty: the same POST on another pipeline).</summary>
    public static TheoryData<string, string, string> Operations() => new()
    {
        { "/v1/admin/integration-catalog/meta_capi/install", """{"name":"Once","config":{"pixel_id":"1","access_token":"t"}}""", """{"name":"Twice","config":{"pixel_id":"1","access_token":"t"}}""" },
        { "/v1/admin/integration-templates", """{"name":"Once","vendor":"ga4"}""", """{"name":"Once","vendor":"ga4","description":"d"}""" },
        { "/v1/admin/integration-templates/{template}/revisions", Ga4RevisionBody, Ga4RevisionBody.Replace("G-2", "G-3", StringComparison.Ordinal) },
        { "/v1/admin/pipelines", """{"name":"Once"}""", """{"name":"Once","enabled":false}""" },
        { "/v1/admin/pipelines/{pipeline}/integrations", """{"integration_id":"{spare}"}""", """{"integration_id":"{spare}","enabled":false}""" },
        { "/v1/admin/pipelines/{pipeline}/rotate-secret", "", "" },
        { "/v1/admin/pipelines/{pipeline}/tokens", "", "" },
        { "/v1/admin/pipelines/{pipeline}/collector/build", "", "" },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task ARetryWithTheSameKey_GetsTheFirstResponse_AndDoesNothingMore(string path, string body, string differentBody)
    {
        _ = differentBody;
        var values = await ArrangeAsync(path + body);
        var (url, json) = (Placeholders.Fill(path, values), Placeholders.Fill(body, values));
        using var first = await PostAsync(Admin(), url, json, "retry-1");
        var firstBody = await first.Content.ReadAsStringAsync();
        ((int)first.StatusCode).Should().BeInRange(200, 202, firstBody);
        var after = await Db.DumpAllTablesAsync();

        using var retry = await PostAsync(Admin(), url, json, "retry-1");

        retry.StatusCode.Should().Be(first.StatusCode);
        (await retry.Content.ReadAsStringAsync()).Should().Be(firstBody);
        retry.Headers.Location.Should().Be(first.Headers.Location);
        (await Db.DumpAllTablesAsync()).Should().Be(after, "a replay changes nothing");
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task TheSameKey_WithADifferentRequest_Is422_AndChangesNothing(string path, string body, string differentBody)
    {
        var values = await ArrangeAsync(path + body);
        (await PostAsync(Admin(), Placeholders.Fill(path, values), Placeholders.Fill(body, values), "reused")).IsSuccessStatusCode.Should().BeTrue();
        var otherUrl = Placeholders.Fill(path, body.Length == 0 ? await ArrangeAsync(path) : values);
        var otherJson = Placeholders.Fill(differentBody, values);
        var before = await Db.DumpAllTablesAsync();

        using var response = await PostAsync(Admin(), otherUrl, otherJson, "reused");

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        (await Db.DumpAllTablesAsync()).Should().Be(before);
    }

    [Fact]
    public async Task AKeyInUseByARunningRequest_Is409()
    {
        await using var connection = new NpgsqlConnection(TestSettings.ConnectionString);
        await connection.OpenAsync();
        await using var running = await connection.BeginTransactionAsync();
        var name = IdempotencyStore.LockName(new IdempotencyKey(Org, "user_test", "CreatePipelineCommand", "busy"));
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", connection, running))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = name });
            await command.ExecuteNonQueryAsync();
        }

        using var response = await PostAsync(Admin(), PipelineApi.PipelinesPath, """{"name":"Busy"}""", "busy");

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "idempotency_key_in_use");
        await running.RollbackAsync();
        (await PostAsync(Admin(), PipelineApi.PipelinesPath, """{"name":"Busy"}""", "busy")).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task ConcurrentRetries_CreateOnePipeline_AndEachGetsItOrA409()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await PostAsync(Admin(), PipelineApi.PipelinesPath, """{"name":"Raced"}""", "raced");
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        (await Db.ScalarAsync<long>("SELECT count(*) FROM pipelines")).Should().Be(1);
        responses.Select(r => r.StatusCode).Should().OnlyContain(s => s == HttpStatusCode.Created || s == HttpStatusCode.Conflict)
            .And.Contain(HttpStatusCode.Created);
        responses.Where(r => r.StatusCode == HttpStatusCode.Created).Select(r => r.Body).Distinct().Should().ContainSingle();
    }

    [Fact]
    public async Task Keys_BelongToOneOrganisationUserAndOperation()
    {
        const string Body = """{"name":"Scoped","vendor":"ga4"}""";
        var mine = await (await PostAsync(Admin(), "/v1/admin/integration-templates", Body, "shared")).ShouldBeAsync(HttpStatusCode.Created);

        var colleague = await PostAsync(Factory.CreateClient(Org, "editor", "user_colleague"), "/v1/admin/integration-templates",
            """{"name":"Scoped too","vendor":"ga4"}""", "shared");
        var otherOrg = await PostAsync(Factory.CreateClient("org_other", "editor"), "/v1/admin/integration-templates", Body, "shared");
        var otherOperation = await PostAsync(Admin(), PipelineApi.PipelinesPath, """{"name":"Scoped"}""", "shared");

        colleague.StatusCode.Should().Be(HttpStatusCode.Created);
        otherOrg.StatusCode.Should().Be(HttpStatusCode.Created);
        otherOperation.StatusCode.Should().Be(HttpStatusCode.Created);
        (await otherOrg.ReadNodeAsync())["id"]!.GetValue<string>().Should().NotBe(mine["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task AFailedRequest_StoresNothing_SoARetryWithTheSameKeyRunsAgain()
    {
        using var failed = await PostAsync(Admin(), PipelineApi.PipelinesPath, """{"name":"Retry","rate_limit_rps":0}""", "after-failure");
        await failed.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        using var fixedRequest = await PostAsync(Admin(), PipelineApi.PipelinesPath, """{"name":"Retry"}""", "after-failure");

        fixedRequest.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task TheStoredResponse_IsEncrypted()
    {
        var created = await (await PostAsync(Admin(), PipelineApi.PipelinesPath, """{"name":"Secretive"}""", "secret")).ShouldBeAsync(HttpStatusCode.Created);

        var secret = created["pipeline_key_secret"]!.GetValue<string>();
        (await Db.ScalarAsync<long>("SELECT count(*) FROM idempotency_keys")).Should().Be(1);
        (await Db.DumpAllTablesAsync()).Should().NotContain(secret);
    }

    [Theory]
    [InlineData(256)]
    [InlineData(1000)]
    public async Task AKeyLongerThan255Characters_Is400NamingTheHeader(int length)
    {
        using var response = await PostAsync(Admin(), PipelineApi.PipelinesPath, """{"name":"Long"}""", new string('k', length));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorsFor("Idempotency-Key").Should().NotBeEmpty();
        (await Db.ScalarAsync<long>("SELECT count(*) FROM pipelines")).Should().Be(0);
    }

    [Fact]
    public async Task AKeyOf255Characters_IsAccepted()
    {
        using var response = await PostAsync(Admin(), PipelineApi.PipelinesPath, """{"name":"Long"}""", new string('k', 255));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task TheCleanupJob_DeletesKeysOlderThan24Hours_AndKeepsTheRest()
    {
        (await PostAsync(Admin(), PipelineApi.PipelinesPath, """{"name":"Fresh"}""", "fresh")).StatusCode.Should().Be(HttpStatusCode.Created);
        (await PostAsync(Admin(), PipelineApi.PipelinesPath, """{"name":"Stale"}""", "stale")).StatusCode.Should().Be(HttpStatusCode.Created);
        await Db.ExecuteAsync("UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'stale'");

        var deleted = await Factory.Services.GetRequiredService<IdempotencyKeyCleaner>().DeleteExpiredAsync(CancellationToken.None);

        deleted.Should().Be(1);
        (await Db.QueryAsync<string>("SELECT key FROM idempotency_keys")).Should().Equal("fresh");
    }

    [Fact]
    public async Task AnExpiredKey_IsANewRequest()
    {
        (await PostAsync(Admin(), PipelineApi.PipelinesPath, """{"name":"Expired"}""", "expired")).StatusCode.Should().Be(HttpStatusCode.Created);
        await Db.ExecuteAsync("UPDATE idempotency_keys SET created_at = now() - interval '25 hours'");

        using var again = await PostAsync(Admin(), PipelineApi.PipelinesPath, """{"name":"Expired again"}""", "expired");

        again.StatusCode.Should().Be(HttpStatusCode.Created);
        (await Db.ScalarAsync<long>("SELECT count(*) FROM pipelines")).Should().Be(2);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url);
        if (body.Length > 0)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private HttpClient Admin() => Factory.CreateClient(Org, "admin");

    private Task<IReadOnlyDictionary<string, string>> ArrangeAsync(string request) =>
        Placeholders.ArrangeAsync(Factory.CreateClient(Org, "editor"), request);
}
