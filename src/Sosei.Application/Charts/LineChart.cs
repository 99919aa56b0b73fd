using System.Globalization;
using System.Text;
using Sosei.Domain.Values;

namespace Sosei.Application.Charts;

/// <summary>How a series is drawn.</summary>
public enum SeriesStyle
{
    /// <summary>Solid line with round markers (actuals).</summary>
    Line = 0,

    /// <summary>Dashed line with markers (targets, projections).</summary>
    Dashed = 1,

    /// <summary>Markers only (interim targets, baseline).</summary>
    Markers = 2,

    /// <summary>Dotted line without markers (a trend or path).</summary>
    Dotted = 3,

    /// <summary>Dashed line without markers (the straight path from baseline to target).</summary>
    DashedLine = 4,
}

/// <summary>Marker shape.</summary>
public enum MarkerShape
{
    /// <summary>Circle.</summary>
    Circle = 0,

    /// <summary>Diamond.</summary>
    Diamond = 1,

    /// <summary>Square.</summary>
    Square = 2,

    /// <summary>Triangle.</summary>
    Triangle = 3,
}

/// <summary>A point; <see cref="Hollow"/> marks a provisional or reference value.</summary>
/// <param name="X">Position on the x axis (a year).</param>
/// <param name="Y">Value; null leaves a gap.</param>
/// <param name="Hollow">Draw the marker hollow (provisional / reference).</param>
/// <param name="Tooltip">Text shown on hover (SVG title).</param>
public sealed record ChartPoint(decimal X, decimal? Y, bool Hollow = false, string? Tooltip = null);

/// <summary>A named series.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="Points">Points, in any order (sorted by X when drawn).</param>
/// <param name="Style">Line style.</param>
/// <param name="Color">CSS colour.</param>
/// <param name="Marker">Marker shape.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points, SeriesStyle Style, string Color, MarkerShape Marker = MarkerShape.Circle);

/// <summary>A line chart over years.</summary>
public sealed record LineChartSpec
{
    /// <summary>Accessible title.</summary>
    public required string Title { get; init; }

    /// <summary>Accessible description (what the chart shows, in words).</summary>
    public string? Description { get; init; }

    /// <summary>Series.</summary>
    public required IReadOnlyList<ChartSeries> Series { get; init; }

    /// <summary>Label of an x value (a year → "R6" or "2024").</summary>
    public Func<decimal, string> XLabel { get; init; } = x => x.ToString("0", CultureInfo.InvariantCulture);

    /// <summary>Label of a y value.</summary>
    public Func<decimal, string> YLabel { get; init; } = AxisNumber;

    /// <summary>An axis number as <see cref="ValueFormatter"/> writes numbers: separators, up to two decimals, △ for negatives.</summary>
    /// <param name="y">The number.</param>
    public static string AxisNumber(decimal y) => ValueFormatter.Number(y, Math.Min(ValueFormatter.ScaleOf(decimal.Round(y, 2, MidpointRounding.AwayFromZero)), 2));

    /// <summary>Unit shown above the y axis.</summary>
    public string? YUnit { get; init; }

    /// <summary>Width in SVG units.</summary>
    public int Width { get; init; } = 720;

    /// <summary>Height in SVG units.</summary>
    public int Height { get; init; } = 320;

    /// <summary>Whether the y axis starts at zero (default) or fits the data.</summary>
    public bool YFromZero { get; init; } = true;
}

/// <summary>
/// Draws a <see cref="LineChartSpec"/> as standalone SVG markup (no script, no external resources), used on pages,
/// in PDF reports and in exports. Output is deterministic for the same input.
/// </summary>
public static class LineChart
{
    private const int Left = 64;
    private const int Right = 16;
    private const int Top = 28;
    private const int Bottom = 64;

