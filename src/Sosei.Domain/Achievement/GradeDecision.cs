namespace Sosei.Domain.Achievement;

/// <summary>
/// The grade of a KPI as decided: the computed grade, and an override by the secretariat or council with its reason.
/// Reports show both the computed and the final grade.
/// </summary>
public sealed record GradeDecision
{
    /// <summary>Creates a decision.</summary>
    /// <param name="computed">The grade the scale gave.</param>
    /// <param name="override">The grade set by hand; null to keep the computed one.</param>
    /// <param name="reason">Why the grade was overridden; required (not blank) with an override. Kept, trimmed, also without one.</param>
    /// <exception cref="ArgumentException">An override without a reason.</exception>
    public GradeDecision(Grade computed, Grade? @override = null, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(computed);
        if (@override is not null && string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException(
                $"評価を「{computed.Code}」から「{@override.Code}」に変更するには理由が必要です。", nameof(reason));
        }

        Computed = computed;
        Override = @override;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }

    /// <summary>The grade computed from the achievement rate.</summary>
    public Grade Computed { get; }

    /// <summary>The grade set by hand; null when none.</summary>
    public Grade? Override { get; }

    /// <summary>The reason for the override; null when none was given.</summary>
    public string? Reason { get; }

    /// <summary>The grade that counts: the override when there is one, else the computed grade.</summary>
    public Grade Final => Override ?? Computed;

    /// <summary>Whether an override was set (even one equal to the computed grade).</summary>
    public bool IsOverridden => Override is not null;
}
