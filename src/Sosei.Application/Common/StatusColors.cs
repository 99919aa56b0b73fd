using System.Globalization;
using System.Text;
using Sosei.Domain.Achievement;

namespace Sosei.Application.Common;

/// <summary>The colours of a status: text, background, border (#rrggbb).</summary>
/// <param name="Text">Text colour.</param>
/// <param name="Background">Background (the xlsx fill).</param>
/// <param name="Border">Border of a badge.</param>
public sealed record StatusColor(string Text, string Background, string Border)
{
    /// <summary>The background without '#', as an xlsx fill (E3F4E8).</summary>
    public string Fill => Background.TrimStart('#').ToUpperInvariant();
}

/// <summary>
/// The one table of colours for grades, trends and forecasts, with the CSS class of each status: the web pages
/// (<c>wwwroot/css/status.css</c>, which a test keeps equal to <see cref="Css"/>), the report HTML (PDF) and the xlsx
/// fills all read it, so a grade, a trend or a forecast has the same colour everywhere (words: <see cref="Terms"/>).
/// </summary>
public static class StatusColors
{
    /// <summary>Good: the best grade, 改善, 順調.</summary>
    public static StatusColor Good { get; } = new("#1b7f3b", "#e3f4e8", "#b7e0c2");

    /// <summary>Fair: a middle grade of three or more bands, 横ばい.</summary>
    public static StatusColor Fair { get; } = new("#174a84", "#e6f0fb", "#c3d7ef");

    /// <summary>Caution: the lower grade of two bands (80%未満), 要注意.</summary>
    public static StatusColor Caution { get; } = new("#9a6700", "#fff4d6", "#f0d9a0");

    /// <summary>Poor: the worst grade of three or more bands, 悪化, 遅れ.</summary>
    public static StatusColor Poor { get; } = new("#b42318", "#fde7e5", "#f5c2bd");

    /// <summary>None: no data, 判定不能, 判定不可.</summary>
    public static StatusColor None { get; } = new("#6b7280", "#eef0f3", "#d5d9df");

    /// <summary>Every status class with its colours, in the order of <see cref="Css"/>.</summary>
    public static IReadOnlyList<(string Class, StatusColor Color)> Table { get; } =
    [
        ("grade-0", Good), ("grade-1", Fair), ("grade-2", Caution), ("grade-3", Poor), ("grade-none", None),
        (TrendClass(TrendStatus.Improving), Good), (TrendClass(TrendStatus.Stable), Fair),
        (TrendClass(TrendStatus.Deteriorating), Poor), (TrendClass(TrendStatus.Undetermined), None),
        (ForecastClass(ForecastStatus.OnTrack), Good), (ForecastClass(ForecastStatus.AtRisk), Caution),
        (ForecastClass(ForecastStatus.OffTrack), Poor), (ForecastClass(ForecastStatus.InsufficientData), None),
    ];

    /// <summary>
    /// The class of a grade: grade-0 for the best band, grade-3 for the worst of three or more (grade-2, caution, for the
    /// lower of two: 80%未満 is amber, not red and not blue), grade-1 or grade-2 between, grade-none for no data.
    /// </summary>
    /// <param name="grade">The grade.</param>
    /// <param name="scale">Its scale.</param>
    public static string GradeClass(Grade grade, GradeScale scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        return GradeClass(grade, scale.Bands.Count);
    }

    /// <summary>The class of a grade of a scale with <paramref name="bands"/> bands (see the other overload).</summary>
    /// <param name="grade">The grade.</param>
    /// <param name="bands">How many bands the scale has, without the no-data grade.</param>
    public static string GradeClass(Grade grade, int bands)
    {
        ArgumentNullException.ThrowIfNull(grade);
        if (grade.IsNoData)
        {
            return "grade-none";
        }

        if (bands <= 1 || grade.Rank == 0)
        {
            return "grade-0";
        }

        var worst = bands == 2 ? 2 : 3;
        return "grade-" + Math.Min(3, (int)Math.Round((decimal)grade.Rank * worst / (bands - 1), MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The class of a trend status: trend-Improving …</summary>
    /// <param name="status">The trend.</param>
    public static string TrendClass(TrendStatus status) => "trend-" + status.ToString();

    /// <summary>The class of a forecast: forecast-OnTrack …</summary>
    /// <param name="status">The forecast.</param>
    public static string ForecastClass(ForecastStatus status) => "forecast-" + status.ToString();

    /// <summary>The colours of a class (the first status class among space-separated classes); null when none is a status class.</summary>
    /// <param name="cssClass">A class attribute (<c>grade grade-2</c>).</param>
    public static StatusColor? Of(string? cssClass)
    {
        if (string.IsNullOrEmpty(cssClass))
        {
            return null;
        }

        foreach (var c in cssClass.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var (name, color) in Table)
            {
                if (string.Equals(name, c, StringComparison.Ordinal))
                {
                    return color;
                }
            }
        }

        return null;
    }

    /// <summary>The CSS of every status class (badges on pages, cells in reports): <c>.grade-0 { color: …; background: …; border-color: … }</c>.</summary>
    public static string Css()
    {
        var sb = new StringBuilder();
        sb.Append("/* Generated from Sosei.Application.Common.StatusColors: change the colours there (a test keeps this file equal). */\n");
        foreach (var (name, color) in Table)
        {
            sb.Append('.').Append(name).Append(" { color: ").Append(color.Text).Append("; background: ").Append(color.Background)
                .Append("; border-color: ").Append(color.Border).Append("; }\n");
        }

        return sb.ToString();
    }
}
