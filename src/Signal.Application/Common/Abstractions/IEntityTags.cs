namespace Signal.Application.Common.Abstractions;

/// <summary>
/// Strong ETags of response representations — the same value a GET returns — so a command can check
/// <c>If-Match</c> while it holds the row lock.
/// </summary>
public interface IEntityTags
{
    /// <summary>True when the <c>If-Match</c> header value names the current representation (or is <c>*</c>).</summary>
    bool Matches(string ifMatch, object representation);
}
