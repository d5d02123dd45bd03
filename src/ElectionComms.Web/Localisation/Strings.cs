namespace ElectionComms.Web.Localisation;

/// <summary>Marker for the one shared resource set: Resources/Localisation/Strings.resx (sq) and Strings.en.resx.</summary>
public sealed class Strings;
