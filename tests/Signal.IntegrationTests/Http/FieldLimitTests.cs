using System.Net;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Http;

/// <summary>
/// Every string and array a client sends has a cap, and going over it is a 400 whose error names the field (its JSON
/// path) and the limit, so the client knows what to fix.
/// </summary>
public sealed class FieldLimitTests(SignalApiFactory factory) : ApiTest(factory)
{
    private const string Pipelines = "/v1/admin/pipelines";
    private const string Templates = "/v1/admin/integration-templates";

    public static TheoryData<string, string, string, string> OverTheLimit() => new()
    {
        // method + path, body or query, field, limit named in the message
        { $"POST {Pipelines}", $$$"""{"name":"{{{A(101)}}}"}""", "name", "100" },
        { $"POST {Pipelines}", $$$"""{"name":"n","slug":"{{{A(101)}}}"}""", "slug", "100" },
        { $"POST {Pipelines}", $$$"""{"name":"n","labels":[{{{Items(51, "\"l{0}\"")}}}]}""", "labels", "50" },
        { $"POST {Pipelines}", $$$"""{"name":"n","labels":["{{{A(101)}}}"]}""", "labels[0]", "100" },
        { $"POST {Pipelines}", $$$"""{"name":"n","domain_allowlist":[{{{Items(101, "\"d{0}.example.com\"")}}}]}""", "domain_allowlist", "100" },
        { $"POST {Pipelines}", $$$"""{"name":"n","domain_allowlist":["{{{A(254)}}}"]}""", "domain_allowlist[0]", "253" },
        { $"POST {Pipelines}", $$$"""{"name":"n","parameters":{{{{Items(101, "\"k{0}\":\"v\"")}}}}}""", "parameters", "100" },
        { $"POST {Pipelines}", $$$"""{"name":"n","parameters":{"k":"{{{A(1025)}}}"}}""", "parameters.k", "1024" },
        { $"POST {Pipelines}", $$$"""{"name":"n","parameters":{"{{{A(101)}}}":"v"}}""", $"parameters.{A(101)}", "100" },
        { $"POST {Pipelines}", $$$"""{"name":"n","js_builder_config":{"script_filename":"{{{A(98)}}}.js"}}""", "js_builder_config.script_filename", "100" },
        { $"POST {Pipelines}", $$$"""{"name":"n","js_builder_config":{"global_variable":"{{{A(65)}}}"}}""", "js_builder_config.global_variable", "64" },
        { $"POST {Pipelines}", $$$"""{"name":"n","identity_config":{"cross_domain_domains":[{{{Items(101, "\"d{0}.example.com\"")}}}]}}""", "identity_config.cross_domain_domains", "100" },
        { $"PUT {Pipelines}/{{pipeline}}", $$$"""{"name":"{{{A(101)}}}"}""", "name", "100" },
        { $"GET {Pipelines}", $"search={A(101)}", "search", "100" },
        { $"GET {Pipelines}", string.Join('&', Enumerable.Range(0, 51).Select(i => $"label=l{i}")), "label", "50" },
        { $"POST {Templates}", $$$"""{"name":"{{{A(101)}}}","vendor":"ga4"}""", "name", "100" },
        { $"POST {Templates}", $$$"""{"name":"n","vendor":"ga4","description":"{{{A(1001)}}}"}""", "description", "1000" },
        { $"PUT {Templates}/{{template}}", $$$"""{"description":"{{{A(1001)}}}"}""", "description", "1000" },
        { $"POST {Templates}/{{template}}/revisions", $$$"""{"config":{"measurement_id":"G-1","api_secret":"s"},"delivery_mode":"server_side","change_summary":"{{{A(501)}}}"}""", "change_summary", "500" },
        { $"GET {Templates}", $"search={A(101)}", "search", "100" },
        { "POST /v1/admin/integration-catalog/ga4/install", $$$"""{"name":"n","variant":"{{{A(51)}}}"}""", "variant", "50" },
        { "GET /v1/admin/integration-catalog", $"search={A(201)}", "search", "200" },
        { "POST /v1/admin/pipelines/{pipeline}/integrations", $$$"""{"integration_id":"{{{A(101)}}}"}""", "integration_id", "100" },
    };

    [Theory]
    [MemberData(nameof(OverTheLimit))]
    public async Task OverTheLimit_Is400NamingTheFieldAndTheLimit(string request, string bodyOrQuery, string field, string limit)
    {
        var (method, path) = (request.Split(' ')[0], request.Split(' ')[1]);
        var values = await Placeholders.ArrangeAsync(Factory.CreateClient(Org, "editor"), path);
        var url = Placeholders.Fill(path, values);
        var client = Factory.CreateClient(Org, "editor");

        using var response = method == "GET"
            ? await client.GetAsync(new Uri($"{url}?{bodyOrQuery}", UriKind.Relative))
            : await client.SendJsonAsync(method, url, bodyOrQuery);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorsFor(field).Should().ContainSingle().Which.Should().Contain(limit).And.NotContain("You entered", "the message is ours, not the validator's default");
    }

    private static string A(int length) => new('a', length);

    private static string Items(int count, string format) =>
        string.Join(',', Enumerable.Range(0, count).Select(i => string.Format(System.Globalization.CultureInfo.InvariantCulture, format, i)));
}
