using System.Net.Http.Headers;

namespace Signal.Client;

/// <summary>
/// Base of every generated client: each request carries the bearer token the caller's <see cref="SignalClientOptions"/>
/// supplies, fetched per request so that tokens can be refreshed. The HttpClient given to a client has the API's
/// address as its BaseAddress.
/// </summary>
public abstract class SignalClientBase(SignalClientOptions options)
{
    protected async Task<HttpRequestMessage> CreateHttpRequestMessageAsync(CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await options.AccessToken(cancellationToken));
        return request;
    }
}

/// <summary>How the generated clients get the bearer token for a request.</summary>
/// <param name="AccessToken">Returns the token (a JWT with org_id and role, or a signal.processor service token).</param>
public sealed record SignalClientOptions(Func<CancellationToken, ValueTask<string>> AccessToken);
