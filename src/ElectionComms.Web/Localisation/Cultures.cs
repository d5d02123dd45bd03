namespace ElectionComms.Web.Localisation;

public static class Cultures
{
    public const string Albanian = "sq-AL";
    public const string English = "en-GB";
    public const string CookieName = "ec.culture";

    public static bool IsEnglish => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
