using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sosei.Application.Persistence;
using Sosei.Application.Plans;
using Sosei.Domain.Periods;

namespace Sosei.Application.PlanFiles;

/// <summary>
/// Writes a stored plan back as a plan file. Texts are exported as they were imported or entered (original value
/// texts, target phrases), periods in unambiguous Japanese forms (令和6年度, 令和2年10月1日), and every setting the
/// parsers could infer (unit, direction, target kind) explicitly, so that importing the file into an empty database
/// gives the same data.
/// </summary>
public sealed class PlanFileExporter(SoseiDbContext db)
{
    /// <summary>Exports a plan; null when there is no plan with that code.</summary>
    public async Task<PlanDocument?> ExportAsync(string planCode, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.AsNoTracking()
            .Include(p => p.Organization!).ThenInclude(o => o.Departments)
            .Include(p => p.Region!).ThenInclude(r => r.Members).ThenInclude(m => m.Organization)
            .Include(p => p.Levels).Include(p => p.GradeBands).Include(p => p.Revisions).Include(p => p.Nodes)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Code == planCode, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var kpis = await db.Kpis.AsNoTracking().Where(k => k.PlanId == plan.Id)
            .Include(k => k.Series).Include(k => k.Values).Include(k => k.InterimTargets)
            .Include(k => k.Departments).ThenInclude(d => d.Department)
            .Include(k => k.HomeNode)
            .AsSplitQuery().ToListAsync(cancellationToken);
        var projects = await db.Projects.AsNoTracking().Where(p => p.PlanId == plan.Id)
            .Include(p => p.Partners).ThenInclude(x => x.Organization)
            .Include(p => p.Kpis).ThenInclude(x => x.Kpi)
            .Include(p => p.BudgetLines).ThenInclude(b => b.Organization)
            .Include(p => p.Grants).Include(p => p.HomeNode).Include(p => p.Department)
            .AsSplitQuery().ToListAsync(cancellationToken);
        var relistings = await db.Relistings.AsNoTracking().Where(r => r.PlanId == plan.Id)
            .Include(r => r.Node).Include(r => r.Kpi).Include(r => r.Project).ToListAsync(cancellationToken);
        var councils = await db.Councils.AsNoTracking().Where(c => c.PlanId == plan.Id)
            .Include(c => c.Members).Include(c => c.Meetings).ToListAsync(cancellationToken);
        var targets = await db.PopulationTargets.AsNoTracking().Where(t => t.PlanId == plan.Id).OrderBy(t => t.SortOrder).ToListAsync(cancellationToken);
        var judgements = await db.PublishedJudgements.AsNoTracking().Where(j => j.PlanId == plan.Id)
            .Include(j => j.Tallies).ThenInclude(t => t.Node).Include(j => j.Grades).ThenInclude(g => g.Kpi)
            .OrderBy(j => j.FiscalYear).AsSplitQuery().ToListAsync(cancellationToken);
        var kpiIds = kpis.Select(k => k.Id).ToList();
        var overrides = await db.GradeOverrides.AsNoTracking().Where(o => kpiIds.Contains(o.KpiId)).ToListAsync(cancellationToken);
        var nodeOrder = Evaluation.PlanEvaluator.TreeOrder(plan);
        var kpiCodes = kpis.ToDictionary(k => k.Id, k => k.Code);
        var kpiOrder = kpis.OrderBy(k => nodeOrder.GetValueOrDefault(k.HomeNodeId, int.MaxValue)).ThenBy(k => k.SortOrder).Select((k, i) => (k.Id, i)).ToDictionary(x => x.Id, x => x.i);

        // Every organization referred to: the owner, partners, budget members, region members.
        var orgs = new Dictionary<string, OrganizationEntry>(StringComparer.Ordinal);
        void AddOrg(Organizations.Organization? o, bool withDepartments = false)
        {
            if (o is null || orgs.ContainsKey(o.Code))
            {
                return;
            }

            orgs[o.Code] = new OrganizationEntry
            {
                Code = o.Code,
                Name = o.Name,
                Kind = o.Kind.ToString(),
                Prefecture = o.Prefecture,
                Departments = withDepartments ? o.Departments.OrderBy(d => d.SortOrder).ThenBy(d => d.Name, StringComparer.Ordinal).Select(d => d.Name).ToList() : [],
            };
        }

        AddOrg(plan.Organization, withDepartments: true);
        foreach (var m in plan.Region?.Members ?? [])
        {
            AddOrg(m.Organization);
        }

        foreach (var p in projects)
        {
            foreach (var x in p.Partners)
            {
                AddOrg(x.Organization);
            }

            foreach (var b in p.BudgetLines)
            {
                AddOrg(b.Organization);
            }
        }

        var children = plan.Nodes.ToLookup(n => n.ParentId);
        List<NodeEntry> Nodes(int? parent) => children[parent].OrderBy(n => n.SortOrder).Select(n => new NodeEntry
        {
            Code = n.Code,
            Label = n.Label,
            Title = n.Title,
            Description = n.Description,
            Children = Nodes(n.Id),
        }).ToList();

        var homeOrder = plan.Nodes.ToDictionary(n => n.Id, n => n);
        string NodePath(int id)
        {
            // Document order: parents' sort orders from the top.
            var parts = new List<int>();
            for (PlanNode? n = homeOrder[id]; n is not null; n = n.ParentId is { } pid ? homeOrder[pid] : null)
            {
                parts.Insert(0, n.SortOrder);
            }

            return string.Join('.', parts.Select(x => x.ToString("D4", CultureInfo.InvariantCulture)));
        }

        return new PlanDocument
        {
            Source = plan.Source is null ? null : new SourceInfo(plan.Source),
            Organizations = orgs.Values.ToList(),
            Regions = plan.Region is null ? [] : [new RegionEntry
            {
                Code = plan.Region.Code,
                Name = plan.Region.Name,
                Members = plan.Region.Members.OrderBy(m => m.SortOrder).Select(m => m.Organization!.Code).ToList(),
            }],
            Plan = new PlanEntry
            {
                Code = plan.Code,
                Organization = plan.Organization!.Code,
                Region = plan.Region?.Code,
                Name = plan.Name,
                Subtitle = plan.Subtitle,
                Type = plan.Type.ToString(),
                Period = PeriodRange.FiscalYears(plan.StartFiscalYear, plan.EndFiscalYear).ToJapanese(),
                Levels = plan.Levels.OrderBy(l => l.Depth).Select(l => l.Name).ToList(),
                DefaultAchievementMethod = plan.DefaultAchievementMethod.ToString(),
                GradingRules = plan.GradingRules == Domain.Achievement.GradingRules.Default ? null : new GradingRulesEntry
                {
                    Actuals = plan.ActualSelection.ToString(),
                    Thresholds = plan.ThresholdComparison.ToString(),
                    SeriesAggregation = plan.SeriesAggregation.ToString(),
                    RelativeTargets = plan.RelativeTargetReading.ToString(),
                },
                GradeScale = new GradeScaleEntry
                {
                    Bands = plan.GradeBands.OrderBy(b => b.SortOrder)
                        .Select(b => new GradeBandEntry(b.Code, b.Label, b.MinRate is null ? null : b.MinRate * 100m, b.IsNoData)).ToList(),
                },
                Secretariat = plan.Secretariat,
                Description = plan.Description,
                Revisions = plan.Revisions.OrderBy(r => r.Date)
                    .Select(r => new RevisionEntry(r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Kind.ToString(), r.Note)).ToList(),
            },
            Nodes = Nodes(null),
            Kpis = kpis.OrderBy(k => NodePath(k.HomeNodeId), StringComparer.Ordinal).ThenBy(k => k.SortOrder).Select(k =>
            {
                var series = k.Series.OrderBy(s => s.SortOrder).ToList();
                return new KpiEntry
                {
                    Code = k.Code,
                    Node = k.HomeNode!.Code,
                    Level = k.Level.ToString(),
                    Name = k.Name,
                    Phrase = k.TargetPhrase,
                    Unit = k.Unit,
                    Decimals = k.Decimals,
                    Direction = k.Direction.ToString(),
                    TargetKind = k.TargetKind.ToString(),
                    Baseline = k.BaselineText ?? (k.TargetPhrase is null ? Plain(k.BaselineValue, k.Unit) : null),
                    BaselinePeriod = k.BaselinePeriod is null ? null : PeriodCodec.ParseRange(k.BaselinePeriod).ToJapanese(),
                    Target = k.TargetText ?? (k.TargetReference ?? (k.TargetPhrase is null ? Plain(k.TargetValue, k.Unit) : null)),
                    TargetPeriod = k.TargetPeriod is null ? null : PeriodCodec.ParseRange(k.TargetPeriod).ToJapanese(),
                    InterimTargets = k.InterimTargets.Where(i => i.SeriesId is null).OrderBy(i => i.Period, StringComparer.Ordinal)
                        .Select(i => new PeriodValueEntry(PeriodCodec.ParseRange(i.Period).ToJapanese(), i.Text ?? Plain(i.Value, k.Unit)!)).ToList(),
                    // Written only for calendar-year KPIs: fiscal years are the default, so existing exports stay as they were.
                    PeriodKind = k.ValuePeriodKind == PeriodKind.CalendarYear ? nameof(PeriodKind.CalendarYear) : null,
                    SeriesAggregation = k.SeriesAggregationOverride?.ToString(),
                    Method = k.MethodOverride?.ToString(),
                    SurveyTiming = k.SurveyTiming,
                    PublicationTiming = k.PublicationTiming,
                    Source = k.Source,
                    Departments = k.Departments.OrderBy(d => d.SortOrder).Select(d => d.Department!.Name).ToList(),
                    Note = k.Note,
                    Series = series.Select(s => new SeriesEntry
                    {
                        Code = s.Code,
                        Name = s.Name,
                        Baseline = s.BaselineText,
                        Target = s.TargetText,
                        Values = Values(k.Values.Where(v => v.SeriesId == s.Id)),
                    }).ToList(),
                    Values = Values(k.Values.Where(v => v.SeriesId is null)),
                };
            }).ToList(),
            Projects = projects.OrderBy(p => NodePath(p.HomeNodeId), StringComparer.Ordinal).ThenBy(p => p.SortOrder).Select(p => new ProjectEntry
            {
                Code = p.Code,
                Node = p.HomeNode!.Code,
                Name = p.Name,
                Category = p.Category.ToString(),
                Content = p.Content,
                Department = p.Department?.Name,
                Partners = p.Partners.OrderBy(x => x.SortOrder).Select(x => new PartnerEntry(x.Organization?.Code, x.Name, x.Role.ToString())).ToList(),
                Kpis = p.Kpis.OrderBy(x => x.SortOrder).Select(x => x.Kpi!.Code).ToList(),
                StartYear = p.StartFiscalYear is { } s ? new FiscalYear(s).ToJapanese() : null,
                EndYear = p.EndFiscalYear is { } e ? new FiscalYear(e).ToJapanese() : null,
                Note = p.Note,
                Budget = p.BudgetLines.OrderBy(b => b.FiscalYear).ThenBy(b => b.Kind).ThenBy(b => b.Organization?.Code, StringComparer.Ordinal)
                    .Select(b => new BudgetEntry(new FiscalYear(b.FiscalYear).ToJapanese(), b.Kind.ToString(), b.OriginalText ?? Plain(b.Amount, "円") ?? "-", b.Organization?.Code, b.FundingSource)).ToList(),
                Grants = p.Grants.OrderBy(g => g.ListNumber).ThenBy(g => g.FiscalYear)
                    .Select(g => new GrantEntry(g.Program, g.OriginalText ?? Plain(g.Amount, "円"), g.FiscalYear is { } y ? new FiscalYear(y).ToJapanese() : null, g.ListNumber, g.StrategyLink)).ToList(),
            }).ToList(),
            Relistings = relistings.OrderBy(r => NodePath(r.NodeId), StringComparer.Ordinal).ThenBy(r => r.SortOrder)
                .Select(r => new RelistingEntry(r.Node!.Code, r.Kpi?.Code, r.Project?.Code, r.DisplayName, r.Content)).ToList(),
            Councils = councils.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => new CouncilEntry
            {
                Code = c.Code,
                Name = c.Name,
                Kind = c.Kind.ToString(),
                Description = c.Description,
                Members = c.Members.OrderBy(m => m.SortOrder).Select(m => new CouncilMemberEntry(m.OrganizationName, m.Title)).ToList(),
                Meetings = c.Meetings.OrderBy(m => m.Date).Select(m => new MeetingEntry(m.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.Topics)).ToList(),
            }).ToList(),
            PopulationTargets = targets.Select(t => new PopulationTargetEntry
            {
                Term = t.Term,
                Year = string.Create(CultureInfo.InvariantCulture, $"{t.Year}年"),
                Indicator = t.Indicator,
                Target = Plain(t.Target, "人")!,
                Projection = Plain(t.Projection, "人"),
                ProjectionEdition = t.ProjectionEdition,
                Note = t.Note,
            }).ToList(),
            PublishedJudgements = judgements.Select(j => new PublishedJudgementEntry
            {
                FiscalYear = PeriodText(Period.OfFiscalYear(j.FiscalYear)),
                ThresholdPercent = j.ThresholdRate * 100m / 1.0000000000000000000000000000m, // without trailing zeros: 80, not 80.00000000
                Source = j.Source,
                Note = j.Note,
                // By node id: without tracking, each tally has its own copy of the node.
                Tallies = j.Tallies.GroupBy(t => t.NodeId).OrderBy(g => nodeOrder.GetValueOrDefault(g.Key, int.MaxValue))
                    .Select(g => new PublishedTallyEntry(g.First().Node!.Code, Counts(g, Domain.Kpis.KpiLevel.Goal), Counts(g, Domain.Kpis.KpiLevel.Measure), Counts(g, Domain.Kpis.KpiLevel.Project)))
                    .ToList(),
                Grades = j.Grades.OrderBy(g => kpiOrder.GetValueOrDefault(g.KpiId, int.MaxValue))
                    .Select(g => new PublishedGradeEntry(g.Kpi!.Code, g.GradeCode, g.Note)).ToList(),
            }).ToList(),
            GradeOverrides = overrides.OrderBy(o => kpiOrder.GetValueOrDefault(o.KpiId, int.MaxValue)).ThenBy(o => o.FiscalYear)
                .Select(o => new GradeOverrideEntry(kpiCodes[o.KpiId], o.FiscalYear, o.GradeCode, o.Reason, o.DecidedBy, InstantText(o.DecidedAt))).ToList(),
        };

