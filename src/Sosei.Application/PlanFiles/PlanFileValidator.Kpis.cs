using Sosei.Application.Common;
using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;
using Sosei.Domain.Values;

namespace Sosei.Application.PlanFiles;

/// <summary>KPI part of the validator.</summary>
internal sealed partial class PlanFileValidator
{
    private static readonly Dictionary<string, KpiLevel> LevelWords = new(StringComparer.Ordinal)
    {
        ["数値目標"] = KpiLevel.Goal,
        ["KPI"] = KpiLevel.Measure,
        ["事業KPI"] = KpiLevel.Project,
    };

    private static readonly Dictionary<string, KpiDirection> DirectionWords = new(StringComparer.Ordinal)
    {
        ["増加"] = KpiDirection.Increase,
        ["減少"] = KpiDirection.Decrease,
        ["維持"] = KpiDirection.Maintain,
    };

    private ResolvedKpi? ResolveKpi(KpiEntry k, JsonPath path, int planStart, int planEnd, Func<string?, JsonPath, string> checkNode, Action<string, JsonPath> checkDepartment)
    {
        CheckLengths(k, path);
        var code = Required(k.Code, path.Then("code"), "KPIコード");
        var node = checkNode(k.Node, path.Then("node"));
        var name = Required(k.Name, path.Then("name"), "指標名");
        var level = ParseEnum(k.Level, path.Then("level"), KpiLevel.Measure, LevelWords);
        var yearKind = ParseEnum(k.PeriodKind, path.Then("periodKind"), PeriodKind.FiscalYear);
        if (yearKind is not (PeriodKind.FiscalYear or PeriodKind.CalendarYear))
        {
            Problem(path.Then("periodKind"), k.PeriodKind, "FiscalYear か CalendarYear を指定してください。", "expected FiscalYear or CalendarYear.");
            yearKind = PeriodKind.FiscalYear;
        }

        KpiDirection? explicitDirection = k.Direction is null ? null : ParseEnum(k.Direction, path.Then("direction"), KpiDirection.Increase, DirectionWords);
        TargetKind? explicitKind = k.TargetKind is null ? null : ParseEnum(k.TargetKind, path.Then("targetKind"), TargetKind.Level);
        var baselinePeriod = Range(k.BaselinePeriod, path.Then("baselinePeriod"), yearKind);

        KpiDefinition? fromPhrase = null;
        if (!string.IsNullOrWhiteSpace(k.Phrase) && planStart > 0)
        {
            var context = new TargetPhraseContext(new FiscalYear(planStart), new FiscalYear(planEnd), level, baselinePeriod?.First)
            {
                Direction = explicitDirection,
                Kind = explicitKind,
            };
            if (!TargetPhraseParser.TryParse(name, k.Phrase, context, out fromPhrase, out var error))
            {
                Problem(path.Then("phrase"), k.Phrase, error.JapaneseMessage, error.EnglishMessage);
            }
        }

        MeasuredValue? baseline = null;
        if (!string.IsNullOrWhiteSpace(k.Baseline))
        {
            baseline = Value(k.Baseline, path.Then("baseline"), yearKind);
            if (baseline is not null && baselinePeriod is null)
            {
                baselinePeriod = baseline.Period;
            }
        }

        MeasuredValue? target = null;
        string? reference = null;
        if (!string.IsNullOrWhiteSpace(k.Target))
        {
            if (ValueParser.IsReferenceTarget(k.Target, out var r))
            {
                reference = r;
            }
            else
            {
                target = Value(k.Target, path.Then("target"), yearKind);
            }
        }

        var targetPeriod = Range(k.TargetPeriod, path.Then("targetPeriod"), yearKind) ?? target?.Period ?? fromPhrase?.Target?.Period;
        if (targetPeriod is null && planEnd > 0 && (target is not null || reference is not null))
        {
            targetPeriod = PeriodRange.Of(Period.OfFiscalYear(planEnd));
        }

        // A target written with its window (「(H27~H31累計):10,000人」) is a total over that window, as a phrase saying 累計 is.
        var cumulativeTarget = target is not null && target.Qualifiers.HasFlag(ValueQualifiers.Cumulative);
        var targetKind = explicitKind ?? (reference is not null ? TargetKind.Relative
            : fromPhrase?.TargetKind ?? (cumulativeTarget ? TargetKind.Cumulative : TargetKind.Level));
        var direction = explicitDirection ?? fromPhrase?.Direction ?? KpiDirection.Increase;

        // Series and values.
        var series = new List<ResolvedSeries>();
        var values = new List<ResolvedValue>();
        var seriesCodes = new HashSet<string>(StringComparer.Ordinal);
        var firstUnit = target?.Unit is { Length: > 0 } ? target.Unit : baseline?.Unit is { Length: > 0 } ? baseline.Unit : fromPhrase?.Unit ?? "";
        var decimals = Math.Max(target?.Decimals ?? 0, baseline?.Decimals ?? 0);
        string? displayUnit = target?.DisplayUnit is { Length: > 0 } ? target.DisplayUnit : baseline?.DisplayUnit is { Length: > 0 } ? baseline.DisplayUnit : fromPhrase?.DisplayUnit;

        if (k.Values.Count > 0 && k.Series.Count > 0)
        {
            Problem(path.Then("values"), null, "項目（series）のあるKPIの実績値は各 series の values に書いてください。", "a KPI with series keeps its values in its series.");
        }

        for (var j = 0; j < k.Series.Count; j++)
        {
            var s = k.Series[j];
            var sp = path.Then("series").At(j);
            var sCode = Required(s.Code, sp.Then("code"), "項目コード");
            var sName = Required(s.Name, sp.Then("name"), "項目名");
            if (sCode.Length > 0 && !seriesCodes.Add(sCode))
            {
                Problem(sp.Then("code"), sCode, "項目コードが重複しています。", "duplicate series code.");
            }

            var sb = string.IsNullOrWhiteSpace(s.Baseline) ? null : Value(s.Baseline, sp.Then("baseline"), yearKind);
            var st = string.IsNullOrWhiteSpace(s.Target) || ValueParser.IsReferenceTarget(s.Target) ? null : Value(s.Target, sp.Then("target"), yearKind);
            var sValues = ResolveValues(s.Values, sp.Then("values"), sCode, yearKind);
            var sUnit = st?.Unit is { Length: > 0 } ? st.Unit : sb?.Unit is { Length: > 0 } ? sb.Unit : sValues.Select(v => v.Value.Unit).FirstOrDefault(u => u.Length > 0) ?? "";
            var sDisplay = st?.DisplayUnit is { Length: > 0 } ? st.DisplayUnit : sb?.DisplayUnit is { Length: > 0 } ? sb.DisplayUnit : sValues.Select(v => v.Value.DisplayUnit).FirstOrDefault(u => u.Length > 0);
            if (firstUnit.Length == 0)
            {
                firstUnit = sUnit;
                displayUnit ??= sDisplay;
            }

            CheckUnits(sValues, sUnit, sp.Then("values"));
            decimals = Math.Max(decimals, Math.Max(st?.Decimals ?? 0, sb?.Decimals ?? 0));
            values.AddRange(sValues);
            series.Add(new ResolvedSeries(
                sCode, sName, j,
                sUnit == firstUnit ? null : sUnit, sUnit == firstUnit ? null : sDisplay,
                sb?.Amount, s.Baseline, st?.Amount, s.Target));
        }

        var ownValues = ResolveValues(k.Values, path.Then("values"), null, yearKind);
        if (firstUnit.Length == 0)
        {
            firstUnit = ownValues.Select(v => v.Value.Unit).FirstOrDefault(u => u.Length > 0) ?? "";
            displayUnit ??= ownValues.Select(v => v.Value.DisplayUnit).FirstOrDefault(u => u.Length > 0);
        }

        var unit = k.Unit?.Trim() ?? firstUnit;
        if (k.Unit is not null && !Units.TryNormalize(k.Unit.Trim(), out unit, out var unitProblem))
        {
            Problem(path.Then("unit"), k.Unit, $"単位として読めません（{unitProblem}）。", $"not a unit ({unitProblem}).");
            unit = firstUnit;
        }

        CheckUnits(ownValues, unit, path.Then("values"));
        if (target is not null && target.Unit.Length > 0 && unit.Length > 0 && target.Unit != unit)
        {
            Problem(path.Then("target"), k.Target, $"単位が指標の単位（{unit}）と違います。", $"unit differs from the KPI's unit ({unit}).");
        }

        if (baseline is not null && baseline.Unit.Length > 0 && unit.Length > 0 && baseline.Unit != unit)
        {
            Problem(path.Then("baseline"), k.Baseline, $"単位が指標の単位（{unit}）と違います。", $"unit differs from the KPI's unit ({unit}).");
        }

        values.AddRange(ownValues);
        decimals = Math.Max(decimals, values.Select(v => v.Value.Decimals).DefaultIfEmpty(0).Max());
        if (k.Decimals is { } d)
        {
            if (d is < 0 or > 8)
            {
                Problem(path.Then("decimals"), d.ToString(System.Globalization.CultureInfo.InvariantCulture), "小数点以下の桁数は 0～8 です。", "decimals must be 0–8.");
            }
            else
            {
                decimals = d;
            }
        }

        var interim = new List<ResolvedInterim>();
        for (var j = 0; j < k.InterimTargets.Count; j++)
        {
            var it = k.InterimTargets[j];
            var ip = path.Then("interimTargets").At(j);
            var period = Single(it.Period, ip.Then("period"), yearKind);
            var value = Value(it.Value, ip.Then("value"), yearKind);
            if (period is not null && value is not null)
            {
                if (value.Amount is null)
                {
                    Problem(ip.Then("value"), it.Value, "中間目標には数値が必要です。", "an interim target needs a number.");
                }
                else
                {
                    interim.Add(new ResolvedInterim(null, period.Value, value.Amount.Value, it.Value));
                }
            }
        }

        foreach (var (dept, j) in k.Departments.Select((x, j) => (x, j)))
        {
            checkDepartment(dept, path.Then("departments").At(j));
        }

        decimal? targetValue = reference is not null ? 0m : target?.Amount ?? fromPhrase?.Target?.Value;
        return new ResolvedKpi
        {
            Code = code,
            NodeCode = node,
            Order = 0,
            Name = name,
            Level = level,
            Unit = unit,
            DisplayUnit = string.IsNullOrEmpty(displayUnit) || displayUnit == unit ? null : displayUnit,
            Decimals = decimals,
            Direction = direction,
            TargetKind = targetKind,
            BaselineValue = baseline?.Amount ?? fromPhrase?.Baseline?.Value,
            BaselinePeriod = baselinePeriod ?? fromPhrase?.Baseline?.Period,
            BaselineText = k.Baseline,
            TargetValue = targetValue,
            TargetPeriod = targetPeriod,
            TargetReference = reference,
            TargetText = k.Target,
            Phrase = k.Phrase,
            SeriesAggregation = string.IsNullOrWhiteSpace(k.SeriesAggregation) ? null : ParseEnum(k.SeriesAggregation, path.Then("seriesAggregation"), SeriesAggregation.All),
            PeriodKind = yearKind,
            Method = k.Method is null ? null : ParseEnum(k.Method, path.Then("method"), AchievementMethod.RatioToTarget),
            SurveyTiming = k.SurveyTiming,
            PublicationTiming = k.PublicationTiming,
            Source = k.Source,
            Note = k.Note,
            Departments = k.Departments,
            Series = series,
            Values = values,
            InterimTargets = interim,
        };
    }

