using System.Net;
using System.Text.Json.Nodes;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Contract;

/// <summary>
/// The served OpenAPI document is the checked-in contract, <c>openapi/signal.v1.json</c>, from which the partner client
/// is generated: any change to the API's surface must show up as a diff of that file. After an intended change, run
/// <c>scripts/update-openapi</c> and commit the file.
/// </summary>
public sealed class OpenApiContractTests(SignalApiFactory factory) : ApiTest(factory)
{
    public static string ContractPath => Path.Combine(RepositoryPaths.Root, "openapi", "signal.v1.json");

    [Fact]
    public async Task ServedDocument_IsTheCheckedInContract()
    {
        using var response = await Anonymous().GetAsync("/openapi/v1.json");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var served = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        if (Environment.GetEnvironmentVariable("SIGNAL_WRITE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(ContractPath, served.ToJsonString(new() { WriteIndented = true }) + "\n");
        }

        var contract = JsonNode.Parse(await File.ReadAllTextAsync(ContractPath))!;
        JsonNode.DeepEquals(served, contract).Should().BeTrue(
            "the API's surface changed: review the change, then run scripts/update-openapi and commit openapi/signal.v1.json");
    }

    [Fact]
    public async Task Contract_HoldsNoSecret_ItsExamplesAreVisiblyShortened()
    {
        var contract = await File.ReadAllTextAsync(ContractPath);

        SecretPatterns.Find(contract).Should().BeEmpty("an example secret or token must not look like a real one");
        contract.Should().Contain("sk_a1b2c3d4e5f6g7h8i9j0...", "examples show secrets visibly shortened with an ellipsis");
    }

    [Fact]
    public async Task Contract_NamesEverySchema_TypesEveryError_AndHasExamples()
    {
        var contract = JsonNode.Parse(await File.ReadAllTextAsync(ContractPath))!;

        foreach (var (path, item) in contract["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var where = $"{method.ToUpperInvariant()} {path}";
                operation!["operationId"]!.GetValue<string>().Should().MatchRegex("^[A-Z][A-Za-z]+_[A-Z][A-Za-z]+$", where);
                if (method == "head")
                {
                    operation["responses"]!.AsObject().Should().OnlyContain(r => r.Value!["content"] == null, $"{where} answers without a body");
                    continue;
                }

                foreach (var (status, response) in operation["responses"]!.AsObject())
                {
                    if (status is "304")
                    {
                        continue;
                    }

                    var content = response!["content"]!.AsObject().Single();
                    if (status.StartsWith('4') || status.StartsWith('5'))
                    {
                        content.Key.Should().Be("application/problem+json", $"{where} {status}");
                        content.Value!["schema"]!["$ref"]!.GetValue<string>().Should().EndWith("/ApiProblem", $"{where} {status}");
                    }
                    else if (content.Key == "application/json")
                    {
                        content.Value!["schema"]!["$ref"]?.GetValue<string>().Should().StartWith("#/components/schemas/", $"{where} {status}: a named schema");
                        content.Value["example"].Should().NotBeNull($"{where} {status} has an example");
                    }
                }

                if (operation["requestBody"] is { } body)
                {
                    body["content"]!["application/json"]!["example"].Should().NotBeNull($"{where} has a request example");
                }
            }
        }
    }
}
