using System.ComponentModel.DataAnnotations;
using System.Text;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Account;

/// <summary>
/// Links an authenticator app (TOTP). Roles that must use a second factor are sent here after their first
/// password sign-in and cannot reach any other page until it is done (<see cref="AccountSetupGate"/>).
/// </summary>
public sealed class SetupAuthenticatorModel(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<Strings> localizer, ILogger<SetupAuthenticatorModel> logger) : PageModel
{
    private const string Issuer = "KQZ ElectionComms";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string SharedKey { get; private set; } = string.Empty;

    public string QrCodeDataUri { get; private set; } = string.Empty;

    public bool Required { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            return Page();
        }

        var code = OneTimeCodes.Clean(Input.Code);
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError("Input.Code", localizer["Account.InvalidCode"]);
            await LoadKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? [];
        logger.LogInformation("Authenticator linked for user {UserId}", user.Id);
        await signIn.RefreshSignInAsync(user);
        TempData[RecoveryCodesModel.TempDataKey] = string.Join(' ', codes);
        return RedirectToPage("./RecoveryCodes");
    }

    private async Task LoadKeyAsync(AppUser user)
    {
        Required = AccountSetupGate.RequiredStep(User) == AccountSetupGate.SetupAuthenticatorPath;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
        }

        SharedKey = FormatKey(key);
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email ?? user.UserName ?? string.Empty)}" +
                  $"?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        QrCodeDataUri = QrDataUri.Png(uri);
    }

    private static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return result.ToString().TrimEnd().ToLowerInvariant();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(7, MinimumLength = 6, ErrorMessage = "Validation.CodeLength")]
        [Display(Name = "Account.AuthenticatorCode")]
        public string Code { get; set; } = string.Empty;
    }
}
