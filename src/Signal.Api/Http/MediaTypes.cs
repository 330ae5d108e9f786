namespace Signal.Api.Http;

public static class MediaTypes
{
    public const string Json = "application/json";
    public const string Problem = "application/problem+json";
    public const string JavaScript = "application/javascript";
}
