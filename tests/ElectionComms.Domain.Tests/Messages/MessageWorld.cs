using ElectionComms.Domain.Messages;
using ElectionComms.Domain.Organisation;

namespace ElectionComms.Domain.Tests.Messages;

/// <summary>
/// A small KQZ for the message rules: the Secretary General; the directors of Electoral Administration (DAZ) and
/// Logistics (DLD) reporting to them; an officer and a peer officer reporting to the DAZ director; a system
/// administrator under the DLD director. Groups of DAZ (administered by its director, one by the DLD director),
/// a test group, and a group of another directorate.
/// </summary>
internal sealed class MessageWorld
{
    public const int Sp = 1;
    public const int Daz = 2;
    public const int Dld = 3;
    public const int Dks = 4;

    public static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    public MessageWorld()
    {
        SecretaryGeneral = Staff("Arben Përmeti", Rank.SecretaryGeneral, Sp, null, StaffRole.SecretaryGeneral);
        DazDirector = Staff("Besnik Leka", Rank.Director, Daz, SecretaryGeneral, StaffRole.Director);
        DldDirector = Staff("Ermira Çela", Rank.Director, Dld, SecretaryGeneral, StaffRole.Director);
        Officer = Staff("Teuta Marku", Rank.Specialist, Daz, DazDirector, StaffRole.CommunicationOfficer);
        Peer = Staff("Mira Hoxha", Rank.Specialist, Daz, DazDirector, StaffRole.CommunicationOfficer);
        Operator = Staff("Sokol Tafaj", Rank.Specialist, Dld, DldDirector, StaffRole.HelplineOperator);
        Administrator = Staff("Klea Ndreu", Rank.HeadOfSector, Dld, DldDirector, StaffRole.SystemAdministrator);
        Kzaz1 = new TargetGroup(1, "KZAZ 1", Daz, DazDirector.Id, false, true, true);
        Kzaz2 = new TargetGroup(2, "KZAZ 2", Daz, DazDirector.Id, false, true, true);
        TechnicalStaff = new TargetGroup(3, "Stafi teknik – KZAZ 1", Daz, DldDirector.Id, false, true, true);
        TestGroup = new TargetGroup(4, "KZAZ 1 – prove", Daz, DazDirector.Id, true, true, true);
        OtherDirectorate = new TargetGroup(5, "Njoftime KQZ", Dks, SecretaryGeneral.Id, false, true, true);
    }

    public StaffMember SecretaryGeneral { get; }

    public StaffMember DazDirector { get; }

    public StaffMember DldDirector { get; }

    public StaffMember Officer { get; }

    public StaffMember Peer { get; }

    /// <summary>A help-line operator of Logistics (§8), who reaches DAZ groups only through a transmit grant.</summary>
    public StaffMember Operator { get; }

    public StaffMember Administrator { get; }

    public TargetGroup Kzaz1 { get; }

    public TargetGroup Kzaz2 { get; }

    public TargetGroup TechnicalStaff { get; }

    public TargetGroup TestGroup { get; }

    public TargetGroup OtherDirectorate { get; }

    public Dictionary<Guid, StaffMember> All { get; } = [];

    public IReadOnlyList<Guid> ChainOf(StaffMember author) =>
        ApproverPolicy.ChainOf(author.Id, All.ToDictionary(p => p.Key, p => p.Value.SuperiorId));

    public Message Draft(string text = "Mbledhja e KZAZ-së nesër në orën 10:00.", DateTimeOffset? sendAt = null, params TargetGroup[] targets) =>
        Message.Draft(Officer, new MessageDraft(text, null, null, sendAt, false), targets.Length == 0 ? [Kzaz1] : targets, Now);

    public Message Submitted(params TargetGroup[] targets)
    {
        var message = Draft(targets: targets);
        Submit(message);
        return message;
    }

    /// <summary>The role each person's account holds.</summary>
    public Dictionary<Guid, string> Roles { get; } = [];

    /// <summary>Everyone active whose role decides, as the web host passes them to <see cref="Message.Submit"/>.</summary>
    public IReadOnlyList<ApproverCandidate> Candidates =>
        All.Values.Where(s => s.IsActive && ApproverPolicy.RoleMayApprove(Roles.GetValueOrDefault(s.Id)))
            .Select(s => new ApproverCandidate(s, Roles[s.Id])).ToList();

    /// <summary>Submits as the author would, with the current version's groups (the world's, unless given).</summary>
    public void Submit(
        Message message, StaffMember? who = null, string? justification = null, DateTimeOffset? at = null, IReadOnlyCollection<TargetGroup>? targets = null) =>
        message.Submit(who ?? Officer, justification, targets ?? TargetsOf(message), ChainOf(All[message.AuthorId]), Candidates, at ?? Now);

    public IReadOnlyList<TargetGroup> TargetsOf(Message message)
    {
        var byId = new[] { Kzaz1, Kzaz2, TechnicalStaff, TestGroup, OtherDirectorate }.ToDictionary(t => t.GroupId);
        return message.CurrentVersion.Targets.Select(t => byId[t.GroupId]).ToList();
    }

    public void Approve(Message message, StaffMember approver, string role, string? hash = null, DateTimeOffset? stepUp = null, DateTimeOffset? at = null) =>
        message.Approve(approver, role, ChainOf(Officer), TargetsOf(message), hash ?? message.CurrentContentHash, stepUp ?? Now, at ?? Now);

    public StaffMember Staff(string name, Rank rank, int directorate, StaffMember? superior, string role)
    {
        var member = StaffMember.Create(Guid.NewGuid(), name, name.Replace(' ', '.') + "@kqz.gov.al", null, rank, directorate, Now.AddYears(-1));
        All[member.Id] = member;
        Roles[member.Id] = role;
        member.ReportTo(superior, All);
        return member;
    }
}
