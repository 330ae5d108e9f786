using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Signal.Application.Common.Abstractions;
using Signal.IntegrationTests.Infrastructure;
using static Signal.IntegrationTests.Templates.TemplateApi;

namespace Signal.IntegrationTests.Templates;

/// <summary>Secret values encrypted at rest, masked in every response, never logged; the masked round trip.</summary>
public sealed class SecretHandlingTests(SignalApiFactory factory) : ApiTest(factory)
{
    private const string Secret = "EAAB-very-secret-access-token-7f3a9c";

    private HttpClient Editor() => Factory.CreateClient(Org, "editor");

    [Fact]
    public async Task SecretValue_IsNeverInPlaintextInResponsesTablesOrLogs()
    {
        var bodies = new List<string>();
        using var install = await Editor().PostJsonAsync("/v1/admin/integration-catalog/meta_capi/install",
            $$$"""{"name":"Meta","config":{"pixel_id":"1","access_token":"{{{Secret}}}"}}""");
        bodies.Add(await install.Content.ReadAsStringAsync());
        var id = (await install.ReadNodeAsync())["template"]!["id"]!.GetValue<string>();
        using var revision = await Editor().CreateRevisionAsync(id, $$$"""{"pixel_id":"2","access_token":"{{{Secret}}}-v2"}""");
        bodies.Add(await revision.Content.ReadAsStringAsync());
        foreach (var path in new[] { $"{TemplatesPath}/{id}/revisions", $"{TemplatesPath}/{id}/revisions/1", $"{TemplatesPath}/{id}/revisions/2" })
        {
            bodies.Add(await (await Editor().GetAsync(path)).Content.ReadAsStringAsync());
        }

        bodies.Should().OnlyContain(b => !b.Contains("very-secret", StringComparison.Ordinal));
        bodies[0].Should().Contain("\"••••3a9c\"");
        var tables = await Db.DumpAllTablesAsync();
        tables.Should().NotContain("very-secret").And.Contain("enc:v1:");
        Factory.Logs.Lines.Should().NotContain(l => l.Contains("very-secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StoredSecret_DecryptsToTheOriginalValue()
    {
        var body = await Editor().InstallAsync("meta_capi", $$$"""{"name":"Meta","config":{"pixel_id":"1","access_token":"{{{Secret}}}"}}""");
        var revisionId = body["revision"]!["id"]!.GetValue<string>();

        var stored = await StoredSecretAsync(revisionId);

        stored.Should().Be(Secret);
    }

    [Fact]
    public async Task MaskedValueSentBack_KeepsTheLatestRevisionsSecret()
    {
        var id = (await Editor().InstallAsync("meta_capi", $$$"""{"name":"Meta","config":{"pixel_id":"1","access_token":"{{{Secret}}}"}}"""))
            ["template"]!["id"]!.GetValue<string>();

        var v2 = await (await Editor().CreateRevisionAsync(id, """{"pixel_id":"2","access_token":"••••3a9c"}"""))
            .ShouldBeAsync(HttpStatusCode.Created);

        v2["config"]!["access_token"]!.GetValue<string>().Should().Be("••••3a9c");
        (await StoredSecretAsync(v2["id"]!.GetValue<string>())).Should().Be(Secret);
    }

    [Fact]
    public async Task NewSecretValue_ReplacesTheOldOne()
    {
        var id = (await Editor().InstallAsync("meta_capi", $$$"""{"name":"Meta","config":{"pixel_id":"1","access_token":"{{{Secret}}}"}}"""))
            ["template"]!["id"]!.GetValue<string>();

        var v2 = await (await Editor().CreateRevisionAsync(id, """{"pixel_id":"1","access_token":"a-brand-new-token-0001"}""")).ShouldBeAsync(HttpStatusCode.Created);

        v2["config"]!["access_token"]!.GetValue<string>().Should().Be("••••0001");
        (await StoredSecretAsync(v2["id"]!.GetValue<string>())).Should().Be("a-brand-new-token-0001");
    }

    [Fact]
    public async Task MaskOfAnotherValue_IsStoredAsTyped()
    {
        var id = (await Editor().InstallAsync("meta_capi", $$$"""{"name":"Meta","config":{"pixel_id":"1","access_token":"{{{Secret}}}"}}"""))
            ["template"]!["id"]!.GetValue<string>();

        var v2 = await (await Editor().CreateRevisionAsync(id, """{"pixel_id":"1","access_token":"••••0000"}""")).ShouldBeAsync(HttpStatusCode.Created);

        (await StoredSecretAsync(v2["id"]!.GetValue<string>())).Should().Be("••••0000");
    }

    private async Task<string> StoredSecretAsync(string revisionId)
    {
        var row = (await Db.QueryAsync<(string OrgId, string Ciphertext)>(
            "SELECT org_id, config ->> 'access_token' FROM integration_revisions WHERE id = @revisionId", new { revisionId })).Single();
        await using var scope = Factory.Services.CreateAsyncScope();
        var protector = scope.ServiceProvider.GetRequiredService<ISecretProtector>();
        return await protector.UnprotectAsync(new SecretScope(row.OrgId, revisionId, "access_token"), row.Ciphertext, CancellationToken.None);
    }
}
