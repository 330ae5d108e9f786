namespace Signal.Api.Http;

public static class MediaTypes
{
    public const string Json = "application/json";
    public const string JsonUtf8 = "application/json; charset=utf-8";
    public const string Problem = "application/problem+json";
    public const string JavaScript = "application/javascript";
}
