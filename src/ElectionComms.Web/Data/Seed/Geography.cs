namespace ElectionComms.Web.Data.Seed;

/// <summary>Albania's 12 qarqe and 61 municipalities (the 2015 territorial reform), the fixed frame of every election.</summary>
internal static class Geography
{
    public static readonly IReadOnlyList<(int Id, string Name, string[] Municipalities)> Qarqe =
    [
        (1, "Berat", ["Berat", "Dimal", "Kuçovë", "Poliçan", "Skrapar"]),
        (2, "Dibër", ["Bulqizë", "Dibër", "Klos", "Mat"]),
        (3, "Durrës", ["Durrës", "Krujë", "Shijak"]),
        (4, "Elbasan", ["Belsh", "Cërrik", "Elbasan", "Gramsh", "Librazhd", "Peqin", "Prrenjas"]),
        (5, "Fier", ["Divjakë", "Fier", "Lushnjë", "Mallakastër", "Patos", "Roskovec"]),
        (6, "Gjirokastër", ["Dropull", "Gjirokastër", "Këlcyrë", "Libohovë", "Memaliaj", "Përmet", "Tepelenë"]),
        (7, "Korçë", ["Devoll", "Kolonjë", "Korçë", "Maliq", "Pogradec", "Pustec"]),
        (8, "Kukës", ["Has", "Kukës", "Tropojë"]),
        (9, "Lezhë", ["Kurbin", "Lezhë", "Mirditë"]),
        (10, "Shkodër", ["Fushë-Arrëz", "Malësi e Madhe", "Pukë", "Shkodër", "Vau i Dejës"]),
        (11, "Tiranë", ["Kamëz", "Kavajë", "Rrogozhinë", "Tiranë", "Vorë"]),
        (12, "Vlorë", ["Delvinë", "Finiq", "Himarë", "Konispol", "Sarandë", "Selenicë", "Vlorë"]),
    ];

    /// <summary>Municipalities that hold more than one KZAZ at national scale (31 extra, 92 in all).</summary>
    public static readonly IReadOnlyDictionary<string, int> ExtraZones = new Dictionary<string, int>
    {
        ["Tiranë"] = 12,
        ["Durrës"] = 3,
        ["Elbasan"] = 2,
        ["Fier"] = 2,
        ["Shkodër"] = 2,
        ["Vlorë"] = 2,
        ["Kamëz"] = 2,
        ["Korçë"] = 1,
        ["Lushnjë"] = 1,
        ["Berat"] = 1,
        ["Kavajë"] = 1,
        ["Krujë"] = 1,
        ["Lezhë"] = 1,
    };

    public static IEnumerable<(int Id, string Name, int QarkId)> Municipalities()
    {
        var id = 0;
        foreach (var (qarkId, _, names) in Qarqe)
        {
            foreach (var name in names)
            {
                yield return (++id, name, qarkId);
            }
        }
    }
}