    /// <summary>Renders the chart; a chart without any value renders an empty frame with a message.</summary>
    public static string Render(LineChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var points = spec.Series.SelectMany(s => s.Points).ToList();
        var ys = points.Where(p => p.Y.HasValue).Select(p => p.Y!.Value).ToList();
        var xs = points.Select(p => p.X).ToList();

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {spec.Width} {spec.Height}\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" class=\"line-chart\">");
        sb.Append("<title id=\"chart-title\">").Append(Escape(spec.Title)).Append("</title>");
        sb.Append("<desc id=\"chart-desc\">").Append(Escape(spec.Description ?? spec.Title)).Append("</desc>");
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{spec.Width}\" height=\"{spec.Height}\" fill=\"#ffffff\"/>");

        if (ys.Count == 0 || xs.Count == 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{spec.Width / 2}\" y=\"{spec.Height / 2}\" text-anchor=\"middle\" fill=\"#6b7280\">データがありません / No data</text></svg>");
            return sb.ToString();
        }

        var (yMin, yMax, yStep) = NiceScale(spec.YFromZero ? Math.Min(0, ys.Min()) : ys.Min(), ys.Max());
        var xMin = xs.Min();
        var xMax = xs.Max();
        if (xMax == xMin)
        {
            xMin -= 1;
            xMax += 1;
        }

        var plotW = spec.Width - Left - Right;
        var plotH = spec.Height - Top - Bottom;
        double Px(decimal x) => Left + (double)((x - xMin) / (xMax - xMin)) * plotW;
        double Py(decimal y) => Top + plotH - (double)((y - yMin) / (yMax - yMin)) * plotH;

        // Grid and y labels.
        for (var y = yMin; y <= yMax + (yStep / 2); y += yStep)
        {
            var py = Py(y);
            sb.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{Left}\" x2=\"{Left + plotW}\" y1=\"{F(py)}\" y2=\"{F(py)}\" stroke=\"#e5e8ee\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{F(py + 4)}\" text-anchor=\"end\" font-size=\"11\" fill=\"#4b5563\">{Escape(spec.YLabel(y))}</text>");
        }

        if (spec.YUnit is { Length: > 0 })
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Top - 12}\" text-anchor=\"end\" font-size=\"11\" fill=\"#4b5563\">({Escape(spec.YUnit)})</text>");
        }

        // X axis with one label per whole year.
        sb.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Left}\" x2=\"{Left + plotW}\" y1=\"{F(Top + plotH)}\" y2=\"{F(Top + plotH)}\" stroke=\"#9aa3b2\"/>");
        var years = (int)(xMax - xMin);
        var every = years <= 12 ? 1 : years <= 30 ? 5 : 10;
        for (var x = Math.Ceiling(xMin); x <= xMax; x++)
        {
            if ((int)(x - Math.Ceiling(xMin)) % every != 0)
            {
                continue;
            }

            var px = Px(x);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(px)}\" x2=\"{F(px)}\" y1=\"{F(Top + plotH)}\" y2=\"{F(Top + plotH + 4)}\" stroke=\"#9aa3b2\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(px)}\" y=\"{F(Top + plotH + 18)}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#4b5563\">{Escape(spec.XLabel(x))}</text>");
        }

        // Series.
        foreach (var s in spec.Series)
        {
            var pts = s.Points.OrderBy(p => p.X).ToList();
            if (s.Style != SeriesStyle.Markers)
            {
                var dash = s.Style switch
                {
                    SeriesStyle.Dashed or SeriesStyle.DashedLine => " stroke-dasharray=\"6 4\"",
                    SeriesStyle.Dotted => " stroke-dasharray=\"2 3\"",
                    _ => "",
                };
                foreach (var run in Runs(pts))
                {
                    if (run.Count < 2)
                    {
                        continue;
                    }

                    var path = string.Join(' ', run.Select((p, i) => (i == 0 ? "M" : "L") + F(Px(p.X)) + "," + F(Py(p.Y!.Value))));
                    sb.Append(CultureInfo.InvariantCulture, $"<path d=\"{path}\" fill=\"none\" stroke=\"{s.Color}\" stroke-width=\"2\"{dash}/>");
                }
            }

            if (s.Style is not (SeriesStyle.Dotted or SeriesStyle.DashedLine))
            {
                foreach (var p in pts.Where(p => p.Y.HasValue))
                {
                    AppendMarker(sb, s.Marker, Px(p.X), Py(p.Y!.Value), s.Color, p.Hollow, p.Tooltip);
                }
            }
        }

        // Legend.
        var lx = (double)Left;
        var ly = spec.Height - 18.0;
        foreach (var s in spec.Series)
        {
            var dash = s.Style switch
            {
                SeriesStyle.Dashed or SeriesStyle.DashedLine => " stroke-dasharray=\"6 4\"",
                SeriesStyle.Dotted => " stroke-dasharray=\"2 3\"",
                _ => "",
            };
            if (s.Style != SeriesStyle.Markers)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(lx)}\" x2=\"{F(lx + 22)}\" y1=\"{F(ly)}\" y2=\"{F(ly)}\" stroke=\"{s.Color}\" stroke-width=\"2\"{dash}/>");
            }

            if (s.Style is not (SeriesStyle.Dotted or SeriesStyle.DashedLine))
            {
                AppendMarker(sb, s.Marker, lx + 11, ly, s.Color, false, null);
            }

            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(lx + 28)}\" y=\"{F(ly + 4)}\" font-size=\"11\" fill=\"#1d2433\">{Escape(s.Name)}</text>");
            lx += 40 + (s.Name.Length * 11);
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>Rounds an axis range to 1/2/5 × 10ⁿ steps with about five intervals.</summary>
    internal static (decimal Min, decimal Max, decimal Step) NiceScale(decimal min, decimal max)
    {
        if (max == min)
        {
            var pad = max == 0 ? 1 : Math.Abs(max) / 10;
            min -= pad;
            max += pad;
        }

        var raw = (double)(max - min) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var residual = raw / magnitude;
        var nice = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10;
        var step = (decimal)(nice * magnitude);
        var lo = Math.Floor(min / step) * step;
        var hi = Math.Ceiling(max / step) * step;
        return (lo, hi == lo ? lo + step : hi, step);
    }

    private static IEnumerable<List<ChartPoint>> Runs(List<ChartPoint> points)
    {
        var run = new List<ChartPoint>();
        foreach (var p in points)
        {
            if (p.Y is null)
            {
                if (run.Count > 0)
                {
                    yield return run;
                }

                run = [];
            }
            else
            {
                run.Add(p);
            }
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static void AppendMarker(StringBuilder sb, MarkerShape shape, double x, double y, string color, bool hollow, string? tooltip)
    {
        var fill = hollow ? "#ffffff" : color;
        var open = tooltip is null ? "" : "<g>";
        sb.Append(open);
        switch (shape)
        {
            case MarkerShape.Diamond:
                sb.Append(CultureInfo.InvariantCulture, $"<path d=\"M{F(x)},{F(y - 6)} L{F(x + 6)},{F(y)} L{F(x)},{F(y + 6)} L{F(x - 6)},{F(y)} Z\" fill=\"{fill}\" stroke=\"{color}\" stroke-width=\"1.5\"/>");
                break;
            case MarkerShape.Square:
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x - 4.5)}\" y=\"{F(y - 4.5)}\" width=\"9\" height=\"9\" fill=\"{fill}\" stroke=\"{color}\" stroke-width=\"1.5\"/>");
                break;
            case MarkerShape.Triangle:
                sb.Append(CultureInfo.InvariantCulture, $"<path d=\"M{F(x)},{F(y - 6)} L{F(x + 6)},{F(y + 5)} L{F(x - 6)},{F(y + 5)} Z\" fill=\"{fill}\" stroke=\"{color}\" stroke-width=\"1.5\"/>");
                break;
            default:
                sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"4.5\" fill=\"{fill}\" stroke=\"{color}\" stroke-width=\"1.5\"/>");
                break;
        }

        if (tooltip is not null)
        {
            sb.Append("<title>").Append(Escape(tooltip)).Append("</title></g>");
        }
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string s) => System.Security.SecurityElement.Escape(s);
}
