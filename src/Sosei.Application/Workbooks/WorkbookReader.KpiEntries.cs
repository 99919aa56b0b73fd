using System.Globalization;
using Sosei.Application.PlanFiles;
using Sosei.Domain.Periods;
using Sosei.Domain.Text;
using static Sosei.Application.Workbooks.WorkbookTemplate;

namespace Sosei.Application.Workbooks;

/// <summary>KPI comments and interim targets from their sheets, and the KPIs as plan-file entries with their cells.</summary>
public sealed partial class WorkbookReader
{
    private void ReadValueComments(List<KpiBuilder> kpis)
    {
        ReadList(Sheets.ValueComments, (row, index) =>
        {
            var code = row.Get("KPIコード")?.Trim();
            var kpi = kpis.FirstOrDefault(k => k.Code.Value == code);
            if (kpi is null)
            {
                Problem(row.Loc("KPIコード"), code, "この KPIコードは「KPI」シートにありません。", "no KPI with this code.");
                return 0;
            }

            var seriesCode = row.Get("項目コード")?.Trim();
            List<ValueCell> values;
            if (seriesCode is null)
            {
                values = kpi.Values;
            }
            else if (kpi.Series.FirstOrDefault(s => s.Code.Value == seriesCode) is { } series)
            {
                values = series.Values;
            }
            else
            {
                Problem(row.Loc("項目コード"), seriesCode, "この項目コードはその KPI にありません。", "the KPI has no series with this code.");
                return 0;
            }

            var period = row.Get("期間") ?? "";
            var kind = Words.ToEnglish(Words.PeriodKind, kpi.Get("periodKind")) == "CalendarYear" ? PeriodKind.CalendarYear : PeriodKind.FiscalYear;
            var parsed = PeriodParser.TryParse(period, kind, out var p, out _) ? p : (Period?)null;
            var value = values.FirstOrDefault(v => v.Period == period.Trim())
                ?? values.FirstOrDefault(v => parsed is not null && PeriodParser.TryParse(v.Period, kind, out var vp, out _) && vp == parsed);
            if (value is null)
            {
                Problem(row.Loc("期間"), period, "「KPI」シートにこの期間の実績値がありません（備考は値に付けます）。", "the KPI sheet has no value for this period (a comment belongs to a value).");
                return 0;
            }

            value.Comment = row.Get("備考");
            return 0;
        });
    }

    private void ReadInterimTargets(List<KpiBuilder> kpis)
    {
        ReadList(Sheets.InterimTargets, (row, index) =>
        {
            var code = row.Get("KPIコード")?.Trim();
            if (kpis.FirstOrDefault(k => k.Code.Value == code) is not { } kpi)
            {
                Problem(row.Loc("KPIコード"), code, "この KPIコードは「KPI」シートにありません。", "no KPI with this code.");
                return 0;
            }

            kpi.Interim.Add((new Text(row.Get("期間"), row.Loc("期間")), new Text(row.Get("目標値"), row.Loc("目標値")), row.RowLoc));
            return 0;
        });
    }

    private List<KpiEntry> BuildKpis(List<KpiBuilder> builders)
    {
        var result = new List<KpiEntry>();
        foreach (var k in builders)
        {
            var path = $"kpis[{result.Count}]";
            Map(path, k.Row);
            Map(path + ".code", k.Code.Where);
            Map(path + ".node", k.Node.Where);
            Map(path + ".name", k.Name.Where);
            Map(path + ".values", k.Row);
            Map(path + ".departments", k.DepartmentsCell);
            foreach (var (field, text) in k.Fields)
            {
                Map($"{path}.{field}", text.Where);
            }

            int? decimals = null;
            if (k.Get("decimals") is { } d)
            {
                if (int.TryParse(JapaneseText.FoldWidth(d).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
                {
                    decimals = parsed;
                }
                else
                {
                    Problem(k.Fields["decimals"].Where, d, "小数桁数は整数で書いてください（例: 1）。", "decimals must be an integer (e.g. 1).");
                }
            }

            var series = new List<SeriesEntry>();
            foreach (var s in k.Series)
            {
                var sp = $"{path}.series[{series.Count}]";
                Map(sp, s.Row);
                Map(sp + ".code", s.Code.Where);
                Map(sp + ".name", s.Name.Where);
                Map(sp + ".baseline", s.Baseline.Where);
                Map(sp + ".target", s.Target.Where);
                series.Add(new SeriesEntry { Code = s.Code.Value ?? "", Name = s.Name.Value ?? "", Baseline = s.Baseline.Value, Target = s.Target.Value, Values = Values(s.Values, sp + ".values") });
            }

            var interim = new List<PeriodValueEntry>();
            foreach (var (period, value, row) in k.Interim)
            {
                var ip = $"{path}.interimTargets[{interim.Count}]";
                Map(ip, row);
                Map(ip + ".period", period.Where);
                Map(ip + ".value", value.Where);
                interim.Add(new PeriodValueEntry(period.Value ?? "", value.Value ?? ""));
            }

            result.Add(new KpiEntry
            {
                Code = k.Code.Value ?? "",
                Node = k.Node.Value ?? "",
                Level = Words.ToEnglish(Words.KpiLevel, k.Get("level")) ?? "Measure",
                Name = k.Name.Value ?? "",
                Phrase = k.Get("phrase"),
                Unit = k.Get("unit"),
                Decimals = decimals,
                Direction = Words.ToEnglish(Words.Direction, k.Get("direction")),
                TargetKind = Words.ToEnglish(Words.TargetKind, k.Get("targetKind")),
                Baseline = k.Get("baseline"),
                BaselinePeriod = k.Get("baselinePeriod"),
                Target = k.Get("target"),
                TargetPeriod = k.Get("targetPeriod"),
                InterimTargets = interim,
                PeriodKind = Words.ToEnglish(Words.PeriodKind, k.Get("periodKind")),
                SeriesAggregation = Words.ToEnglish(Words.SeriesAggregation, k.Get("seriesAggregation")),
                Method = Words.ToEnglish(Words.Method, k.Get("method")),
                SurveyTiming = k.Get("surveyTiming"),
                PublicationTiming = k.Get("publicationTiming"),
                Source = k.Get("source"),
                Departments = [.. k.Departments],
                Note = k.Get("note"),
                Series = series,
                Values = Values(k.Values, path + ".values"),
            });
        }

        return result;
    }

    private List<PeriodValueEntry> Values(List<ValueCell> cells, string path)
    {
        var list = new List<PeriodValueEntry>();
        foreach (var v in cells)
        {
            var vp = $"{path}[{list.Count}]";
            Map(vp, v.Cell);
            Map(vp + ".value", v.Cell);
            Map(vp + ".period", v.Header);
            list.Add(new PeriodValueEntry(v.Period, v.Value, v.Comment));
        }

        return list;
    }
}
