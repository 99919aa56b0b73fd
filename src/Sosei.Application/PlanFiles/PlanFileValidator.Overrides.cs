using System.Globalization;
using Sosei.Application.Common;
using Sosei.Domain.Periods;
using L = Sosei.Application.Common.FieldLimits;

namespace Sosei.Application.PlanFiles;

/// <summary>The grade overrides (評価の上書き) of a plan file: decisions of the secretariat or the council.</summary>
internal sealed partial class PlanFileValidator
{
    /// <summary>The forms of <c>decidedAt</c>: an instant with its offset, or a date (0時 in Japan).</summary>
    private static readonly string[] InstantFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mmzzz"];

    private List<ResolvedGradeOverride> ResolveGradeOverrides(PlanDocument doc, List<ResolvedKpi> kpis, List<ResolvedBand> bands)
    {
        var kpiCodes = kpis.Select(k => k.Code).ToHashSet(StringComparer.Ordinal);
        var codes = bands.Select(b => b.Code).ToList();
        var seen = new HashSet<(string, int)>();
        var result = new List<ResolvedGradeOverride>();
        for (var i = 0; i < doc.GradeOverrides.Count; i++)
        {
            var o = doc.GradeOverrides[i];
            var path = JsonPath.Of("gradeOverrides").At(i);
            Limit(o.Kpi, path.Then("kpi"), L.Code);
            Limit(o.Grade, path.Then("grade"), L.GradeCode);
            Limit(o.Reason, path.Then("reason"), L.LongText);
            Limit(o.DecidedBy, path.Then("decidedBy"), L.Name);
            Limit(o.DecidedAt, path.Then("decidedAt"), L.Text);
            var ok = true;
            var kpi = Required(o.Kpi, path.Then("kpi"), "KPIコード");
            if (kpi.Length == 0)
            {
                ok = false;
            }
            else if (!kpiCodes.Contains(kpi))
            {
                Problem(path.Then("kpi"), kpi, "KPI が kpis にありません。", "KPI not found in kpis.");
                ok = false;
            }

            if (o.Year is not { } year)
            {
                Problem(path.Then("year"), null, "年度（例: 2018 = 平成30年度）がありません。", "the fiscal year (e.g. 2018 for 平成30年度) is missing.");
                ok = false;
                year = 0;
            }
            else if (!FiscalYear.IsValid(year))
            {
                Problem(path.Then("year"), year.ToString(CultureInfo.InvariantCulture), new Message(
                    $"年度は {FiscalYear.MinYear}～{FiscalYear.MaxYear} の西暦の年（例: 2018 = 平成30年度）です。",
                    $"the fiscal year is a Gregorian year from {FiscalYear.MinYear} to {FiscalYear.MaxYear} (e.g. 2018 for 平成30年度)."));
                ok = false;
            }

            var grade = Required(o.Grade, path.Then("grade"), "評価");
            if (grade.Length == 0)
            {
                ok = false;
            }
            else if (!codes.Contains(grade, StringComparer.Ordinal))
            {
                Problem(path.Then("grade"), grade, new Message(
                    $"評価は計画の評価区分のコード（{string.Join(", ", codes)}）のいずれかです。",
                    $"the grade must be a code of the plan's grade bands ({string.Join(", ", codes)})."));
                ok = false;
            }

            if (string.IsNullOrWhiteSpace(o.Reason))
            {
                Problem(path.Then("reason"), o.Reason, "評価を変更する理由が空です（例: 有識者会議の意見により）。", "the reason for changing the grade is required (e.g. on the advice of the expert council).");
                ok = false;
            }

            DateTimeOffset? decidedAt = null;
            if (!string.IsNullOrWhiteSpace(o.DecidedAt))
            {
                decidedAt = InstantOf(o.DecidedAt.Trim());
                if (decidedAt is null)
                {
                    Problem(path.Then("decidedAt"), o.DecidedAt, "日時は 2019-09-30T00:00:00+09:00 のように時差を付けて書くか、日付（2019-09-30、日本時間の0時）にしてください。", "give an instant with its offset (2019-09-30T00:00:00+09:00) or a date (2019-09-30, 0:00 in Japan).");
                    ok = false;
                }
            }

            if (ok && !seen.Add((kpi, year)))
            {
                Problem(path, kpi, new Message(
                    $"この KPI の{new FiscalYear(year).ToJapanese()}の評価の上書きはすでにあります（KPI と年度ごとに1つ）。",
                    $"this KPI already has a grade override for {new FiscalYear(year).ToJapanese()} (one per KPI and year)."));
                ok = false;
            }

            if (ok)
            {
                result.Add(new ResolvedGradeOverride(kpi, year, grade, o.Reason.Trim(), string.IsNullOrWhiteSpace(o.DecidedBy) ? null : o.DecidedBy.Trim(), decidedAt));
            }
        }

        return result;
    }

    /// <summary>An instant as the plan file writes it, or a date taken as 0時 in Japan; null when it is neither.</summary>
    internal static DateTimeOffset? InstantOf(string text)
    {
        if (DateTimeOffset.TryParseExact(text, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant;
        }

        if (text.EndsWith('Z')
            && DateTime.TryParseExact(text[..^1], ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var utc))
        {
            return new DateTimeOffset(utc, TimeSpan.Zero);
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), JapanTime.Zone.GetUtcOffset(date.ToDateTime(TimeOnly.MinValue)))
            : null;
    }
}
