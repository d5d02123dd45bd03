namespace ElectionComms.Domain.Administration;

/// <summary>One of Albania's 12 counties (qarqe).</summary>
public sealed class Qark
{
    public Qark(int id, string name)
    {
        Id = id;
        Name = name;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }
}

/// <summary>One of the 61 municipalities (bashki).</summary>
public sealed class Municipality
{
    public Municipality(int id, string name, int qarkId)
    {
        Id = id;
        Name = name;
        QarkId = qarkId;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public int QarkId { get; private set; }
}
