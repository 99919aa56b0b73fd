using System.Globalization;
using System.Text;

namespace Sosei.Application.Charts;

/// <summary>One age group of a pyramid: persons by sex for the bars, and optionally for the outline.</summary>
/// <param name="Label">Age label shown in the middle (0～4歳, 90歳以上).</param>
/// <param name="Male">Men of the bars' year.</param>
/// <param name="Female">Women of the bars' year.</param>
/// <param name="OutlineMale">Men of the outline's year, or null.</param>
/// <param name="OutlineFemale">Women of the outline's year, or null.</param>
public sealed record PyramidRow(string Label, decimal Male, decimal Female, decimal? OutlineMale = null, decimal? OutlineFemale = null);

/// <summary>A population pyramid: males left, females right, youngest group at the bottom; one year as bars, another as an outline.</summary>
public sealed record PyramidSpec
{
    /// <summary>Accessible title.</summary>
    public required string Title { get; init; }

    /// <summary>Accessible description.</summary>
    public string? Description { get; init; }

    /// <summary>Age groups, youngest first.</summary>
    public required IReadOnlyList<PyramidRow> Rows { get; init; }

    /// <summary>Legend text of the bars (2015年 国勢調査).</summary>
    public required string BarsLabel { get; init; }

    /// <summary>Legend text of the outline, or null without an outline.</summary>
    public string? OutlineLabel { get; init; }

    /// <summary>Year of the bars (written as <c>data-bars</c> on the SVG, for scripts and tests).</summary>
    public int? BarsYear { get; init; }

    /// <summary>Year of the outline (<c>data-outline</c>).</summary>
    public int? OutlineYear { get; init; }

    /// <summary>Label of the male side.</summary>
    public string MaleLabel { get; init; } = "男性";

    /// <summary>Label of the female side.</summary>
    public string FemaleLabel { get; init; } = "女性";

    /// <summary>Label of a count on the axis and in tooltips.</summary>
    public Func<decimal, string> CountLabel { get; init; } = v => v.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Unit under the axis.</summary>
    public string? Unit { get; init; } = "人";

    /// <summary>Width in SVG units.</summary>
    public int Width { get; init; } = 720;
}

/// <summary>
/// Draws a <see cref="PyramidSpec"/> as standalone SVG (no script), like <see cref="LineChart"/>: deterministic, printable,
/// testable as markup. Both sides share one scale, so the two years compare directly.
/// </summary>
public static class PyramidChart
{
    private const string MaleColor = "#5b8bd6";
    private const string FemaleColor = "#e07a93";
    private const string OutlineColor = "#1d2433";
    private const int Top = 36;
    private const int Bottom = 58;
    private const int RowHeight = 18;
    private const int LabelWidth = 76;
    private const int Side = 30;

    /// <summary>Renders the pyramid; one without rows renders a frame with a message.</summary>
    public static string Render(PyramidSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var rows = spec.Rows;
        var height = Top + Bottom + (Math.Max(rows.Count, 1) * RowHeight);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {spec.Width} {height}\" role=\"img\" aria-labelledby=\"pyramid-title pyramid-desc\" class=\"pyramid-chart\"");
        if (spec.BarsYear is { } by)
        {
            sb.Append(CultureInfo.InvariantCulture, $" data-bars=\"{by}\"");
        }

