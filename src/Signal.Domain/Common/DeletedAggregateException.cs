namespace Signal.Domain.Common;

/// <summary>
/// A change was asked of an aggregate that is soft-deleted. To a client a deleted resource does not exist, so this is
/// answered like an unknown id (404), never as a server error.
/// </summary>
public sealed class DeletedAggregateException(string resource, string id) : Exception($"{resource} '{id}' is deleted.")
{
    public string Resource { get; } = resource;

    public string Id { get; } = id;

    /// <summary>Throws unless <paramref name="deletedAt"/> is null.</summary>
    public static void ThrowIfDeleted(DateTimeOffset? deletedAt, string resource, string id)
    {
        if (deletedAt is not null)
        {
            throw new DeletedAggregateException(resource, id);
        }
    }
}