    private List<ResolvedValue> ResolveValues(List<PeriodValueEntry> entries, JsonPath path, string? seriesCode, PeriodKind yearKind)
    {
        var list = new List<ResolvedValue>();
        var seen = new HashSet<Period>();
        for (var j = 0; j < entries.Count; j++)
        {
            var e = entries[j];
            var period = Single(e.Period, path.At(j).Then("period"), yearKind);
            var value = Value(e.Value, path.At(j).Then("value"), yearKind);
            if (period is null || value is null)
            {
                continue;
            }

            if (!seen.Add(period.Value))
            {
                Problem(path.At(j).Then("period"), e.Period, "同じ期間の値が二つあります。", "two values for the same period.");
                continue;
            }

            list.Add(new ResolvedValue(seriesCode, period.Value, value, e.Comment, ReferenceScore(e.ReferenceScore, path.At(j).Then("referenceScore"), yearKind)));
        }

        return list;
    }

    /// <summary>The reference's own value beside a difference (全国平均 63.5); a text without a number is a problem.</summary>
    private decimal? ReferenceScore(string? text, JsonPath path, PeriodKind yearKind)
    {
        if (string.IsNullOrWhiteSpace(text) || Value(text, path, yearKind) is not { } value)
        {
            return null;
        }

        if (value.Amount is null)
        {
            Problem(path, text, "全国平均などの基準となる値が数値ではありません。", "the reference score (全国平均 …) is not a number.");
        }

        return value.Amount;
    }

    private void CheckUnits(List<ResolvedValue> values, string unit, JsonPath path)
    {
        if (unit.Length == 0)
        {
            return;
        }

        for (var j = 0; j < values.Count; j++)
        {
            var v = values[j].Value;
            if (v.Unit.Length > 0 && v.Unit != unit)
            {
                Problem(path.At(j).Then("value"), v.OriginalText, $"単位が指標の単位（{unit}）と違います。", $"unit differs from the KPI's unit ({unit}).");
            }
        }
    }
}
