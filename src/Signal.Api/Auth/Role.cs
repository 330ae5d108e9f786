namespace Signal.Api.Auth;

/// <summary>User roles, ordered: each includes the permissions of the ones before it. On the wire: lowercase names.</summary>
public enum Role
{
    Viewer = 1,
    Editor = 2,
    Admin = 3,
    Owner = 4,
}
