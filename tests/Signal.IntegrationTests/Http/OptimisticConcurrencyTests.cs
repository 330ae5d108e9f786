using System.Net;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.PipelineIntegrations;
using Signal.IntegrationTests.Pipelines;
using Signal.IntegrationTests.Templates;

namespace Signal.IntegrationTests.Http;

/// <summary>Every PUT and DELETE honours <c>If-Match</c>: a change based on a stale read is refused with 412 and changes nothing.</summary>
public sealed class OptimisticConcurrencyTests(SignalApiFactory factory) : ApiTest(factory)
{
    private HttpClient Admin() => Factory.CreateClient(Org, "admin");

    [Fact]
    public async Task TwoWritersWithTheSameETag_OnlyOneWins()
    {
        var path = $"{PipelineApi.PipelinesPath}/{(await Admin().CreatePipelineAsync("""{"name":"Raced"}""")).Id()}";
        var etag = await ETagOf(path);

        var writes = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Admin().PutJsonAsync(path, $$"""{"rate_limit_rps":{{i}}}""", etag)));

        writes.Count(w => w.StatusCode == HttpStatusCode.OK).Should().Be(1, "the first write changes the ETag every other one was based on");
        writes.Count(w => w.StatusCode == HttpStatusCode.PreconditionFailed).Should().Be(7);
        var winner = await writes.Single(w => w.StatusCode == HttpStatusCode.OK).ReadNodeAsync();
        var stored = await (await Admin().GetAsync(path)).ShouldBeAsync(HttpStatusCode.OK);
        stored["rate_limit_rps"]!.GetValue<int>().Should().Be(winner["rate_limit_rps"]!.GetValue<int>(), "no later write overwrote the winner");
    }

    public static TheoryData<string> Resources() => ["pipeline", "template", "assignment"];

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task Delete_WithAStaleIfMatch_Returns412AndKeepsTheResource(string resource)
    {
        var (path, change) = await CreateAsync(resource);
        var etag = await ETagOf(path);
        (await Admin().PutJsonAsync(path, change)).StatusCode.Should().Be(HttpStatusCode.OK);

        using var stale = await DeleteAsync(path, etag);

        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
        (await Admin().GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task Delete_WithTheCurrentIfMatch_Deletes(string resource)
    {
        var (path, _) = await CreateAsync(resource);

        using var response = await DeleteAsync(path, await ETagOf(path));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Admin().GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private async Task<(string Path, string Change)> CreateAsync(string resource)
    {
        var admin = Admin();
        switch (resource)
        {
            case "pipeline":
                return ($"{PipelineApi.PipelinesPath}/{(await admin.CreatePipelineAsync("""{"name":"Shop"}""")).Id()}", """{"rate_limit_rps":5}""");
            case "template":
                return ($"{TemplateApi.TemplatesPath}/{(await admin.CreateTemplateAsync("Webhook"))["id"]}", """{"description":"changed"}""");
            default:
                var templateId = await admin.InstallGa4WithReferencesAsync();
                var pipelineId = await admin.CreatePipelineWithGa4ParametersAsync("Shop", "G-1", "s");
                var assignment = await admin.AssignAsync(pipelineId, templateId);
                return ($"{AssignmentApi.IntegrationsPath(pipelineId)}/{assignment["id"]}", """{"enabled":false}""");
        }
    }

    private async Task<string> ETagOf(string path)
    {
        using var response = await Admin().GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return response.Headers.ETag!.ToString();
    }

    private Task<HttpResponseMessage> DeleteAsync(string path, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, path);
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return Admin().SendAsync(request);
    }
}
