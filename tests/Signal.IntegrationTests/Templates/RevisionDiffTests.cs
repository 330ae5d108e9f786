using System.Net;
using System.Text.Json.Nodes;
using Signal.IntegrationTests.Infrastructure;
using static Signal.IntegrationTests.Templates.TemplateApi;

namespace Signal.IntegrationTests.Templates;

/// <summary><c>GET /v1/admin/integration-templates/{id}/revisions/{rev}/diff</c> through HTTP.</summary>
public sealed class RevisionDiffTests(SignalApiFactory factory) : ApiTest(factory)
{
    private HttpClient Editor() => Factory.CreateClient(Org, "editor", "user_diff");

    /// <summary>Meta CAPI at v1 (install), v2 (batch_size and access_token changed) and v3 (client-side, token kept by its mask).</summary>
    private async Task<string> ThreeRevisionsAsync()
    {
        var id = await Editor().InstallMetaAsync();
        (await Editor().PostJsonAsync($"{TemplatesPath}/{id}/revisions", """
            {"config":{"pixel_id":"1234567890","access_token":"EAABsb-new-token-9999","batch_size":50,"test_event_code":"TEST1"},"delivery_mode":"server_side"}
            """)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await Editor().PostJsonAsync($"{TemplatesPath}/{id}/revisions", """
            {"config":{"pixel_id":"1234567890","access_token":"••••9999","batch_size":50,"test_event_code":"TEST1"},"delivery_mode":"client_side"}
            """)).StatusCode.Should().Be(HttpStatusCode.Created);
        return id;
    }

    private static List<string> Changes(JsonNode diff) =>
        diff["changes"]!.AsArray().Select(c => $"{c!["path"]} {c["change"]} {c["old"]?.ToJsonString() ?? "null"} {c["new"]?.ToJsonString() ?? "null"}").ToList();

    [Fact]
    public async Task ByDefault_ComparesWithThePreviousRevision_SecretsMasked_AndAKeptSecretIsNoChange()
    {
        var id = await ThreeRevisionsAsync();

        var v2 = await (await Viewer().GetAsync($"{TemplatesPath}/{id}/revisions/2/diff")).ShouldBeAsync(HttpStatusCode.OK);
        var v3 = await (await Viewer().GetAsync($"{TemplatesPath}/{id}/revisions/3/diff")).ShouldBeAsync(HttpStatusCode.OK);

        (v2["from"]!["revision_number"]!.GetValue<int>(), v2["to"]!["revision_number"]!.GetValue<int>()).Should().Be((1, 2));
        v2["to"]!["id"]!.GetValue<string>().Should().StartWith("rev_");
        Changes(v2).Should().Contain([
            "config.access_token changed \"\\u2022\\u2022\\u2022\\u20225678\" \"\\u2022\\u2022\\u2022\\u20229999\"",
            "config.batch_size changed 100 50",
            "config.test_event_code added null \"TEST1\"",
        ]);
        v2.ToJsonString().Should().NotContain("EAABsb", "secrets are never shown");
        Changes(v3).Should().Equal("delivery_mode changed \"server_side\" \"client_side\"");
    }

    [Fact]
    public async Task Against_AnOlderOrNewerRevision_ByNumberOrId()
    {
        var id = await ThreeRevisionsAsync();
        var v1 = await (await Viewer().GetAsync($"{TemplatesPath}/{id}/revisions/1")).ShouldBeAsync(HttpStatusCode.OK);

        var forward = await (await Viewer().GetAsync($"{TemplatesPath}/{id}/revisions/3/diff?against={v1["id"]}")).ShouldBeAsync(HttpStatusCode.OK);
        var backward = await (await Viewer().GetAsync($"{TemplatesPath}/{id}/revisions/1/diff?against=3")).ShouldBeAsync(HttpStatusCode.OK);

        Changes(forward).Should().Contain("delivery_mode changed \"server_side\" \"client_side\"").And.Contain(c => c.StartsWith("config.batch_size changed 100 50"));
        Changes(backward).Should().Contain("delivery_mode changed \"client_side\" \"server_side\"").And.Contain("config.test_event_code removed \"TEST1\" null");
        (backward["from"]!["revision_number"]!.GetValue<int>(), backward["to"]!["revision_number"]!.GetValue<int>()).Should().Be((3, 1));
    }

    [Fact]
    public async Task TheFirstRevision_WithoutAgainst_HasNoFrom_AndEveryFieldAdded()
    {
        var id = await Editor().InstallMetaAsync();

        var diff = await (await Viewer().GetAsync($"{TemplatesPath}/{id}/revisions/1/diff")).ShouldBeAsync(HttpStatusCode.OK);

        diff["from"].Should().BeNull();
        Changes(diff).Should().Contain("config.pixel_id added null \"1234567890\"")
            .And.Contain("delivery_mode added null \"server_side\"")
            .And.OnlyContain(c => c.Contains(" added null ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2", "2")]
    [InlineData("2", "rev")]
    public async Task AgainstTheSameRevision_Is400(string rev, string against)
    {
        var id = await ThreeRevisionsAsync();
        var v2 = await (await Viewer().GetAsync($"{TemplatesPath}/{id}/revisions/2")).ShouldBeAsync(HttpStatusCode.OK);

        using var response = await Viewer().GetAsync($"{TemplatesPath}/{id}/revisions/{rev}/diff?against={(against == "rev" ? v2["id"] : against)}");

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorsFor("against")
            .Should().Equal("must name another revision than rev");
    }

    [Theory]
    [InlineData("latest", "", "rev")]
    [InlineData("2", "0", "against")]
    public async Task AMalformedRevision_Is400_NamingTheParameter(string rev, string against, string parameter)
    {
        var id = await ThreeRevisionsAsync();

        using var response = await Viewer().GetAsync($"{TemplatesPath}/{id}/revisions/{rev}/diff{(against.Length > 0 ? $"?against={against}" : "")}");

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorsFor(parameter).Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("9", null)]
    [InlineData("2", "9")]
    [InlineData("rev_missing", null)]
    public async Task AnUnknownRevision_Is404(string rev, string? against)
    {
        var id = await ThreeRevisionsAsync();

        using var response = await Viewer().GetAsync($"{TemplatesPath}/{id}/revisions/{rev}/diff{(against is null ? "" : $"?against={against}")}");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task AnotherOrganisationsTemplate_Is404_AndNoTokenIs401()
    {
        var id = await ThreeRevisionsAsync();

        using var foreign = await Factory.CreateClient("org_other", "owner").GetAsync($"{TemplatesPath}/{id}/revisions/2/diff");
        using var anonymous = await Anonymous().GetAsync($"{TemplatesPath}/{id}/revisions/2/diff");

        await foreign.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await anonymous.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }
}
