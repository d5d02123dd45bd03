namespace ElectionComms.Domain.Messages;

/// <summary>The kinds of personal data §10 forbids sharing that a message draft is checked for.</summary>
public enum PersonalDataKind
{
    PersonalNumber,
    PhoneNumber,
    Email,
    Iban,
}

/// <summary>One piece of personal data found in a text: <see cref="Start"/> and <see cref="Length"/> index the input string.</summary>
public sealed record PersonalDataFinding(PersonalDataKind Kind, int Start, int Length);
