using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Signal.Application.Common.Abstractions;

namespace Signal.Api.Http;

/// <summary>
/// A strong ETag is a hash of exactly the JSON a GET returns, so it changes when and only when the body does — except
/// for what a representation marks as observed (<see cref="IObservedRepresentation"/>), which it leaves out.
/// </summary>
public sealed class JsonEntityTags(IOptions<JsonOptions> jsonOptions) : IEntityTags
{
    /// <summary>
    /// Serialises <paramref name="representation"/> as the API writes it and tags the bytes — without what was observed,
    /// for an <see cref="IObservedRepresentation"/>.
    /// </summary>
    public (byte[] Body, EntityTagHeaderValue ETag) Tag(object representation, Type declaredType)
    {
        var body = Serialize(representation, declaredType);
        var tagged = representation is IObservedRepresentation observed ? Serialize(observed.WithoutObservations(), declaredType) : body;
        return (body, new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(tagged).AsSpan(0, 16))}\""));
    }

    private byte[] Serialize(object representation, Type declaredType) =>
        JsonSerializer.SerializeToUtf8Bytes(representation, declaredType, jsonOptions.Value.JsonSerializerOptions);

    public bool Matches(string ifMatch, object representation) =>
        AnyMatches(ifMatch, Tag(representation, representation.GetType()).ETag, useStrongComparison: true);

    /// <summary>Whether a list of entity tags (<c>If-Match</c>, <c>If-None-Match</c>) names <paramref name="etag"/> or is <c>*</c>.</summary>
    public static bool AnyMatches(string? header, EntityTagHeaderValue etag, bool useStrongComparison) =>
        // A client usually sends back exactly the strong tag it was given, which needs no parsing.
        (!etag.IsWeak && etag.Tag.Equals(header))
        || EntityTagHeaderValue.TryParseList(header is null ? [] : [header], out var candidates)
        && candidates.Any(c => c.Equals(EntityTagHeaderValue.Any) || c.Compare(etag, useStrongComparison));
}
