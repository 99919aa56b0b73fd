namespace Sosei.Application.Councils;

/// <summary>Whether a council is made of outside members or is internal to the organization.</summary>
public enum CouncilKind
{
    /// <summary>有識者会議 and other external bodies (根室市創生有識者会議, 網走市選択する未来会議).</summary>
    External = 0,

    /// <summary>推進本部 and other internal bodies.</summary>
    Internal = 1,
}

/// <summary>有識者会議 / 推進本部 / 会議: a body that reviews a plan's achievement.</summary>
public sealed class Council
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>Organization that runs it.</summary>
    public int OrganizationId { get; set; }

    /// <summary>Organization that runs it.</summary>
    public Organizations.Organization? Organization { get; set; }

    /// <summary>Plan it reviews, if one.</summary>
    public int? PlanId { get; set; }

    /// <summary>Plan it reviews.</summary>
    public Plans.Plan? Plan { get; set; }

    /// <summary>Stable code, unique within the organization.</summary>
    public required string Code { get; set; }

    /// <summary>Name.</summary>
    public required string Name { get; set; }

    /// <summary>External or internal.</summary>
    public CouncilKind Kind { get; set; }

    /// <summary>Composition, role, establishment (as the document says); optional.</summary>
    public string? Description { get; set; }

    /// <summary>Members (organization and title; personal names are not kept).</summary>
    public List<CouncilMember> Members { get; } = [];

    /// <summary>Meetings.</summary>
    public List<Meeting> Meetings { get; } = [];
}

/// <summary>A council member, by organization and title only (personal names are private and not stored).</summary>
public sealed class CouncilMember
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>Council.</summary>
    public int CouncilId { get; set; }

    /// <summary>団体名.</summary>
    public required string OrganizationName { get; set; }

    /// <summary>役職; optional.</summary>
    public string? Title { get; set; }

    /// <summary>Order.</summary>
    public int SortOrder { get; set; }
}

/// <summary>A meeting of a council.</summary>
public sealed class Meeting
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>Council.</summary>
    public int CouncilId { get; set; }

    /// <summary>Date.</summary>
    public DateOnly Date { get; set; }

    /// <summary>主な議論内容.</summary>
    public string? Topics { get; set; }
}
