using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Http;

/// <summary>
/// Random requests to every operation of the OpenAPI document, as its owner: real and made-up ids in the path, random
/// query strings, random JSON (with the field names the API knows, nested, of every type) or text that is not JSON.
/// Whatever comes in, the answer is never a 5xx, no request hangs, and every error is a problem+json. The suite sends
/// 2 000 requests on four threads; <c>bench/run --fuzz</c> sets SIGNAL_FUZZ_REQUESTS and SIGNAL_FUZZ_THREADS for a long run.
/// </summary>
public sealed class FuzzTests(SignalApiFactory factory) : ApiTest(factory)
{
    private static readonly int Requests = FromEnvironment("SIGNAL_FUZZ_REQUESTS", 2000);

    private static readonly int Threads = FromEnvironment("SIGNAL_FUZZ_THREADS", 4);

    /// <summary>Longer than any answer the API gives (its pool wait is 5 s): a request past it hung.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private static readonly string[] FieldNames =
    [
        "name", "slug", "type", "labels", "config", "parameters", "enabled", "rate_limit_rps", "domain_allowlist",
        "challenge_token_required", "js_builder_config", "identity_config", "script_filename", "global_variable",
        "integration_id", "revision_id", "revision_number", "description", "vendor", "variant", "delivery_mode",
        "change_summary", "pixel_id", "access_token", "measurement_id", "api_secret", "cross_domain_domains", "id",
    ];

    private static readonly string[] QueryNames =
        ["search", "type", "label", "enabled", "limit", "offset", "sort", "vendor", "category", "status", "since"];

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char.AlphaNumeric, 0, 12],
        Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.OneOf("", "0", "-1", "101", "true", "null", "web", "ga4", "name:asc", "{{pipeline_param.x}}", "%00", "a\u0000b", "'; DROP TABLE pipelines;--"));

    private static readonly Gen<JsonNode?> Scalar = Gen.OneOf(
        Text.Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l)),
        Gen.Double.Where(double.IsFinite).Select(d => (JsonNode?)JsonValue.Create(d)),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Const((JsonNode?)null));

    private static readonly Gen<string> Body = Gen.OneOf(
        Json(3).Select(node => node?.ToJsonString() ?? "null"),
        Gen.String,
        Gen.Const(""));

    [Fact]
    public async Task RandomRequests_ToEveryOperation_NeverGetA5xx()
    {
        var owner = Factory.CreateClient(Org, "owner");
        owner.Timeout = RequestTimeout;
        var ids = await Placeholders.ArrangeAsync(Factory.CreateClient(Org, "editor"), "{assignment}{spare}");
        var document = await (await owner.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).ShouldBeAsync(HttpStatusCode.OK);
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Method: op.Key.ToUpperInvariant(), Path: path.Key)))
            .ToArray();

        var requests = Gen.Select(
            Gen.Int[0, operations.Length - 1],
            Gen.Bool.Array[4],
            Text.Array[4],
            Gen.Select(Gen.Int[0, QueryNames.Length - 1], Text).Array[0, 4],
            Body);

        await requests.SampleAsync(async request =>
        {
            var (index, realIds, madeUpIds, query, body) = request;
            var (method, template) = operations[index];
            var url = FillPath(template, ids, realIds, madeUpIds) + "?" + string.Join('&', query.Select(q => $"{QueryNames[q.Item1]}={Uri.EscapeDataString(q.Item2)}"));
            using var message = new HttpRequestMessage(new HttpMethod(method), url);
            if (method is "POST" or "PUT")
            {
                message.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            using var response = await SendAsync(owner, message, $"{method} {url} {body}");

            var text = await response.Content.ReadAsStringAsync();
            ((int)response.StatusCode).Should().BeLessThan(500, $"{method} {url} {body}: {text}\n{LastError()}");
            if ((int)response.StatusCode >= 400)
            {
                response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", $"{method} {url}");
            }
        }, iter: Requests, threads: Threads);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage message, string what)
    {
        try
        {
            return await client.SendAsync(message);
        }
        catch (TaskCanceledException)
        {
            throw new TimeoutException($"no answer within {RequestTimeout.TotalSeconds} s: {what}");
        }
    }

    private static int FromEnvironment(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;

    private string? LastError() => Factory.Logs.Lines.LastOrDefault(l => l.StartsWith("Error", StringComparison.Ordinal));

    private static Gen<JsonNode?> Json(int depth) => depth == 0
        ? Scalar
        : Gen.Frequency(
            (3, Scalar),
            (2, Json(depth - 1).Array[0, 4].Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray()))),
            (4, Gen.Select(Gen.OneOf(Gen.OneOf(FieldNames), Text), Json(depth - 1)).Array[0, 6].Select(members => (JsonNode?)Object(members))));

    private static JsonObject Object((string Key, JsonNode? Value)[] members)
    {
        var json = new JsonObject();
        foreach (var (key, value) in members)
        {
            json[key] = value?.DeepClone();
        }

        return json;
    }

    /// <summary>Each {parameter} of the path becomes one of the organisation's real ids, or made-up text.</summary>
    private static string FillPath(string template, IReadOnlyDictionary<string, string> ids, bool[] useReal, string[] madeUp)
    {
        var segments = template.Split('/');
        var slot = 0;
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{'))
            {
                continue;
            }

            var real = (segments[i - 1], segments[i]) switch
            {
                ("integration-templates", _) => ids["template"],
                ("pipelines", _) => ids["pipeline"],
                ("integrations", _) => ids["assignment"],
                ("revisions", _) => "1",
                ("integration-catalog", _) => "ga4",
                _ => "x",
            };
            // A NUL in a path never reaches the API (the server refuses %00 there; the test client throws).
            var text = madeUp[slot % madeUp.Length].Replace("\0", string.Empty, StringComparison.Ordinal);
            segments[i] = useReal[slot % useReal.Length] ? real : Uri.EscapeDataString(text);
            slot++;
        }

        return string.Join('/', segments);
    }
}
