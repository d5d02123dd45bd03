namespace ElectionComms.Web.Auth;

/// <summary>Claims the portal adds to the sign-in cookie so every request knows these without a query.</summary>
public static class PortalClaims
{
    public const string FullName = "ec:name";
    public const string TwoFactorEnabled = "ec:2fa";
    public const string MustChangePassword = "ec:must-change-password";
    public const string DirectorateId = "ec:directorate";
    public const string DirectorateCode = "ec:directorate-code";
}