        if (spec.OutlineYear is { } oy && spec.OutlineLabel is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $" data-outline=\"{oy}\"");
        }

        sb.Append('>');
        sb.Append("<title id=\"pyramid-title\">").Append(Escape(spec.Title)).Append("</title>");
        sb.Append("<desc id=\"pyramid-desc\">").Append(Escape(spec.Description ?? spec.Title)).Append("</desc>");
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{spec.Width}\" height=\"{height}\" fill=\"#ffffff\"/>");
        if (rows.Count == 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{spec.Width / 2}\" y=\"{height / 2}\" text-anchor=\"middle\" fill=\"#6b7280\">データがありません / No data</text></svg>");
            return sb.ToString();
        }

        var max = rows.SelectMany(r => new[] { r.Male, r.Female, r.OutlineMale ?? 0, r.OutlineFemale ?? 0 }).Max();
        var (_, scaleMax, step) = LineChart.NiceScale(0, max <= 0 ? 1 : max);
        var half = (spec.Width - LabelWidth - (2 * Side)) / 2.0;
        var centerLeft = Side + half;
        var centerRight = centerLeft + LabelWidth;
        double Length(decimal v) => (double)(v / scaleMax) * half;
        double RowTop(int i) => Top + ((rows.Count - 1 - i) * RowHeight);
        var plotBottom = Top + (rows.Count * RowHeight);

        // Side headings.
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(centerLeft - 4)}\" y=\"{Top - 12}\" text-anchor=\"end\" font-size=\"13\" font-weight=\"bold\" fill=\"{MaleColor}\">{Escape(spec.MaleLabel)}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(centerRight + 4)}\" y=\"{Top - 12}\" font-size=\"13\" font-weight=\"bold\" fill=\"{FemaleColor}\">{Escape(spec.FemaleLabel)}</text>");

        // Grid and axis labels, mirrored.
        for (var v = 0m; v <= scaleMax + (step / 2); v += step)
        {
            foreach (var (x, anchor) in new[] { (centerLeft - Length(v), "middle"), (centerRight + Length(v), "middle") })
            {
                sb.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{F(x)}\" x2=\"{F(x)}\" y1=\"{Top}\" y2=\"{plotBottom}\" stroke=\"#e5e8ee\"/>");
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{plotBottom + 16}\" text-anchor=\"{anchor}\" font-size=\"11\" fill=\"#4b5563\">{Escape(spec.CountLabel(v))}</text>");
            }
        }

        if (spec.Unit is { Length: > 0 })
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(centerLeft + (LabelWidth / 2.0))}\" y=\"{plotBottom + 16}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#4b5563\">({Escape(spec.Unit)})</text>");
        }

        // Bars and age labels.
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var y = RowTop(i) + 2;
            var h = RowHeight - 4;
            var male = Length(r.Male);
            var female = Length(r.Female);
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar male\" x=\"{F(centerLeft - male)}\" y=\"{F(y)}\" width=\"{F(male)}\" height=\"{h}\" fill=\"{MaleColor}\"><title>{Escape($"{spec.MaleLabel} {r.Label} {spec.BarsLabel}: {spec.CountLabel(r.Male)}")}</title></rect>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar female\" x=\"{F(centerRight)}\" y=\"{F(y)}\" width=\"{F(female)}\" height=\"{h}\" fill=\"{FemaleColor}\"><title>{Escape($"{spec.FemaleLabel} {r.Label} {spec.BarsLabel}: {spec.CountLabel(r.Female)}")}</title></rect>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(centerLeft + (LabelWidth / 2.0))}\" y=\"{F(RowTop(i) + (RowHeight / 2.0) + 4)}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#1d2433\">{Escape(r.Label)}</text>");
        }

        // Outline: a stepped line along the ends of the other year's bars, one per side.
        if (spec.OutlineLabel is not null && rows.All(r => r.OutlineMale is not null && r.OutlineFemale is not null))
        {
            sb.Append("<g class=\"outline\">");
            AppendOutline(sb, rows, i => centerLeft - Length(rows[i].OutlineMale!.Value), RowTop, centerLeft);
            AppendOutline(sb, rows, i => centerRight + Length(rows[i].OutlineFemale!.Value), RowTop, centerRight);
            sb.Append("</g>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{F(centerLeft)}\" x2=\"{F(centerLeft)}\" y1=\"{Top}\" y2=\"{plotBottom}\" stroke=\"#9aa3b2\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{F(centerRight)}\" x2=\"{F(centerRight)}\" y1=\"{Top}\" y2=\"{plotBottom}\" stroke=\"#9aa3b2\"/>");

        // Legend.
        var ly = height - 16.0;
        var lx = (double)Side;
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(lx)}\" y=\"{F(ly - 9)}\" width=\"10\" height=\"10\" fill=\"{MaleColor}\"/><rect x=\"{F(lx + 11)}\" y=\"{F(ly - 9)}\" width=\"10\" height=\"10\" fill=\"{FemaleColor}\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text class=\"legend-bars\" x=\"{F(lx + 27)}\" y=\"{F(ly)}\" font-size=\"12\" fill=\"#1d2433\">{Escape(spec.BarsLabel)}</text>");
        if (spec.OutlineLabel is not null)
        {
            lx += 60 + (spec.BarsLabel.Length * 12);
            sb.Append(CultureInfo.InvariantCulture, $"<path d=\"M{F(lx)},{F(ly - 9)} L{F(lx + 10)},{F(ly - 9)} L{F(lx + 10)},{F(ly)} L{F(lx + 20)},{F(ly)}\" fill=\"none\" stroke=\"{OutlineColor}\" stroke-width=\"2\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"legend-outline\" x=\"{F(lx + 27)}\" y=\"{F(ly)}\" font-size=\"12\" fill=\"#1d2433\">{Escape(spec.OutlineLabel)}</text>");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    private static void AppendOutline(StringBuilder sb, IReadOnlyList<PyramidRow> rows, Func<int, double> x, Func<int, double> rowTop, double center)
    {
        // From the axis at the bottom of the youngest group, up each group's end, back to the axis at the top.
        var path = new StringBuilder();
        var bottom = rowTop(0) + RowHeight;
        path.Append(CultureInfo.InvariantCulture, $"M{F(center)},{F(bottom)}");
        for (var i = 0; i < rows.Count; i++)
        {
            path.Append(CultureInfo.InvariantCulture, $" L{F(x(i))},{F(rowTop(i) + RowHeight)} L{F(x(i))},{F(rowTop(i))}");
        }

        path.Append(CultureInfo.InvariantCulture, $" L{F(center)},{F(rowTop(rows.Count - 1))}");
        sb.Append(CultureInfo.InvariantCulture, $"<path d=\"{path}\" fill=\"none\" stroke=\"{OutlineColor}\" stroke-width=\"2\" stroke-linejoin=\"miter\"/>");
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string s) => System.Security.SecurityElement.Escape(s);
}
