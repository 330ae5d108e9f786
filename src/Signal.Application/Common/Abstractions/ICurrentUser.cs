namespace Signal.Application.Common.Abstractions;

/// <summary>The caller, from the bearer token: every read and write is scoped by <see cref="OrgId"/>.</summary>
public interface ICurrentUser
{
    string OrgId { get; }

    /// <summary>The token's <c>sub</c>, recorded as <c>created_by</c>.</summary>
    string UserId { get; }
}
