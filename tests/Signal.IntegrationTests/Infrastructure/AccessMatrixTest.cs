using System.Net;

namespace Signal.IntegrationTests.Infrastructure;

/// <summary>
/// The authorisation rules every endpoint must keep, as theories over a derived class's <c>Endpoints</c>
/// (method, path with {placeholders}, body, lowest role allowed): each role below it gets 403, the role itself gets
/// past authorisation, no token gets 401, and another organisation's ids answer 404 and change nothing.
/// </summary>
// xUnit resolves MemberData on the class being run (the derived one), which the analyzer cannot see here.
#pragma warning disable xUnit1015
public abstract class AccessMatrixTest(SignalApiFactory factory) : ApiTest(factory)
{
    private static readonly string[] RolesInOrder = ["viewer", "editor", "admin", "owner"];

    /// <summary>Creates what the paths refer to in <paramref name="org"/>; returns the value of each placeholder.</summary>
    protected abstract Task<IReadOnlyDictionary<string, string>> ArrangeAsync(string org);

    [Theory]
    [MemberData("Endpoints")]
    public async Task EveryRoleBelowTheRequiredOne_Gets403(string method, string path, string? body, string required)
    {
        var values = await ArrangeAsync(Org);
        foreach (var role in RolesInOrder.TakeWhile(r => r != required))
        {
            using var response = await Factory.CreateClient(Org, role).SendJsonAsync(method, Fill(path, values)!, Fill(body, values));
            await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        }
    }

    [Theory]
    [MemberData("Endpoints")]
    public async Task TheRequiredRole_GetsPastAuthorisation(string method, string path, string? body, string required)
    {
        var values = await ArrangeAsync(Org);

        using var response = await Factory.CreateClient(Org, required).SendJsonAsync(method, Fill(path, values)!, Fill(body, values));

        response.StatusCode.Should().NotBe(HttpStatusCode.Forbidden).And.NotBe(HttpStatusCode.Unauthorized);
        ((int)response.StatusCode).Should().BeLessThan(500, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData("Endpoints")]
    public async Task NoToken_Gets401(string method, string path, string? body, string required)
    {
        _ = required;
        var values = await ArrangeAsync(Org);

        using var response = await Anonymous().SendJsonAsync(method, Fill(path, values)!, Fill(body, values));

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [MemberData("Endpoints")]
    public async Task AnotherOrgsIds_Are404_AndNothingChanges(string method, string path, string? body, string required)
    {
        _ = required;
        if (!path.Contains('{', StringComparison.Ordinal))
        {
            return; // A collection path carries no id; the list tests show lists are scoped to the caller's org.
        }

        var theirs = await ArrangeAsync("org_other");
        await ArrangeAsync(Org);
        var before = await Db.DumpAllTablesAsync();

        using var response = await Factory.CreateClient(Org, "owner").SendJsonAsync(method, Fill(path, theirs)!, Fill(body, theirs));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        (await Db.DumpAllTablesAsync()).Should().Be(before);
    }

    private static string? Fill(string? text, IReadOnlyDictionary<string, string> values) =>
        text is null ? null : values.Aggregate(text, (filled, value) => filled.Replace($"{{{value.Key}}}", value.Value, StringComparison.Ordinal));
}
#pragma warning restore xUnit1015
