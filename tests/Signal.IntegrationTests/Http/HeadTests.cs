using System.Net;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.Pipelines;

namespace Signal.IntegrationTests.Http;

/// <summary>
/// Every GET answers HEAD: the same status and headers (ETag, Content-Type, Content-Length) without the body, and a
/// matching If-None-Match is 304. Methods other than GET keep their 405. (The authorisation matrix runs HEAD for every
/// GET of the document with every kind of caller.)
/// </summary>
public sealed class HeadTests(SignalApiFactory factory) : ApiTest(factory), IClassFixture<SignalApiFactory>
{
    private const string FeedPath = "/v1/processor/config";

    [Fact]
    public async Task HeadOfAResource_HasTheHeadersOfItsGet_AndNoBody()
    {
        var id = (await Factory.CreateClient(Org, "editor").CreatePipelineAsync("""{"name":"Headed"}""")).Id();
        var path = $"{PipelineApi.PipelinesPath}/{id}";
        using var get = await Viewer().GetAsync(path);

        using var head = await Viewer().SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        head.StatusCode.Should().Be(HttpStatusCode.OK);
        head.Headers.ETag.Should().Be(get.Headers.ETag).And.NotBeNull();
        head.Content.Headers.ContentType.Should().Be(get.Content.Headers.ContentType);
        head.Content.Headers.ContentLength.Should().Be((await get.Content.ReadAsByteArrayAsync()).Length);
        (await head.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task HeadOfAList_Is200WithoutABody()
    {
        await Factory.CreateClient(Org, "editor").CreatePipelineAsync("""{"name":"Listed"}""");

        using var head = await Viewer().SendAsync(new HttpRequestMessage(HttpMethod.Head, PipelineApi.PipelinesPath + "?limit=1"));

        head.StatusCode.Should().Be(HttpStatusCode.OK);
        head.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        (await head.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task HeadWithAMatchingIfNoneMatch_Is304()
    {
        var id = (await Factory.CreateClient(Org, "editor").CreatePipelineAsync("""{"name":"Unchanged"}""")).Id();
        var path = $"{PipelineApi.PipelinesPath}/{id}";
        using var get = await Viewer().GetAsync(path);
        using var request = new HttpRequestMessage(HttpMethod.Head, path);
        request.Headers.IfNoneMatch.Add(get.Headers.ETag!);

        using var head = await Viewer().SendAsync(request);

        head.StatusCode.Should().Be(HttpStatusCode.NotModified);
        head.Headers.ETag.Should().Be(get.Headers.ETag);
    }

    [Fact]
    public async Task HeadOfTheFeed_WithItsVersion_Is304()
    {
        var processor = Factory.CreateProcessorClient();
        using var get = await processor.GetAsync(FeedPath);
        using var request = new HttpRequestMessage(HttpMethod.Head, FeedPath);
        request.Headers.IfNoneMatch.Add(get.Headers.ETag!);

        using var head = await processor.SendAsync(request);

        head.StatusCode.Should().Be(HttpStatusCode.NotModified);
        head.Headers.ETag.Should().Be(get.Headers.ETag);
    }

    [Fact]
    public async Task HeadOfAPathWithoutGet_Is405()
    {
        var id = (await Factory.CreateClient(Org, "editor").CreatePipelineAsync("""{"name":"Rotated"}""")).Id();

        using var head = await Factory.CreateClient(Org, "admin").SendAsync(
            new HttpRequestMessage(HttpMethod.Head, $"{PipelineApi.PipelinesPath}/{id}/rotate-secret"));

        head.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
    }
}