        static JudgementCountEntry? Counts(IEnumerable<Evaluation.PublishedTally> tallies, Domain.Kpis.KpiLevel level) =>
            tallies.FirstOrDefault(t => t.Level == level) is { } t ? new JudgementCountEntry(t.Reached, t.Below) : null;

        static List<PeriodValueEntry> Values(IEnumerable<Kpis.KpiValue> values) =>
            values.OrderBy(v => v.Period).Select(v => new PeriodValueEntry(PeriodText(v.Period), v.OriginalText, v.Comment, ScoreText(v.ReferenceScore))).ToList();
    }

    /// <summary>Exports a plan as indented UTF-8 JSON.</summary>
    public async Task<bool> WriteJsonAsync(string planCode, Stream output, CancellationToken cancellationToken = default)
    {
        var document = await ExportAsync(planCode, cancellationToken);
        if (document is null)
        {
            return false;
        }

        await JsonSerializer.SerializeAsync(output, document, PlanDocumentJson.Options, cancellationToken);
        return true;
    }

    /// <summary>An unambiguous Japanese form of a period that the period parser reads back to the same period.</summary>
    public static string PeriodText(Period period) => period.ToJapanese();

    /// <summary>An instant as the plan file writes it: in Japan time with its offset (<c>2019-09-30T00:00:00+09:00</c>), fractions of a second only when there are any.</summary>
    public static string InstantText(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Common.JapanTime.Zone).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>A reference score (全国平均 63.5) as the plan file writes it: invariant digits, no unit; null for none.</summary>
    public static string? ScoreText(decimal? score) =>
        score?.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Plain(decimal? value, string unit) =>
        value is null ? null : value.Value.ToString("0.############", CultureInfo.InvariantCulture) + unit;
}
