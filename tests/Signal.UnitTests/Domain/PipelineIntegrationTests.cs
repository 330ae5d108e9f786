using Signal.Domain.Common;
using Signal.Domain.PipelineIntegrations;
using Signal.Domain.Templates;

namespace Signal.UnitTests.Domain;

public sealed class PipelineIntegrationTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Now.AddHours(1);

    private static Template TemplateWithRevisions(int count, string org = "org_1")
    {
        var template = Template.Create(org, "Acme", "acme", null, Now);
        for (var i = 1; i <= count; i++)
        {
            template.AddRevision(CatalogFixtures.Vendor(), [], DeliveryMode.ServerSide, null, "user_1", Now);
        }

        return template;
    }

    private static PipelineIntegration Assigned(Template template, int revision = 1) =>
        PipelineIntegration.Create("org_1", "pip_1", template.NewRevisions[revision - 1].Ref, "Acme", enabled: true, Now);

    [Fact]
    public void Create_PinsTheRevision_OfItsTemplate()
    {
        var template = TemplateWithRevisions(2);

        var assignment = Assigned(template, revision: 2);

        assignment.Id.Should().StartWith("pi_");
        (assignment.TemplateId, assignment.RevisionId, assignment.Enabled).Should().Be((template.Id, template.NewRevisions[1].Id, true));
        assignment.CreatedAt.Should().Be(Now).And.Be(assignment.UpdatedAt);
    }

    [Fact]
    public void Create_WithARevisionOfAnotherOrganisation_IsRefused()
    {
        var foreign = TemplateWithRevisions(1, org: "org_2");

        var create = () => Assigned(foreign);

        create.Should().Throw<DomainRuleException>().Which.Errors.Should().ContainKey("integration_id");
    }

    [Fact]
    public void Pin_DeploysANewerRevision_AndRollsBackToAnOlderOne()
    {
        var template = TemplateWithRevisions(3);
        var assignment = Assigned(template);

        assignment.Pin(template.NewRevisions[2].Ref, Later);
        assignment.RevisionId.Should().Be(template.NewRevisions[2].Id);
        assignment.Pin(template.NewRevisions[0].Ref, Later.AddMinutes(1));

        assignment.RevisionId.Should().Be(template.NewRevisions[0].Id);
        assignment.UpdatedAt.Should().Be(Later.AddMinutes(1));
    }

    [Fact]
    public void Pin_ARevisionOfAnotherTemplate_IsRefused_AndChangesNothing()
    {
        var template = TemplateWithRevisions(1);
        var other = TemplateWithRevisions(1);
        var assignment = Assigned(template);

        var pin = () => assignment.Pin(other.NewRevisions[0].Ref, Later);

        pin.Should().Throw<DomainRuleException>().Which.Errors.Should().ContainKey("revision_id");
        (assignment.RevisionId, assignment.UpdatedAt).Should().Be((template.NewRevisions[0].Id, Now));
    }

    [Fact]
    public void SetEnabled_PausesAndResumes()
    {
        var assignment = Assigned(TemplateWithRevisions(1));

        assignment.SetEnabled(false, Later);

        (assignment.Enabled, assignment.UpdatedAt).Should().Be((false, Later));
    }

    [Fact]
    public void ADeletedAssignment_RefusesEveryChange_AsADomainError()
    {
        var template = TemplateWithRevisions(2);
        var assignment = Assigned(template);
        assignment.Delete(Later);

        var acts = new Action[]
        {
            () => assignment.Pin(template.NewRevisions[1].Ref, Later),
            () => assignment.SetEnabled(false, Later),
            () => assignment.Delete(Later),
        };

        assignment.DeletedAt.Should().Be(Later);
        foreach (var act in acts)
        {
            act.Should().Throw<DeletedAggregateException>().Which.Resource.Should().Be("Pipeline integration");
        }
    }

    [Fact]
    public void Rehydrate_KeepsWhatWasStored()
    {
        var assignment = PipelineIntegration.Rehydrate(
            "pi_1", "org_1", "pip_1", new RevisionRef("rev_1", "org_1", "tmpl_1", 3, DeliveryMode.ServerSide), "Acme", false, Now, Later, "ro_1");

        assignment.Should().BeEquivalentTo(new
        {
            Id = "pi_1",
            OrgId = "org_1",
            PipelineId = "pip_1",
            TemplateId = "tmpl_1",
            TemplateName = "Acme",
            RevisionId = "rev_1",
            RevisionNumber = 3,
            Enabled = false,
            CreatedAt = Now,
            UpdatedAt = Later,
            ActiveRolloutId = "ro_1",
        });
    }

    [Fact]
    public void Pin_WhileARolloutOwnsIt_IsAConflict_UnlessTheRolloutPinsOrTheRevisionStays()
    {
        var template = TemplateWithRevisions(2);
        var first = template.NewRevisions[0].Ref;
        var owned = PipelineIntegration.Rehydrate("pi_1", "org_1", "pip_1", first, "Acme", true, Now, Now, "ro_1");

        var manual = () => owned.Pin(template.NewRevisions[1].Ref, Later);
        var conflict = manual.Should().Throw<DomainConflictException>().Which;
        (conflict.Code, conflict.Details["rollout_id"]).Should().Be(("assignment_in_rollout", (object)"ro_1"));
        conflict.Message.Should().Contain("ro_1");

        owned.Pin(first, Later);
        owned.Pin(template.NewRevisions[1].Ref, Later, rolloutId: "ro_1");
        owned.RevisionNumber.Should().Be(2);
        owned.TakeRecordedChanges().Should().ContainSingle().Which.RolloutId.Should().Be("ro_1");
    }
}
