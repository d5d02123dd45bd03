namespace ElectionComms.Web.Data.Seed;

/// <summary>Common Albanian given names and surnames, with ë and ç, for realistic demo and scale data.</summary>
internal static class AlbanianNames
{
    public static readonly string[] Female =
    [
        "Ana", "Anila", "Arbëresha", "Blerina", "Brikena", "Dorina", "Drita", "Elona", "Enkeleda", "Ermira", "Fatbardha",
        "Flutura", "Gëzime", "Ilda", "Jonida", "Klea", "Lindita", "Luljeta", "Majlinda", "Marsela", "Mimoza", "Rezarta",
        "Rovena", "Shqipe", "Suela", "Teuta", "Valbona", "Vjollca", "Xhensila", "Zamira", "Ëngjëllushe", "Çiljeta",
    ];

    public static readonly string[] Male =
    [
        "Agron", "Albert", "Altin", "Arben", "Ardit", "Artan", "Bashkim", "Besnik", "Dritan", "Edmond", "Elton",
        "Erion", "Fatmir", "Gëzim", "Ilir", "Jetmir", "Klodian", "Kreshnik", "Lulzim", "Mërgim", "Nikolla", "Petrit",
        "Qemal", "Skënder", "Sokol", "Taulant", "Vangjel", "Xhevdet", "Ylli", "Çlirim", "Ëndrit", "Bledar",
    ];

    public static readonly string[] Surnames =
    [
        "Hoxha", "Shehu", "Çela", "Dervishi", "Gjoka", "Kola", "Leka", "Marku", "Ndreu", "Përmeti", "Rama", "Sula",
        "Tafaj", "Xhafa", "Zeneli", "Bregu", "Çaushi", "Dibra", "Gjika", "Hysa", "Kërçiku", "Lika", "Mëhilli",
        "Nushi", "Prifti", "Qosja", "Rëmbeci", "Shkëmbi", "Toska", "Vata", "Zaçe", "Muça", "Bushati", "Kryeziu",
    ];

    public static string FullName(Random random)
    {
        var given = random.Next(2) == 0 ? Female : Male;
        return $"{given[random.Next(given.Length)]} {Surnames[random.Next(Surnames.Length)]}";
    }
}
