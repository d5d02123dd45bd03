using System.Security.Cryptography;

namespace ElectionComms.Web.Features.Admin.Staff;

/// <summary>
/// A one-time password that an administrator reads to the person. It meets the Identity policy (length, upper, lower,
/// digit, symbol) and leaves out look-alike characters (0/O, 1/l/I) so it can be read aloud or typed from paper.
/// </summary>
public static class TemporaryPassword
{
    public const int Length = 16;

    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "!#$%*+-=?@";
    private const string Any = Upper + Lower + Digits + Symbols;

    public static string Generate()
    {
        var characters = new char[Length];
        characters[0] = Pick(Upper);
        characters[1] = Pick(Lower);
        characters[2] = Pick(Digits);
        characters[3] = Pick(Symbols);
        for (var i = 4; i < Length; i++)
        {
            characters[i] = Pick(Any);
        }

        RandomNumberGenerator.Shuffle(characters.AsSpan());
        return new string(characters);
    }

    private static char Pick(string alphabet) => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
}
