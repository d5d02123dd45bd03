namespace ElectionComms.Domain.Common;

internal static class Guard
{
    public static string Text(string? value, int maxLength, string requiredCode, string tooLongCode)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new DomainException(requiredCode);
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException(tooLongCode, maxLength);
        }

        return trimmed;
    }
}
