using Signal.Application.Common.Errors;

namespace Signal.Application.Common.Abstractions;

public static class EntityTagsExtensions
{
    /// <summary>
    /// Refuses the change with 412 when an <c>If-Match</c> was sent and no longer names <paramref name="current"/>;
    /// without one the change applies unconditionally.
    /// </summary>
    public static void EnsureMatches(this IEntityTags entityTags, string? ifMatch, object current, string resource)
    {
        if (ifMatch is not null && !entityTags.Matches(ifMatch, current))
        {
            throw new PreconditionFailedException(resource);
        }
    }
}
