namespace Signal.Api.Auth;

/// <summary>User roles, ordered: each includes the permissions of the ones before it.</summary>
public enum Role
{
    Viewer = 1,
    Editor = 2,
    Admin = 3,
    Owner = 4,
}

public static class Roles
{
    public static string Name(Role role) => role.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out Role role)
    {
        foreach (var candidate in Enum.GetValues<Role>())
        {
            if (Name(candidate) == name)
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }
}
