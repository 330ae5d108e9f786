using System.Security.Claims;
using Signal.Api.Auth;

namespace Signal.UnitTests.Api;

public sealed class SignalCallerTests
{
    [Theory]
    [InlineData("viewer", Role.Viewer, true)]
    [InlineData("owner", Role.Admin, true)]
    [InlineData("editor", Role.Editor, true)]
    [InlineData("editor", Role.Admin, false)]
    [InlineData("superuser", Role.Viewer, false)]
    [InlineData("Admin", Role.Viewer, false)]
    public void HasRole_NeedsAKnownRoleAtOrAboveTheMinimum(string role, Role minimum, bool expected)
    {
        var caller = SignalCaller.Of(User(("org_id", "org_a"), ("sub", "u1"), ("role", role)));

        caller.HasRole(minimum).Should().Be(expected);
    }

    [Fact]
    public void AUserWithoutAnOrganisation_HasNoRole()
    {
        SignalCaller.Of(User(("sub", "u1"), ("role", "owner"))).HasRole(Role.Viewer).Should().BeFalse();
    }

    [Fact]
    public void AServiceToken_IsAProcessorAndNeverAUser_EvenWithARoleAndAnOrganisation()
    {
        var caller = SignalCaller.Of(User(("org_id", "org_a"), ("sub", "svc"), ("role", "owner"), ("scope", "read signal.processor")));

        caller.IsProcessor.Should().BeTrue();
        caller.HasRole(Role.Viewer).Should().BeFalse();
    }

    [Fact]
    public void AnUnauthenticatedPrincipal_IsAnonymous_WhateverClaimsItCarries()
    {
        var unauthenticated = new ClaimsPrincipal(new ClaimsIdentity([new Claim("org_id", "org_a"), new Claim("role", "owner"),
            new Claim("scope", "signal.processor")]));

        SignalCaller.Of(unauthenticated).Should().BeSameAs(SignalCaller.Anonymous);
        SignalCaller.Of(null).Should().BeSameAs(SignalCaller.Anonymous);
        SignalCaller.Anonymous.IsAuthenticated.Should().BeFalse();
        SignalCaller.Anonymous.IsProcessor.Should().BeFalse();
        SignalCaller.Anonymous.HasRole(Role.Viewer).Should().BeFalse();
    }

    [Fact]
    public void ASignalPrincipal_CarriesTheCallerParsedOnce_AndKeepsTheValidatedIdentities()
    {
        var validated = User(("org_id", "org_a"), ("sub", "u1"), ("role", "admin"));

        var principal = new SignalPrincipal(validated);

        SignalCaller.Of(principal).Should().BeSameAs(principal.Caller);
        SignalCaller.Of(principal).Should().BeSameAs(SignalCaller.Of(principal));
        principal.Caller.Should().BeEquivalentTo(new { IsAuthenticated = true, OrgId = "org_a", Subject = "u1", Role = "admin", IsProcessor = false });
        principal.Identities.Should().Equal(validated.Identities);
    }

    private static ClaimsPrincipal User(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "Bearer"));
}
