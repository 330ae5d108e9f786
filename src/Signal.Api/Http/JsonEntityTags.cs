using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Signal.Application.Common.Abstractions;

namespace Signal.Api.Http;

/// <summary>A strong ETag is a hash of exactly the JSON a GET returns, so it changes when and only when the body does.</summary>
public sealed class JsonEntityTags(IOptions<JsonOptions> jsonOptions) : IEntityTags
{
    /// <summary>Serialises <paramref name="representation"/> as the API writes it and tags the bytes.</summary>
    public (byte[] Body, EntityTagHeaderValue ETag) Tag(object representation, Type declaredType)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(representation, declaredType, jsonOptions.Value.JsonSerializerOptions);
        return (body, new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\""));
    }

    public bool Matches(string ifMatch, object representation) =>
        AnyMatches(ifMatch, Tag(representation, representation.GetType()).ETag, useStrongComparison: true);

    /// <summary>Whether a list of entity tags (<c>If-Match</c>, <c>If-None-Match</c>) names <paramref name="etag"/> or is <c>*</c>.</summary>
    public static bool AnyMatches(string? header, EntityTagHeaderValue etag, bool useStrongComparison) =>
        EntityTagHeaderValue.TryParseList(header is null ? [] : [header], out var candidates)
        && candidates.Any(c => c.Equals(EntityTagHeaderValue.Any) || c.Compare(etag, useStrongComparison));
}
