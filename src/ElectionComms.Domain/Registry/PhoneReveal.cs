namespace ElectionComms.Domain.Registry;

/// <summary>
/// §10: a staff member asked to see a person's full phone number. Saving it writes the audit row (who, when, whose
/// number); the number itself is never copied here.
/// </summary>
public sealed class PhoneReveal
{
    private PhoneReveal()
    {
    }

    public long Id { get; private set; }

    public int PersonId { get; private set; }

    public Guid RevealedById { get; private set; }

    public DateTimeOffset RevealedAt { get; private set; }

    public static PhoneReveal Record(int personId, Guid staffId, DateTimeOffset now) => new()
    {
        PersonId = personId,
        RevealedById = staffId,
        RevealedAt = now,
    };
}
