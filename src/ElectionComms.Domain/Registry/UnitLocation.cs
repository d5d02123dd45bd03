namespace ElectionComms.Domain.Registry;

/// <summary>
/// Where a unit of the administration lies: the unit itself, its KZAZ, the KZAZ's municipality and qark. A KZAZ is
/// its own KZAZ; a technical team that works nationally has no KZAZ, municipality or qark.
/// </summary>
public readonly record struct UnitLocation(int UnitId, int? KzazId, int? MunicipalityId, int? QarkId);
