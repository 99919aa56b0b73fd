namespace Sosei.Application.Organizations;

/// <summary>What kind of body an organization is.</summary>
public enum OrganizationKind
{
    /// <summary>市町村.</summary>
    Municipality = 0,

    /// <summary>都道府県.</summary>
    Prefecture = 1,

    /// <summary>振興局 and other regional offices of a prefecture.</summary>
    RegionalOffice = 2,

    /// <summary>A partner that runs projects: bank, university, NPO, company, national agency …</summary>
    Partner = 3,
}

/// <summary>
/// 団体: a body that owns plans (a municipality, a prefecture, a regional office) or a partner that runs projects
/// (北洋銀行, 日本政策金融公庫, 東海大学 …). Organizations are the unit of tenancy: plans, departments and values belong
/// to one organization.
/// </summary>
public sealed class Organization
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>
    /// Stable code: the 地方公共団体コード (5 digits without the check digit, e.g. 01223 for 根室市) for public bodies;
    /// a short slug for partners (e.g. partner:hokuyo-bank).
    /// </summary>
    public required string Code { get; set; }

    /// <summary>Official name (根室市, 北海道根室振興局, 株式会社北洋銀行).</summary>
    public required string Name { get; set; }

    /// <summary>Reading or short name shown in tight places; optional.</summary>
    public string? ShortName { get; set; }

    /// <summary>Kind of body.</summary>
    public OrganizationKind Kind { get; set; }

    /// <summary>Prefecture name for municipalities (北海道).</summary>
    public string? Prefecture { get; set; }

    /// <summary>Departments (課) of this organization.</summary>
    public List<Department> Departments { get; } = [];
}

/// <summary>課 / 担当課: a unit inside an organization that owns KPIs and projects.</summary>
public sealed class Department
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>Owning organization.</summary>
    public int OrganizationId { get; set; }

    /// <summary>Owning organization.</summary>
    public Organization? Organization { get; set; }

    /// <summary>Name (商工労働課).</summary>
    public required string Name { get; set; }

    /// <summary>Display order.</summary>
    public int SortOrder { get; set; }
}

/// <summary>連携地域 / 圏域: a group of organizations that plan together (根室連携地域 = 根室市 + 4町).</summary>
public sealed class Region
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>Stable code.</summary>
    public required string Code { get; set; }

    /// <summary>Name.</summary>
    public required string Name { get; set; }

    /// <summary>Members.</summary>
    public List<RegionMember> Members { get; } = [];
}

/// <summary>Membership of an organization in a region.</summary>
public sealed class RegionMember
{
    /// <summary>Region.</summary>
    public int RegionId { get; set; }

    /// <summary>Member organization.</summary>
    public int OrganizationId { get; set; }

    /// <summary>Member organization.</summary>
    public Organization? Organization { get; set; }

    /// <summary>Role in the region, e.g. 中心市 (central city); optional.</summary>
    public string? Role { get; set; }

    /// <summary>Display order.</summary>
    public int SortOrder { get; set; }
}
