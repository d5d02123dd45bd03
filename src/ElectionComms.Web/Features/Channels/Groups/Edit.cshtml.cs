using System.ComponentModel.DataAnnotations;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Channels.Groups;

/// <summary>Name, platform identifier, test flag, administrator (§7) and active state of a group.</summary>
public sealed class EditModel(
    AppDbContext db, IAuthorizationService authorization, StaffDirectory directory, PageChanges changes, BotJoinLink botJoinLink,
    IStringLocalizer<Strings> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    [StringLength(Group.ReasonMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Groups.DeactivateReason")]
    public string? Reason { get; set; }

    public string GroupName { get; private set; } = string.Empty;

    public GroupStatus Status { get; private set; }

    public bool IsTelegramGroup { get; private set; }

    public IReadOnlyList<StaffOption> Administrators { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await MayManageAsync(id))
        {
            return Forbid();
        }

        var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == id, cancellationToken);
        Input = new InputModel
        {
            Name = group.Name,
            PlatformId = group.PlatformId,
            IsTestGroup = group.IsTestGroup,
            JoinLink = group.JoinLink,
            UsesJoinRequests = group.UsesJoinRequests,
            BotStartLink = group.BotStartLink,
            AdministratorId = group.AdministratorId,
            Version = await db.Groups.Where(g => g.Id == id).Select(g => EF.Property<uint>(g, "xmin")).SingleAsync(cancellationToken),
        };
        await LoadAsync(group, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, validate: true, async group =>
        {
            group.Rename(Input.Name);
            group.ChangePlatformId(Input.PlatformId);
            await CloudApiRoom.EnsureAsync(db, group, cancellationToken);
            group.MarkAsTestGroup(Input.IsTestGroup);
            group.SetJoinLink(Input.JoinLink, Input.UsesJoinRequests, Input.BotStartLink);
            if (group.AdministratorId != Input.AdministratorId)
            {
                var administrator = await db.Staff.SingleOrDefaultAsync(s => s.Id == Input.AdministratorId, cancellationToken)
                    ?? throw new DomainException("Group.AdministratorRankTooLow", string.Empty);
                group.AssignAdministrator(administrator);
            }

            return localizer["Groups.Saved"].Value;
        }, cancellationToken);

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, validate: false, group =>
        {
            group.Deactivate(Reason ?? string.Empty);
            return Task.FromResult(localizer["Groups.Deactivated"].Value);
        }, cancellationToken);

    /// <summary>A join-request link made by the group's bot (issue 14): the bot checks everyone who follows it.</summary>
    public Task<IActionResult> OnPostBotJoinLinkAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, validate: false, async group =>
        {
            await botJoinLink.CreateAsync(group, cancellationToken);
            return localizer["Groups.BotJoinLinkCreated"].Value;
        }, cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, validate: false, group =>
        {
            group.Reactivate();
            return Task.FromResult(localizer["Groups.Reactivated"].Value);
        }, cancellationToken);

    private async Task<IActionResult> ChangeAsync(int id, bool validate, Func<Group, Task<string>> change, CancellationToken cancellationToken)
    {
        if (!await MayManageAsync(id))
        {
            return Forbid();
        }

        var group = await db.Groups.SingleAsync(g => g.Id == id, cancellationToken);
        if (validate && !ModelState.IsValid)
        {
            await LoadAsync(group, cancellationToken);
            return Page();
        }

        return await changes.FormAsync(
            this,
            "Error.Group.Concurrency",
            async () =>
            {
                // The row version the person saw: a change made since then by someone else makes this save fail.
                db.Entry(group).Property<uint>("xmin").OriginalValue = Input.Version;
                var message = await change(group);
                await db.SaveChangesAsync(cancellationToken);
                return message;
            },
            async () =>
            {
                // The refusal cleared the tracked group: show the form over the group as it is now.
                await LoadAsync(await db.Groups.AsNoTracking().SingleAsync(g => g.Id == id, cancellationToken), cancellationToken);
                return Page();
            },
            new { id },
            "./Details");
    }

    private async Task<bool> MayManageAsync(int id) =>
        await authorization.MayAsync(User, new GroupResource(id), GroupRequirement.Manage);

    private async Task LoadAsync(Group group, CancellationToken cancellationToken)
    {
        GroupName = group.Name;
        Status = group.Status;
        IsTelegramGroup = group.Platform == Platform.Telegram && group.Kind == GroupKind.Group;
        Administrators = await directory.OptionsAsync(db.Staff.Where(s => Ranks.DirectorOrAbove.Contains(s.Rank)), cancellationToken);
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(Group.NameMaxLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Groups.Name")]
        public string Name { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(PlatformIdentifier.MaxLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Groups.PlatformId")]
        public string PlatformId { get; set; } = string.Empty;

        [Display(Name = "Groups.IsTestGroup")]
        public bool IsTestGroup { get; set; }

        [StringLength(Domain.Channels.JoinLink.MaxLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Groups.JoinLink")]
        public string? JoinLink { get; set; }

        [Display(Name = "Groups.UsesJoinRequests")]
        public bool UsesJoinRequests { get; set; }

        [StringLength(Domain.Channels.JoinLink.MaxLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Groups.BotStartLink")]
        public string? BotStartLink { get; set; }

        [Display(Name = "Groups.Administrator")]
        public Guid AdministratorId { get; set; }

        public uint Version { get; set; }
    }
}
