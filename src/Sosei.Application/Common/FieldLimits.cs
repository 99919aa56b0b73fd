using System.Globalization;

namespace Sosei.Application.Common;

/// <summary>
/// The one table of text lengths: the longest text each kind of field accepts, checked by the plan-file validator
/// (which the KPI and project forms share), by the other forms and by the population import, so that a file and a form
/// never disagree and nothing reaches the database longer than its column (PostgreSQL refuses a longer text with an
/// error; SQLite would store it). Every limit fits the column it guards; the longest texts of the demo plans (a
/// 3,491-character KPI note, a 1,073-character node description, 83-character titles) fit well inside. The README's
/// "安全と上限 / Security and limits" section lists them.
/// </summary>
public static class FieldLimits
{
    /// <summary>Codes of plans, nodes, KPIs, series, projects, organizations, regions, councils, grade bands (the
    /// database's code columns are 64 characters).</summary>
    public const int Code = 64;

    /// <summary>Names and titles of KPIs, series, projects, nodes, councils, grants, partners, levels, regions (long:
    /// a project name can run to a sentence).</summary>
    public const int Name = 500;

    /// <summary>Codes of grade bands (A, B, 達成, ◎), shown in narrow table cells.</summary>
    public const int GradeCode = 20;

    /// <summary>A plan's name (its column is 300 characters).</summary>
    public const int PlanName = 300;

    /// <summary>Names of organizations and departments (their columns are 200 characters; the department name is indexed).</summary>
    public const int OrganizationName = 200;

    /// <summary>One-line texts: units, period and value texts as written (令和6年度, 1,234人), timings, labels, prefecture,
    /// population editions, grade codes.</summary>
    public const int Text = 200;

    /// <summary>Addresses (a source's URL).</summary>
    public const int Url = 2000;

    /// <summary>Free texts: notes, descriptions, contents, comments, sources, meeting topics, reasons (the database's
    /// default text column is 4,000 characters).</summary>
    public const int LongText = 4000;

    /// <summary>Whether a text is longer than a limit (null is never too long).</summary>
    public static bool IsTooLong(string? text, int limit) => text is not null && text.Length > limit;

    /// <summary>"長すぎます（500文字以内、100,000文字あります）。" / "too long: at most 500 characters (100,000 given)."</summary>
    public static Message TooLong(int limit, int length)
    {
        var max = limit.ToString("N0", CultureInfo.InvariantCulture);
        var given = length.ToString("N0", CultureInfo.InvariantCulture);
        return new Message($"長すぎます。{max}文字以内にしてください（{given}文字あります）。", $"too long: at most {max} characters ({given} given).");
    }

    /// <summary>The same message naming the field: "指標名は500文字以内にしてください（100,000文字あります）。".</summary>
    public static Message TooLong(Message label, int limit, int length)
    {
        ArgumentNullException.ThrowIfNull(label);
        var max = limit.ToString("N0", CultureInfo.InvariantCulture);
        var given = length.ToString("N0", CultureInfo.InvariantCulture);
        return new Message(
            $"{label.Japanese}は{max}文字以内にしてください（{given}文字あります）。",
            $"{label.English} has at most {max} characters ({given} given).");
    }
}
