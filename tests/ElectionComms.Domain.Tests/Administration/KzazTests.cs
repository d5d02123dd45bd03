using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Tests.Administration;

public sealed class KzazTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(46)]
    [InlineData(92)]
    public void Create_accepts_numbers_from_1_to_92(int number)
    {
        var zone = Kzaz.Create(electionId: 1, number, municipalityId: 61, "  Bashkia Vlorë ");

        Assert.Equal(number, zone.Number);
        Assert.Equal("Bashkia Vlorë", zone.Seat);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(93)]
    [InlineData(119)]
    public void Create_refuses_numbers_outside_1_to_92(int number)
    {
        var error = Assert.Throws<DomainException>(() => Kzaz.Create(electionId: 1, number, municipalityId: 1, "Bashkia Berat"));

        Assert.Equal("Kzaz.NumberOutOfRange", error.Code);
        Assert.Equal([number, Kzaz.MinNumber, Kzaz.MaxNumber], error.Arguments);
    }

    [Fact]
    public void Create_without_a_seat_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => Kzaz.Create(electionId: 1, 5, municipalityId: 1, " "));

        Assert.Equal("Kzaz.SeatRequired", error.Code);
    }
}
