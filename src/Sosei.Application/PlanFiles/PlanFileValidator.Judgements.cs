using System.Globalization;
using Sosei.Application.Common;
using Sosei.Domain.Kpis;

namespace Sosei.Application.PlanFiles;

/// <summary>The published judgements (効果検証 as the municipality published it) of a plan file.</summary>
internal sealed partial class PlanFileValidator
{
    private List<ResolvedJudgement> ResolveJudgements(PlanDocument doc, List<ResolvedNode> nodes, List<ResolvedKpi> kpis, List<ResolvedBand> bands)
    {
        var goals = nodes.Where(n => n.ParentCode is null).Select(n => n.Code).ToHashSet(StringComparer.Ordinal);
        var allNodes = nodes.Select(n => n.Code).ToHashSet(StringComparer.Ordinal);
        var kpiCodes = kpis.Select(k => k.Code).ToHashSet(StringComparer.Ordinal);
        var thresholds = bands.Where(b => !b.NoData && b.MinRate is not null).Select(b => b.MinRate!.Value).ToList();
        var codes = bands.Select(b => b.Code).ToList();
        var years = new HashSet<int>();
        var result = new List<ResolvedJudgement>();
        for (var i = 0; i < doc.PublishedJudgements.Count; i++)
        {
            var j = doc.PublishedJudgements[i];
            var path = JsonPath.Of("publishedJudgements").At(i);
            CheckLengths(j, path);
            var year = FiscalYearOf(j.FiscalYear, path.Then("fiscalYear"), required: true);
            if (year is not null && !years.Add(year.Value))
            {
                Problem(path.Then("fiscalYear"), j.FiscalYear, "この年度の公表された評価はすでにあります（1年度に1つ）。", "a published judgement for this fiscal year is already listed (one per year).");
            }

            decimal? threshold = null;
            if (j.ThresholdPercent is not { } percent)
            {
                Problem(path.Then("thresholdPercent"), null, "公表の閾値（%、例: 80）がありません。", "the published threshold (percent, e.g. 80) is missing.");
            }
            else if (!thresholds.Contains(percent / 100m))
            {
                // Sosei counts its own tally from the plan's grades, so the line must be one of the plan's band thresholds.
                var list = string.Join(", ", thresholds.Select(t => (t * 100m).ToString("0.##", CultureInfo.InvariantCulture)));
                Problem(path.Then("thresholdPercent"), percent.ToString(CultureInfo.InvariantCulture), new Message(
                    $"閾値は計画の評価区分の下限（{list}）のいずれかにしてください。Sosei の集計は計画の評価区分で数えます。",
                    $"the threshold must be a lower limit of the plan's grade bands ({list}): Sosei counts its own tally with the plan's grades."));
            }
            else
            {
                threshold = percent / 100m;
            }

            var tallies = new List<ResolvedTally>();
            var tallyNodes = new HashSet<string>(StringComparer.Ordinal);
            for (var t = 0; t < j.Tallies.Count; t++)
            {
                var entry = j.Tallies[t];
                var tpath = path.Then("tallies").At(t);
                var node = Required(entry.Node, tpath.Then("node"), "基本目標のノード");
                if (node.Length > 0 && !goals.Contains(node))
                {
                    Problem(tpath.Then("node"), node, allNodes.Contains(node)
                        ? new Message("集計は基本目標（最上位のノード）ごとです。", "a tally belongs to a 基本目標 (a top-level node).")
                        : new Message("ノードが nodes にありません。", "node not found in nodes."));
                    continue;
                }

                if (node.Length > 0 && !tallyNodes.Add(node))
                {
                    Problem(tpath.Then("node"), node, "この基本目標の集計はすでにあります。", "this 基本目標 already has a tally.");
                    continue;
                }

                foreach (var (name, level, counts) in new[] { ("goal", KpiLevel.Goal, entry.Goal), ("measure", KpiLevel.Measure, entry.Measure), ("project", KpiLevel.Project, entry.Project) })
                {
                    if (counts is null)
                    {
                        continue;
                    }

                    var ok = true;
                    foreach (var (field, n) in new[] { ("reached", counts.Reached), ("below", counts.Below) })
                    {
                        if (n < 0)
                        {
                            Problem(tpath.Then(name).Then(field), n.ToString(CultureInfo.InvariantCulture), "件数は0以上です。", "a count is 0 or more.");
                            ok = false;
                        }
                    }

                    if (ok)
                    {
                        tallies.Add(new ResolvedTally(node, level, counts.Reached, counts.Below));
                    }
                }
            }

            var grades = new List<ResolvedPublishedGrade>();
            var gradeKpis = new HashSet<string>(StringComparer.Ordinal);
            for (var g = 0; g < j.Grades.Count; g++)
            {
                var entry = j.Grades[g];
                var gpath = path.Then("grades").At(g);
                var kpi = Required(entry.Kpi, gpath.Then("kpi"), "KPIコード");
                var grade = Required(entry.Grade, gpath.Then("grade"), "評価");
                if (kpi.Length > 0 && !kpiCodes.Contains(kpi))
                {
                    Problem(gpath.Then("kpi"), kpi, "KPI が kpis にありません。", "KPI not found in kpis.");
                    continue;
                }

                if (kpi.Length > 0 && !gradeKpis.Add(kpi))
                {
                    Problem(gpath.Then("kpi"), kpi, "この KPI の公表された評価はすでにあります。", "this KPI already has a published grade.");
                    continue;
                }

                if (grade.Length > 0 && !codes.Contains(grade, StringComparer.Ordinal))
                {
                    Problem(gpath.Then("grade"), grade, new Message(
                        $"評価は計画の評価区分のコード（{string.Join(", ", codes)}）のいずれかです。",
                        $"the grade must be a code of the plan's grade bands ({string.Join(", ", codes)})."));
                    continue;
                }

                grades.Add(new ResolvedPublishedGrade(kpi, grade, entry.Note));
            }

            if (year is not null && threshold is not null)
            {
                result.Add(new ResolvedJudgement(year.Value, threshold.Value, j.Source, j.Note, tallies, grades));
            }
        }

        return result;
    }
}
