using System.ComponentModel.DataAnnotations;
using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Channels.Groups;

/// <summary>A director creates a channel or group on one of their directorate's active accounts (§5b, §6, §7).</summary>
public sealed class CreateModel(
    AppDbContext db, ScopeResolver scopes, StaffDirectory directory, PageChanges changes,
    IStringLocalizer<Strings> localizer, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<(int Id, string Name, Platform Platform)> Accounts { get; private set; } = [];

    public IReadOnlyList<StaffOption> Administrators { get; private set; } = [];

    public IReadOnlyList<StaffOption> OfficerOptions { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Qarqe { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Municipalities { get; private set; } = [];

    public string? ElectionName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!CurrentStaff.From(User).Is(StaffRole.Director))
        {
            return Forbid();
        }

        Input.AdministratorId = CurrentStaff.From(User).Id;
        await LoadOptionsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = CurrentStaff.From(User);
        if (!user.Is(StaffRole.Director))
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            await LoadOptionsAsync(cancellationToken);
            return Page();
        }

        return await changes.FormAsync(
            this,
            "Error.Group.Concurrency",
            async () =>
            {
                var election = await db.Elections.Where(e => e.State == ElectionState.Active).OrderBy(e => e.ElectionDay).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new DomainException("Group.NoActiveElection");
                var account = await db.OfficialAccounts.SingleOrDefaultAsync(a => a.Id == Input.AccountId, cancellationToken);
                if (account is null || account.DirectorateId != user.DirectorateId)
                {
                    throw new DomainException("Group.AccountNotYours");
                }

                var administrator = await db.Staff.SingleOrDefaultAsync(s => s.Id == Input.AdministratorId, cancellationToken)
                    ?? throw new DomainException("Staff.SuperiorNotFound");
                var scope = await scopes.ResolveAsync(election.Id, Input.Level, Input.ScopeKind, Input.ScopeReference, cancellationToken);
                var now = clock.GetUtcNow();
                var group = Group.Create(account, election.Id, Input.Kind, Input.Name, Input.Level, scope, Input.PlatformId, administrator, Input.IsTestGroup, now);
                await CloudApiRoom.EnsureAsync(db, group, cancellationToken);
                foreach (var officerId in Input.OfficerIds.Distinct())
                {
                    var officer = await db.Staff.SingleAsync(s => s.Id == officerId, cancellationToken);
                    if (!await directory.HasRoleAsync(officerId, [StaffRole.CommunicationOfficer], cancellationToken))
                    {
                        throw new DomainException("Group.OfficerNotCommunicationOfficer", officer.FullName);
                    }

                    group.AssignOfficer(officer, user.Id, now);
                }

                db.Groups.Add(group);
                await db.SaveChangesAsync(cancellationToken);
                return new Done(localizer["Groups.Created", group.Name].Value, "./Details", new { id = group.Id });
            },
            async () =>
            {
                await LoadOptionsAsync(cancellationToken);
                return Page();
            },
            routeValues: null);
    }

    private async Task LoadOptionsAsync(CancellationToken cancellationToken)
    {
        var user = CurrentStaff.From(User);
        ElectionName = await db.Elections.Where(e => e.State == ElectionState.Active).OrderBy(e => e.ElectionDay).Select(e => e.Name).FirstOrDefaultAsync(cancellationToken);
        Accounts = (await db.OfficialAccounts
            .Where(a => a.DirectorateId == user.DirectorateId && a.Status == AccountStatus.Active && a.Platform != Platform.Helpline)
            .OrderBy(a => a.Platform).ThenBy(a => a.Name)
            .Select(a => new { a.Id, a.Name, a.Platform })
            .ToListAsync(cancellationToken)).Select(a => (a.Id, a.Name, a.Platform)).ToList();
        Administrators = await directory.OptionsAsync(db.Staff.Where(s => Ranks.DirectorOrAbove.Contains(s.Rank)), cancellationToken);
        OfficerOptions = await directory.OptionsAsync(directory.WithRole(StaffRole.CommunicationOfficer), cancellationToken);
        Qarqe = (await db.Qarqe.OrderBy(q => q.Name).Select(q => new { q.Id, q.Name }).ToListAsync(cancellationToken)).Select(q => (q.Id, q.Name)).ToList();
        Municipalities = (await db.Municipalities.OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken)).Select(m => (m.Id, m.Name)).ToList();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Groups.Account")]
        public int? AccountId { get; set; }

        [Display(Name = "Groups.Kind")]
        public GroupKind Kind { get; set; } = GroupKind.Group;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(Group.NameMaxLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Groups.Name")]
        public string Name { get; set; } = string.Empty;

        [Display(Name = "Groups.Level")]
        public AdministrationLevel Level { get; set; } = AdministrationLevel.Kqv;

        [Display(Name = "Groups.ScopeKind")]
        public ScopeKind ScopeKind { get; set; } = ScopeKind.Unit;

        [StringLength(100, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Groups.ScopeReference")]
        public string? ScopeReference { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(PlatformIdentifier.MaxLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Groups.PlatformId")]
        public string PlatformId { get; set; } = string.Empty;

        [Display(Name = "Groups.Administrator")]
        public Guid AdministratorId { get; set; }

        [Display(Name = "Groups.Officers")]
        public List<Guid> OfficerIds { get; set; } = [];

        [Display(Name = "Groups.IsTestGroup")]
        public bool IsTestGroup { get; set; }
    }
}
