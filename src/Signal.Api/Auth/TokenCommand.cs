using System.Globalization;
using Signal.Domain.Common;

namespace Signal.Api.Auth;

/// <summary>
/// <c>Signal.Api token --org org_demo --role admin [--sub user_demo] [--ttl 8h]</c>, or
/// <c>token --scope signal.processor [--sub svc_processor]</c>: prints a token signed with <c>Auth:SigningKey</c>.
/// </summary>
public static class TokenCommand
{
    private const string Usage =
        "usage: token --org ORG_ID --role viewer|editor|admin|owner [--sub USER_ID] [--ttl 8h]\n"
        + "       token --scope signal.processor [--sub SERVICE_ID] [--ttl 1h]";

    public static int Run(IReadOnlyList<string> args, AuthOptions options, TextWriter output, TextWriter error)
    {
        if (!TryParse(args, out var request, out var problem))
        {
            error.WriteLine(problem);
            error.WriteLine(Usage);
            return 2;
        }

        var settingsProblems = options.FindProblems().ToList();
        if (settingsProblems.Count > 0 || string.IsNullOrEmpty(options.SigningKey))
        {
            error.WriteLine("Cannot mint a token: " + string.Join("; ", settingsProblems.DefaultIfEmpty("Auth:SigningKey is not set")));
            return 2;
        }

        output.WriteLine(TokenIssuer.Mint(options, request, DateTimeOffset.UtcNow));
        return 0;
    }

    private static bool TryParse(IReadOnlyList<string> args, out TokenRequest request, out string problem)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        request = null!;
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                problem = $"expected '--option value' pairs, got '{args[i]}'";
                return false;
            }

            values[args[i][2..]] = args[i + 1];
        }

        var unknown = values.Keys.Except(["org", "role", "sub", "ttl", "scope"]).FirstOrDefault();
        if (unknown is not null)
        {
            problem = $"unknown option --{unknown}";
            return false;
        }

        values.TryGetValue("org", out var org);
        values.TryGetValue("role", out var role);
        values.TryGetValue("scope", out var scope);
        if (scope is null && (org is null || !WireNames.TryParse<Role>(role, out _)))
        {
            problem = "a user token needs --org and a --role of viewer, editor, admin or owner";
            return false;
        }

        if (!TryParseLifetime(values.GetValueOrDefault("ttl", "1h"), out var lifetime))
        {
            problem = "--ttl must be a positive duration such as 30m, 8h or 7d";
            return false;
        }

        var subject = values.GetValueOrDefault("sub", scope is null ? "user_local" : "svc_local");
        request = new TokenRequest(subject, org, scope is null ? role : null, scope, lifetime);
        problem = string.Empty;
        return true;
    }

    private static bool TryParseLifetime(string text, out TimeSpan lifetime)
    {
        lifetime = default;
        if (text.Length < 2 || !int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return false;
        }

        lifetime = text[^1] switch
        {
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            _ => TimeSpan.Zero,
        };
        return lifetime > TimeSpan.Zero;
    }
}
