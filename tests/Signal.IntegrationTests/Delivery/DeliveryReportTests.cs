using System.Net;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.PipelineIntegrations;
using Signal.IntegrationTests.Pipelines;
using static Signal.IntegrationTests.Delivery.DeliveryApi;

namespace Signal.IntegrationTests.Delivery;

/// <summary><c>POST /v1/processor/delivery-reports</c>: validation, idempotency per window, ignored ids.</summary>
public sealed class DeliveryReportTests(SignalApiFactory factory) : ApiTest(factory)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static readonly string Start = Iso(Now.AddMinutes(-10));

    public static TheoryData<string, string, string> InvalidBodies() => new()
    {
        { """{"reports":[]}""", "processor_id", "is required" },
        { """{"processor_id":"p1"}""", "reports", "is required" },
        { """{"processor_id":"p1","reports":[]}""", "reports", "must hold 1 to 1000 reports" },
        { Body("p1", Enumerable.Range(0, 1001).Select(i => Report($"pi_{i}", 1, 0, Now)).ToArray()), "reports", "must hold 1 to 1000 reports" },
        { Body("p1", Report("pi_1", 1, 0, Now), Report("pi_2", 1, 0, Now), Report("pi_1", 2, 0, Now)), "reports", "reports[2] has the pipeline_integration_id and window_start of an earlier one" },
        { Body("p1", Report("pi_1", -1, 0, Now)), "reports[0].delivered", "must be 0 or more" },
        { Body("p1", Report("pi_1", 0, -5, Now)), "reports[0].failed", "must be 0 or more" },
        { Body("p1", Report("pi_1", 0, 0, Now).Replace("\"delivered\":0,", "", StringComparison.Ordinal)), "reports[0].delivered", "is required" },
        { Body("p1", With("window_end", Start)), "reports[0].window_end", "must be after window_start" },
        { Body("p1", With("window_end", Iso(Now.AddMinutes(-11)))), "reports[0].window_end", "must be after window_start" },
        { Body("p1", With("window_start", Iso(Now.AddMinutes(-61)), "window_end", Iso(Now))), "reports[0].window_end", "must be at most 1 hour after window_start" },
        { Body("p1", With("window_start", Iso(Now.AddHours(1)), "window_end", Iso(Now.AddHours(1.5)))), "reports[0].window_end", "must not be in the future" },
        { Body("p1", Report("", 1, 0, Now)), "reports[0].pipeline_integration_id", "is required" },
        { Body("p1", Report("pi_1", 1, 0, Now).Replace("\"revision_number\":1", "\"revision_number\":0", StringComparison.Ordinal)), "reports[0].revision_number", "must be 1 or more" },
        { Body("p1", Report("pi_1", 1, 1, Now, """{"message":"boom","at":"2026-01-01T00:00:00Z"}""")), "reports[0].last_error.code", "is required" },
        { Body("p1", Report("pi_1", 1, 1, Now, """{"code":"x","message":"boom"}""")), "reports[0].last_error.at", "is required" },
        { Body("p1", "null"), "reports[0]", "is required" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task BadInput_IsRefused_NamingTheField(string body, string field, string message)
    {
        using var response = await Factory.CreateProcessorClient().PostJsonAsync(ReportsPath, body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorsFor(field).Should().ContainSingle().Which.Should().Contain(message);
        (await Db.ScalarAsync<long>("SELECT count(*) FROM delivery_reports")).Should().Be(0);
    }

    [Fact]
    public async Task UnknownFields_AreRefused()
    {
        using var response = await Factory.CreateProcessorClient().PostJsonAsync(ReportsPath, Body("p1", With("org_id", "org_other")));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorsFor("reports[0].org_id").Should().Equal("is not a recognised field; remove it");
    }

    [Fact]
    public async Task SendingAWindowAgain_ReplacesIt_AndNeverCountsTwice()
    {
        var editor = Factory.CreateClient(Org, "editor");
        var (pipelineId, pi) = await editor.AssignedAsync("Shop");
        var processor = Factory.CreateProcessorClient();

        (await processor.ReportAsync("p1", Report(pi, 100, 2, Now))).ToJsonString().Should().Be("""{"accepted":1,"ignored":0}""");
        await processor.ReportAsync("p1", Report(pi, 100, 2, Now));
        ((long)(await editor.PipelineIntegrationAsync(pipelineId, pi))["delivery"]!["delivered"]!).Should().Be(100, "a retry replaces its window");

        await processor.ReportAsync("p1", Report(pi, 90, 10, Now));
        var delivery = (await editor.PipelineIntegrationAsync(pipelineId, pi))["delivery"]!;
        ((long)delivery["delivered"]!).Should().Be(90);
        ((long)delivery["failed"]!).Should().Be(10);

        await processor.ReportAsync("p2", Report(pi, 5, 0, Now));
        await processor.ReportAsync("p1", Report(pi, 7, 0, Now.AddMinutes(-5)));
        ((long)(await editor.PipelineIntegrationAsync(pipelineId, pi))["delivery"]!["delivered"]!).Should().Be(102,
            "another processor's window and another window add up");
        (await Db.ScalarAsync<long>("SELECT count(*) FROM delivery_reports")).Should().Be(3);
    }

    [Fact]
    public async Task ReportsForUnknownOrRemovedPipelineIntegrations_AreIgnored_AndCounted()
    {
        var editor = Factory.CreateClient(Org, "editor");
        var (pipelineId, live) = await editor.AssignedAsync("Shop");
        var (_, removed) = await editor.AssignedAsync("Blog");
        (await editor.DeleteAsync(new Uri($"{AssignmentApi.IntegrationsPath((await Db.ScalarAsync<string>(
            "SELECT pipeline_id FROM pipeline_integrations WHERE id = @Id", new { Id = removed }))!)}/{removed}", UriKind.Relative)))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var (deletedPipeline, ofDeletedPipeline) = await editor.AssignedAsync("Gone");
        (await Factory.CreateClient(Org, "admin").DeleteAsync(new Uri($"{PipelineApi.PipelinesPath}/{deletedPipeline}", UriKind.Relative)))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        var answer = await Factory.CreateProcessorClient().ReportAsync("p1",
            Report(live, 10, 0, Now), Report(removed, 10, 0, Now), Report(ofDeletedPipeline, 10, 0, Now), Report("pi_nonexistent", 10, 0, Now));

        answer.ToJsonString().Should().Be("""{"accepted":1,"ignored":3}""");
        (await Db.ScalarAsync<string>("SELECT string_agg(pipeline_integration_id, ',') FROM delivery_reports")).Should().Be(live);
        ((long)(await editor.PipelineIntegrationAsync(pipelineId, live))["delivery"]!["delivered"]!).Should().Be(10);
    }

    [Fact]
    public async Task ErrorMessages_AreStoredCutTo500Characters()
    {
        var editor = Factory.CreateClient(Org, "editor");
        var (pipelineId, pi) = await editor.AssignedAsync("Shop");
        var message = new string('x', 499) + "😀" + new string('y', 100);

        await Factory.CreateProcessorClient().ReportAsync("p1",
            Report(pi, 1, 1, Now, $$"""{"code":"ga4_400","message":"{{message}}","at":"{{Iso(Now)}}"}"""));

        var lastError = (await editor.PipelineIntegrationAsync(pipelineId, pi))["delivery"]!["last_error"]!;
        lastError["code"]!.GetValue<string>().Should().Be("ga4_400");
        lastError["message"]!.GetValue<string>().Should().Be(new string('x', 499), "a character is never cut in half");
    }

    [Fact]
    public async Task ConcurrentBatches_ForTheSamePipelineIntegration_AllCount()
    {
        var editor = Factory.CreateClient(Org, "editor");
        var (pipelineId, pi) = await editor.AssignedAsync("Shop");
        var processor = Factory.CreateProcessorClient();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => processor.ReportAsync($"processor-{i}", Report(pi, 10, 1, Now))));

        var delivery = (await editor.PipelineIntegrationAsync(pipelineId, pi))["delivery"]!;
        ((long)delivery["delivered"]!).Should().Be(200, "no batch summed without the others' committed reports");
        ((long)delivery["failed"]!).Should().Be(20);
    }

    // A one-report body (window from ten to five minutes ago) with fields replaced: field, value, field, value…
    private static string With(params string[] fieldsAndValues)
    {
        var report = System.Text.Json.Nodes.JsonNode.Parse(Report("pi_1", 1, 0, Now.AddMinutes(-5)))!;
        for (var i = 0; i < fieldsAndValues.Length; i += 2)
        {
            report[fieldsAndValues[i]] = fieldsAndValues[i + 1];
        }

        return report.ToJsonString();
    }
}
