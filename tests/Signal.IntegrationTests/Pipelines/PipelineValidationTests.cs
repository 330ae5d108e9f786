using System.Net;
using Signal.IntegrationTests.Infrastructure;
using static Signal.IntegrationTests.Pipelines.PipelineApi;

namespace Signal.IntegrationTests.Pipelines;

/// <summary>Every pipeline field rule answers 400 naming the field, on create and on update.</summary>
public sealed class PipelineValidationTests(SignalApiFactory factory) : ApiTest(factory)
{
    public static TheoryData<string, string> InvalidFields() => new()
    {
        { """ "name":"" """, "name" },
        { """ "name":"   " """, "name" },
        { $$""" "name":"{{new string('n', 101)}}" """, "name" },
        { """ "slug":"Not A Slug" """, "slug" },
        { """ "slug":"trailing-" """, "slug" },
        { """ "type":"desktop" """, "type" },
        { """ "rate_limit_rps":0 """, "rate_limit_rps" },
        { """ "rate_limit_rps":1000001 """, "rate_limit_rps" },
        { """ "rate_limit_rps":"fast" """, "rate_limit_rps" },
        { """ "domain_allowlist":["exa mple.com"] """, "domain_allowlist[0]" },
        { """ "domain_allowlist":["https://example.com"] """, "domain_allowlist[0]" },
        { """ "domain_allowlist":["ok.example.com","*.*.example.com"] """, "domain_allowlist[1]" },
        { """ "labels":["env:production",""] """, "labels[1]" },
        { """ "labels":["has space"] """, "labels[0]" },
        { $$""" "labels":["{{new string('l', 101)}}"] """, "labels[0]" },
        { $$""" "labels":[{{string.Join(',', Enumerable.Range(0, 51).Select(i => $"\"l{i}\""))}}] """, "labels" },
        { """ "parameters":{"1bad":"x"} """, "parameters.1bad" },
        { """ "parameters":{"bad-key":"x"} """, "parameters.bad-key" },
        { """ "parameters":{"n":1} """, "parameters.n" },
        { $$""" "parameters":{"long":"{{new string('v', 1025)}}"} """, "parameters.long" },
        { $$""" "parameters":{ {{string.Join(',', Enumerable.Range(0, 101).Select(i => $"\"p{i}\":\"v\""))}} } """, "parameters" },
        { """ "js_builder_config":{"script_filename":"d.txt"} """, "js_builder_config.script_filename" },
        { """ "js_builder_config":{"script_filename":"../d.js"} """, "js_builder_config.script_filename" },
        { """ "js_builder_config":{"script_filename":"dir/d.js"} """, "js_builder_config.script_filename" },
        { """ "js_builder_config":{"global_variable":"1abc"} """, "js_builder_config.global_variable" },
        { """ "js_builder_config":{"global_variable":"var"} """, "js_builder_config.global_variable" },
        { """ "js_builder_config":{"global_variable":"a-b"} """, "js_builder_config.global_variable" },
        { """ "js_builder_config":{"delivery_method":"ftp"} """, "js_builder_config.delivery_method" },
        { """ "js_builder_config":{"unknown":true} """, "js_builder_config.unknown" },
        { """ "identity_config":{"cross_domain_domains":["not a host"]} """, "identity_config.cross_domain_domains[0]" },
        { """ "enabled":"yes" """, "enabled" },
        { """ "pipeline_key":"dk_mine" """, "pipeline_key" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Create_WithAnInvalidField_Returns400NamingIt(string field, string path)
    {
        using var response = await Factory.CreateClient(Org, "editor").PostJsonAsync(PipelinesPath, $$"""{"name":"Valid",{{field}}}""");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorsFor(path).Should().NotBeEmpty();
        (await Db.ScalarAsync<long>("SELECT count(*) FROM pipelines")).Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Update_WithAnInvalidField_Returns400NamingIt(string field, string path)
    {
        var created = await Factory.CreateClient(Org, "editor").CreatePipelineAsync("""{"name":"Valid"}""");

        using var response = await Factory.CreateClient(Org, "editor").PutJsonAsync($"{PipelinesPath}/{created.Id()}", $$"""{{{field}}}""");

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorsFor(path).Should().NotBeEmpty();
    }

    [Theory]
    [InlineData(""" "type":"desktop" """, "type", "must be one of: web, app, server")]
    [InlineData(""" "js_builder_config":{"delivery_method":"ftp"} """, "js_builder_config.delivery_method", "must be one of: download, cdn, cluster")]
    public async Task UnknownEnumValue_ListsTheAllowedOnes(string field, string path, string message)
    {
        using var response = await Factory.CreateClient(Org, "editor").PostJsonAsync(PipelinesPath, $$"""{"name":"Valid",{{field}}}""");

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorsFor(path).Should().Equal(message);
    }

    [Fact]
    public async Task Create_WithoutName_Returns400()
    {
        using var response = await Factory.CreateClient(Org, "editor").PostJsonAsync(PipelinesPath, """{"type":"web"}""");

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorsFor("name").Should().Equal("is required");
    }
}
