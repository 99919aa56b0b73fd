using Microsoft.EntityFrameworkCore;
using Sosei.Application.Common;
using Sosei.Application.Councils;
using Sosei.Application.Evaluation;
using Sosei.Application.Kpis;
using Sosei.Application.Organizations;
using Sosei.Application.Persistence;
using Sosei.Application.Plans;
using Sosei.Application.Projects;

namespace Sosei.Application.PlanFiles;

/// <summary>
/// Applies a validated plan to the tracked entities: creates what is new, updates by stable codes, leaves alone what
/// the file does not mention. It only changes the context; the importer decides whether to save (dry run or not).
/// Entities are linked through navigation properties so new items get their keys when saved.
/// </summary>
internal sealed class PlanFileWriter(SoseiDbContext db, DateTimeOffset now, string? user)
{
    private readonly Dictionary<string, Organization> organizations = new(StringComparer.Ordinal);

    public List<string> NotInFile { get; } = [];

    public async Task ApplyAsync(ResolvedPlan r, CancellationToken ct)
    {
        // Organizations and departments.
        var codes = r.Organizations.Select(o => o.Code).Append(r.OrganizationCode).Distinct().ToList();
        foreach (var o in await db.Organizations.Include(x => x.Departments).Where(x => codes.Contains(x.Code)).ToListAsync(ct))
        {
            organizations[o.Code] = o;
        }

        foreach (var o in r.Organizations)
        {
            var org = Upsert(organizations, o.Code, () => new Organization { Code = o.Code, Name = o.Name }, e => db.Organizations.Add(e), e =>
            {
                Set(e, x => x.Name, o.Name);
                Set(e, x => x.Kind, o.Kind);
                Set(e, x => x.Prefecture, o.Prefecture);
            });
            var order = org.Departments.Count;
            foreach (var d in o.Departments.Where(d => org.Departments.All(x => x.Name != d)))
            {
                org.Departments.Add(new Department { Name = d, SortOrder = order++ });
            }
        }

        var owner = organizations[r.OrganizationCode];

        Region? region = null;
        foreach (var rg in r.Regions)
        {
            var entity = Upsert(
                await db.Regions.Include(x => x.Members).SingleOrDefaultAsync(x => x.Code == rg.Code, ct),
                () => new Region { Code = rg.Code, Name = rg.Name },
                e => db.Regions.Add(e),
                e => Set(e, x => x.Name, rg.Name));
            foreach (var (m, i) in rg.Members.Select((m, i) => (m, i)))
            {
                var org = organizations.GetValueOrDefault(m) ?? await db.Organizations.SingleAsync(x => x.Code == m, ct);
                if (entity.Members.All(x => x.Organization != org && (org.Id == 0 || x.OrganizationId != org.Id)))
                {
                    entity.Members.Add(new RegionMember { Organization = org, SortOrder = i });
                }
            }

            if (rg.Code == r.RegionCode)
            {
                region = entity;
            }
        }

        // Plan.
        var stored = await db.Plans
            .Include(p => p.Levels).Include(p => p.GradeBands).Include(p => p.Revisions).Include(p => p.Nodes)
            .SingleOrDefaultAsync(p => p.Code == r.Code, ct);
        if (stored is not null && stored.OrganizationId != owner.Id)
        {
            throw new ImportFailedException([new ImportProblem(JsonPath.Of("plan", "organization"), r.OrganizationCode,
                new Message("この計画コードは別の団体の計画として登録済みです。", "This plan code belongs to another organization's plan."))]);
        }

        var plan = Upsert(stored, () => new Plan { Code = r.Code, Name = r.Name, Organization = owner }, e => db.Plans.Add(e), e =>
        {
            Set(e, x => x.Name, r.Name);
            Set(e, x => x.Subtitle, r.Subtitle);
            Set(e, x => x.Type, r.Type);
            Set(e, x => x.StartFiscalYear, r.StartFiscalYear);
            Set(e, x => x.EndFiscalYear, r.EndFiscalYear);
            Set(e, x => x.DefaultAchievementMethod, r.DefaultMethod);
            Set(e, x => x.ActualSelection, r.Rules.Actuals);
            Set(e, x => x.ThresholdComparison, r.Rules.Thresholds);
            Set(e, x => x.SeriesAggregation, r.Rules.SeriesAggregation);
            Set(e, x => x.RelativeTargetReading, r.Rules.RelativeTargets);
            Set(e, x => x.Secretariat, r.Secretariat);
            Set(e, x => x.Description, r.Description);
            Set(e, x => x.Source, r.Source);
        });
        if (region is not null)
        {
            plan.Region = region;
        }

        for (var i = 0; i < r.Levels.Count; i++)
        {
            Upsert(plan.Levels, l => l.Depth == i, () => new PlanLevel { Depth = i, Name = r.Levels[i] }, e => Set(e, x => x.Name, r.Levels[i]));
        }

        for (var i = 0; i < r.Bands.Count; i++)
        {
            var b = r.Bands[i];
            Upsert(plan.GradeBands, x => x.Code == b.Code, () => new PlanGradeBand { Code = b.Code, Label = b.Label, MinRate = b.MinRate, IsNoData = b.NoData, SortOrder = i }, e =>
            {
                Set(e, x => x.Label, b.Label);
                Set(e, x => x.MinRate, b.MinRate);
                Set(e, x => x.IsNoData, b.NoData);
                Set(e, x => x.SortOrder, i);
            });
        }

        foreach (var extra in plan.GradeBands.Where(x => r.Bands.All(b => b.Code != x.Code)).ToList())
        {
            // A band the file no longer has would leave the scale inconsistent: the file's scale replaces it.
            plan.GradeBands.Remove(extra);
        }

        foreach (var rev in r.Revisions)
        {
            Upsert(plan.Revisions, x => x.Date == rev.Date && x.Kind == rev.Kind, () => new PlanRevision { Date = rev.Date, Kind = rev.Kind, Note = rev.Note }, e => Set(e, x => x.Note, rev.Note));
        }

        // Nodes.
        var nodes = plan.Nodes.ToDictionary(n => n.Code, StringComparer.Ordinal);
        foreach (var n in r.Nodes)
        {
            var node = Upsert(nodes, n.Code, () => new PlanNode { Code = n.Code, Title = n.Title }, plan.Nodes.Add, e =>
            {
                Set(e, x => x.Title, n.Title);
                Set(e, x => x.Label, n.Label);
                Set(e, x => x.Description, n.Description);
                Set(e, x => x.Depth, n.Depth);
                Set(e, x => x.SortOrder, n.Order);
            });
            var parent = n.ParentCode is null ? null : nodes[n.ParentCode];
            if (node.Parent != parent && (parent is null ? node.ParentId is not null : node.ParentId != parent.Id || parent.Id == 0))
            {
                node.Parent = parent;
            }
        }

        NotInFile.AddRange(plan.Nodes.Where(n => r.Nodes.All(x => x.Code != n.Code)).Select(n => $"ノード / node {n.Code}"));

        var departments = owner.Departments.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var kpis = await ApplyKpisAsync(plan, r, nodes, departments, ct);
        var projects = await ApplyProjectsAsync(plan, r, nodes, departments, kpis, ct);
        await ApplyRelistingsAsync(plan, r, nodes, kpis, projects, ct);
        await ApplyCouncilsAsync(owner, plan, r, ct);
        await ApplyPopulationTargetsAsync(plan, r, ct);
        await ApplyJudgementsAsync(plan, r, nodes, kpis, ct);
        await ApplyGradeOverridesAsync(r, kpis, ct);
    }

    /// <summary>
    /// Grade overrides by KPI and fiscal year. Like values and relistings, an override the file does not mention is left
    /// alone (a decision made on the grade page survives a file or workbook without it) and listed in
    /// <see cref="NotInFile"/>; one the file has is created or updated. Without <c>decidedAt</c> a new override gets the
    /// time of the import and a stored one keeps its own.
    /// </summary>
    private async Task ApplyGradeOverridesAsync(ResolvedPlan r, Dictionary<string, Kpi> kpis, CancellationToken ct)
    {
        var ids = kpis.Values.Where(k => k.Id != 0).Select(k => k.Id).ToList();
        var existing = ids.Count == 0 ? [] : await db.GradeOverrides.Where(o => ids.Contains(o.KpiId)).ToListAsync(ct);
        var kept = new List<GradeOverride>();
        foreach (var o in r.GradeOverrides)
        {
            var kpi = kpis[o.KpiCode];
            kept.Add(Upsert(
                existing.SingleOrDefault(x => kpi.Id != 0 && x.KpiId == kpi.Id && x.FiscalYear == o.FiscalYear),
                () => new GradeOverride { Kpi = kpi, FiscalYear = o.FiscalYear, GradeCode = o.GradeCode, Reason = o.Reason, DecidedAt = o.DecidedAt ?? now },
                e => db.GradeOverrides.Add(e),
                e =>
                {
                    Set(e, x => x.GradeCode, o.GradeCode);
                    Set(e, x => x.Reason, o.Reason);
                    Set(e, x => x.DecidedBy, o.DecidedBy);
                    if (o.DecidedAt is { } at)
                    {
                        Set(e, x => x.DecidedAt, at);
                    }
                }));
        }

        var codes = kpis.Values.Where(k => k.Id != 0).ToDictionary(k => k.Id, k => k.Code);
        NotInFile.AddRange(existing.Where(x => !kept.Contains(x)).OrderBy(x => codes[x.KpiId], StringComparer.Ordinal).ThenBy(x => x.FiscalYear)
            .Select(x => $"評価の上書き / grade override {codes[x.KpiId]} {new Domain.Periods.FiscalYear(x.FiscalYear).ToJapanese()}"));
    }

    /// <summary>
    /// Published judgements by fiscal year. A judgement in the file is the whole of what was published for its year:
    /// its tallies and grades replace the stored ones (those the file no longer has are removed).
    /// </summary>
    private async Task ApplyJudgementsAsync(Plan plan, ResolvedPlan r, Dictionary<string, PlanNode> nodes, Dictionary<string, Kpi> kpis, CancellationToken ct)
    {
        var existing = plan.Id == 0 ? [] : await db.PublishedJudgements.Include(j => j.Tallies).Include(j => j.Grades).Where(j => j.PlanId == plan.Id).ToListAsync(ct);
        foreach (var pj in r.Judgements)
        {
            var judgement = Upsert(
                existing.SingleOrDefault(x => x.FiscalYear == pj.FiscalYear),
                () => new PublishedJudgement { Plan = plan, FiscalYear = pj.FiscalYear },
                e => db.PublishedJudgements.Add(e),
                e =>
                {
                    Set(e, x => x.ThresholdRate, pj.ThresholdRate);
                    Set(e, x => x.Source, pj.Source);
                    Set(e, x => x.Note, pj.Note);
                });
            var keep = new List<PublishedTally>();
            foreach (var t in pj.Tallies)
            {
                var node = nodes[t.NodeCode];
                keep.Add(Upsert(
                    judgement.Tallies,
                    x => x.Level == t.Level && (x.Node == node || (node.Id != 0 && x.NodeId == node.Id)),
                    () => new PublishedTally { Node = node, Level = t.Level },
                    e =>
                    {
                        Set(e, x => x.Reached, t.Reached);
                        Set(e, x => x.Below, t.Below);
                    }));
            }

            judgement.Tallies.RemoveAll(x => !keep.Contains(x));
            var keepGrades = new List<PublishedGrade>();
            foreach (var g in pj.Grades)
            {
                var kpi = kpis[g.KpiCode];
                keepGrades.Add(Upsert(
                    judgement.Grades,
                    x => x.Kpi == kpi || (kpi.Id != 0 && x.KpiId == kpi.Id),
                    () => new PublishedGrade { Kpi = kpi, GradeCode = g.GradeCode },
                    e =>
                    {
                        Set(e, x => x.GradeCode, g.GradeCode);
                        Set(e, x => x.Note, g.Note);
                    }));
            }

            judgement.Grades.RemoveAll(x => !keepGrades.Contains(x));
        }
    }

    private async Task<Dictionary<string, Kpi>> ApplyKpisAsync(Plan plan, ResolvedPlan r, Dictionary<string, PlanNode> nodes, Dictionary<string, Department> departments, CancellationToken ct)
    {
        var existing = plan.Id == 0
            ? []
            : await db.Kpis.Where(k => k.PlanId == plan.Id)
                .Include(k => k.Series).Include(k => k.Values).Include(k => k.InterimTargets).Include(k => k.Departments)
                .ToListAsync(ct);
        var byCode = existing.ToDictionary(k => k.Code, StringComparer.Ordinal);
        foreach (var k in r.Kpis)
        {
            var kpi = Upsert(byCode, k.Code, () => new Kpi { Code = k.Code, Name = k.Name, Plan = plan }, e => db.Kpis.Add(e), e =>
            {
                var home = nodes[k.NodeCode];
                if (e.HomeNode != home)
                {
                    e.HomeNode = home;
                }

                Set(e, x => x.Name, k.Name);
                Set(e, x => x.Level, k.Level);
                Set(e, x => x.Unit, k.Unit);
                Set(e, x => x.DisplayUnit, k.DisplayUnit);
                Set(e, x => x.Decimals, k.Decimals);
                Set(e, x => x.Direction, k.Direction);
                Set(e, x => x.TargetKind, k.TargetKind);
                Set(e, x => x.BaselineValue, k.BaselineValue);
                Set(e, x => x.BaselinePeriod, k.BaselinePeriod is null ? null : PeriodCodec.Format(k.BaselinePeriod));
                Set(e, x => x.BaselineText, k.BaselineText);
                Set(e, x => x.TargetValue, k.TargetValue);
                Set(e, x => x.TargetPeriod, k.TargetPeriod is null ? null : PeriodCodec.Format(k.TargetPeriod));
                Set(e, x => x.TargetReference, k.TargetReference);
                Set(e, x => x.TargetText, k.TargetText);
                Set(e, x => x.TargetPhrase, k.Phrase);
                Set(e, x => x.SeriesAggregationOverride, k.SeriesAggregation);
                Set(e, x => x.ValuePeriodKind, k.PeriodKind);
                Set(e, x => x.MethodOverride, k.Method);
                Set(e, x => x.SurveyTiming, k.SurveyTiming);
                Set(e, x => x.PublicationTiming, k.PublicationTiming);
                Set(e, x => x.Source, k.Source);
                Set(e, x => x.Note, k.Note);
                Set(e, x => x.SortOrder, k.Order);
            });

            var series = kpi.Series.ToDictionary(s => s.Code, StringComparer.Ordinal);
            foreach (var s in k.Series)
            {
                Upsert(series, s.Code, () => new KpiSeries { Code = s.Code, Name = s.Name }, kpi.Series.Add, e =>
                {
                    Set(e, x => x.Name, s.Name);
                    Set(e, x => x.Unit, s.Unit);
                    Set(e, x => x.DisplayUnit, s.DisplayUnit);
                    Set(e, x => x.BaselineValue, s.Baseline);
                    Set(e, x => x.BaselineText, s.BaselineText);
                    Set(e, x => x.TargetValue, s.Target);
                    Set(e, x => x.TargetText, s.TargetText);
                    Set(e, x => x.SortOrder, s.Order);
                });
            }

            foreach (var v in k.Values)
            {
                var s = v.SeriesCode is null ? null : series[v.SeriesCode];
                Upsert(
                    kpi.Values,
                    x => (s is null ? x.SeriesId is null && x.Series is null : x.Series == s || (s.Id != 0 && x.SeriesId == s.Id)) && x.Period == v.Period,
                    () => new KpiValue { OriginalText = v.Value.OriginalText, Series = s, Period = v.Period, UpdatedAt = now, UpdatedBy = user },
                    e =>
                    {
                        var changed = Set(e, x => x.OriginalText, v.Value.OriginalText)
                            | Set(e, x => x.Amount, v.Value.Amount)
                            | Set(e, x => x.ReferenceScore, v.ReferenceScore)
                            | Set(e, x => x.Unit, v.Value.Unit)
                            | Set(e, x => x.DisplayUnit, v.Value.DisplayUnit)
                            | Set(e, x => x.Qualifiers, v.Value.Qualifiers)
                            | Set(e, x => x.NoValueReason, v.Value.NoValueReason)
                            | Set(e, x => x.Comment, v.Comment);
                        if (changed && db.Entry(e).State == EntityState.Modified)
                        {
                            e.UpdatedAt = now;
                            e.UpdatedBy = user;
                        }
                    });
            }

            // Interim targets and departments are small lists: the file's list replaces the stored one.
            var interim = k.InterimTargets.Select(i => (PeriodCodec.Format(i.Period), i.Value, i.Text)).ToList();
            if (!kpi.InterimTargets.Select(i => (i.Period, i.Value, i.Text ?? "")).SequenceEqual(interim.Select(i => (i.Item1, i.Value, i.Text))))
            {
                kpi.InterimTargets.Clear();
                kpi.InterimTargets.AddRange(interim.Select(i => new KpiInterimTarget { Period = i.Item1, Value = i.Value, Text = i.Text }));
            }

            var wanted = k.Departments.Select(d => departments[d]).ToList();
            if (!kpi.Departments.OrderBy(d => d.SortOrder).Select(d => d.Department ?? departments.Values.First(x => x.Id == d.DepartmentId)).SequenceEqual(wanted))
            {
                kpi.Departments.Clear();
                kpi.Departments.AddRange(wanted.Select((d, i) => new KpiDepartment { Department = d, SortOrder = i }));
            }
        }

        NotInFile.AddRange(existing.Where(k => r.Kpis.All(x => x.Code != k.Code)).Select(k => $"KPI {k.Code} {k.Name}"));
        return byCode;
    }

    private async Task<Dictionary<string, Project>> ApplyProjectsAsync(Plan plan, ResolvedPlan r, Dictionary<string, PlanNode> nodes, Dictionary<string, Department> departments, Dictionary<string, Kpi> kpis, CancellationToken ct)
    {
        var existing = plan.Id == 0
            ? []
            : await db.Projects.Where(p => p.PlanId == plan.Id)
                .Include(p => p.Partners).Include(p => p.Kpis).Include(p => p.BudgetLines).Include(p => p.Grants)
                .ToListAsync(ct);
        var byCode = existing.ToDictionary(p => p.Code, StringComparer.Ordinal);
        foreach (var x in r.Projects)
        {
            var project = Upsert(byCode, x.Code, () => new Project { Code = x.Code, Name = x.Name, Plan = plan }, e => db.Projects.Add(e), e =>
            {
                var home = nodes[x.NodeCode];
                if (e.HomeNode != home)
                {
                    e.HomeNode = home;
                }

                Set(e, p => p.Name, x.Name);
                Set(e, p => p.Category, x.Category);
                Set(e, p => p.Content, x.Content);
                Set(e, p => p.StartFiscalYear, x.StartYear);
                Set(e, p => p.EndFiscalYear, x.EndYear);
                Set(e, p => p.Note, x.Note);
                Set(e, p => p.SortOrder, x.Order);
            });
            var dept = x.Department is null ? null : departments[x.Department];
            if (project.Department != dept && (dept is null ? project.DepartmentId is not null : project.DepartmentId != dept.Id || dept.Id == 0))
            {
                project.Department = dept;
            }

            var partners = x.Partners.Select((p, i) => (Org: p.OrganizationCode is null ? null : organizations[p.OrganizationCode], p.Name, p.Role, i)).ToList();
            var samePartners = project.Partners.Count == partners.Count && project.Partners.OrderBy(p => p.SortOrder).Zip(partners)
                .All(z => z.First.Name == z.Second.Name && z.First.Role == z.Second.Role
                    && (z.Second.Org is null ? z.First.OrganizationId is null : z.First.OrganizationId == z.Second.Org.Id && z.Second.Org.Id != 0));
            if (!samePartners)
            {
                project.Partners.Clear();
                project.Partners.AddRange(partners.Select(p => new ProjectPartner { Organization = p.Org, Name = p.Name, Role = p.Role, SortOrder = p.i }));
            }

            var wantedKpis = x.Kpis.Select(c => kpis[c]).ToList();
            var sameKpis = project.Kpis.Count == wantedKpis.Count && project.Kpis.OrderBy(k => k.SortOrder).Zip(wantedKpis).All(z => z.First.KpiId == z.Second.Id && z.Second.Id != 0);
            if (!sameKpis)
            {
                project.Kpis.Clear();
                project.Kpis.AddRange(wantedKpis.Select((k, i) => new ProjectKpi { Kpi = k, SortOrder = i }));
            }

            foreach (var b in x.Budget)
            {
                var org = b.OrganizationCode is null ? null : organizations[b.OrganizationCode];
                Upsert(
                    project.BudgetLines,
                    l => l.FiscalYear == b.FiscalYear && l.Kind == b.Kind
                        && (org is null ? l.OrganizationId is null && l.Organization is null : l.Organization == org || (org.Id != 0 && l.OrganizationId == org.Id)),
                    () => new BudgetLine { FiscalYear = b.FiscalYear, Kind = b.Kind, Organization = org },
                    e =>
                    {
                        Set(e, l => l.Amount, b.Amount);
                        Set(e, l => l.OriginalText, b.Text);
                        Set(e, l => l.FundingSource, b.FundingSource);
                    });
            }

            foreach (var g in x.Grants)
            {
                Upsert(
                    project.Grants,
                    e => e.Program == g.Program && e.FiscalYear == g.FiscalYear && e.ListNumber == g.ListNumber,
                    () => new Grant { Program = g.Program, FiscalYear = g.FiscalYear, ListNumber = g.ListNumber },
                    e =>
                    {
                        Set(e, y => y.Amount, g.Amount);
                        Set(e, y => y.OriginalText, g.Text);
                        Set(e, y => y.StrategyLink, g.StrategyLink);
                    });
            }
        }

        NotInFile.AddRange(existing.Where(p => r.Projects.All(x => x.Code != p.Code)).Select(p => $"事業 / project {p.Code} {p.Name}"));
        return byCode;
    }

    private async Task ApplyRelistingsAsync(Plan plan, ResolvedPlan r, Dictionary<string, PlanNode> nodes, Dictionary<string, Kpi> kpis, Dictionary<string, Project> projects, CancellationToken ct)
    {
        var existing = plan.Id == 0 ? [] : await db.Relistings.Where(x => x.PlanId == plan.Id).ToListAsync(ct);
        foreach (var rl in r.Relistings)
        {
            var node = nodes[rl.NodeCode];
            var kpi = rl.KpiCode is null ? null : kpis[rl.KpiCode];
            var project = rl.ProjectCode is null ? null : projects[rl.ProjectCode];
            Upsert(
                existing.SingleOrDefault(x => x.NodeId == node.Id && node.Id != 0
                    && (kpi is null ? x.KpiId is null : x.KpiId == kpi.Id && kpi.Id != 0)
                    && (project is null ? x.ProjectId is null : x.ProjectId == project.Id && project.Id != 0)),
                () => new Relisting { Plan = plan, Node = node, Kpi = kpi, Project = project },
                e =>
                {
                    db.Relistings.Add(e);
                    existing.Add(e);
                },
                e =>
                {
                    Set(e, x => x.DisplayName, rl.Name);
                    Set(e, x => x.Content, rl.Content);
                    Set(e, x => x.SortOrder, rl.Order);
                });
        }
    }

    private async Task ApplyCouncilsAsync(Organization owner, Plan plan, ResolvedPlan r, CancellationToken ct)
    {
        var existing = owner.Id == 0 ? [] : await db.Councils.Include(c => c.Members).Include(c => c.Meetings).Where(c => c.OrganizationId == owner.Id).ToListAsync(ct);
        foreach (var c in r.Councils)
        {
            var council = Upsert(existing.SingleOrDefault(x => x.Code == c.Code), () => new Council { Code = c.Code, Name = c.Name, Organization = owner, Plan = plan }, e => db.Councils.Add(e), e =>
            {
                Set(e, x => x.Name, c.Name);
                Set(e, x => x.Kind, c.Kind);
                Set(e, x => x.Description, c.Description);
            });
            var members = c.Members.ToList();
            if (!council.Members.OrderBy(m => m.SortOrder).Select(m => (m.OrganizationName, m.Title)).SequenceEqual(members))
            {
                council.Members.Clear();
                council.Members.AddRange(members.Select((m, i) => new CouncilMember { OrganizationName = m.Organization, Title = m.Title, SortOrder = i }));
            }

            foreach (var (date, topics) in c.Meetings)
            {
                Upsert(council.Meetings, m => m.Date == date, () => new Meeting { Date = date, Topics = topics }, e => Set(e, m => m.Topics, topics));
            }
        }
    }

    private async Task ApplyPopulationTargetsAsync(Plan plan, ResolvedPlan r, CancellationToken ct)
    {
        var existing = plan.Id == 0 ? [] : await db.PopulationTargets.Where(t => t.PlanId == plan.Id).ToListAsync(ct);
        foreach (var t in r.PopulationTargets)
        {
            Upsert(
                existing.SingleOrDefault(x => x.Term == t.Term && x.Year == t.Year && x.Indicator == t.Indicator),
                () => new PopulationTarget { Term = t.Term, Year = t.Year, Indicator = t.Indicator, Plan = plan },
                e => db.PopulationTargets.Add(e),
                e =>
                {
                    Set(e, x => x.Target, t.Target);
                    Set(e, x => x.Projection, t.Projection);
                    Set(e, x => x.ProjectionEdition, t.Edition);
                    Set(e, x => x.Note, t.Note);
                    Set(e, x => x.SortOrder, t.Order);
                });
        }
    }

    /// <summary>
    /// The upsert of every entity the file names: the stored one found by its key, or a new one made and added; then
    /// its fields are set. Fields change only where they differ (<see cref="Set"/>), so the change tracker's Added,
    /// Modified and Unchanged states give the dry run's change list and the counts.
    /// </summary>
    private static TEntity Upsert<TEntity>(TEntity? found, Func<TEntity> create, Action<TEntity> add, Action<TEntity> fields)
        where TEntity : class
    {
        var entity = found;
        if (entity is null)
        {
            entity = create();
            add(entity);
        }

        fields(entity);
        return entity;
    }

    /// <summary>The upsert of an entity in a list of its owner, found by <paramref name="key"/>.</summary>
    private static TEntity Upsert<TEntity>(List<TEntity> entities, Func<TEntity, bool> key, Func<TEntity> create, Action<TEntity> fields)
        where TEntity : class =>
        Upsert(entities.SingleOrDefault(key), create, entities.Add, fields);

    /// <summary>The upsert of an entity by its code; a new one joins <paramref name="byCode"/>.</summary>
    private static TEntity Upsert<TEntity>(Dictionary<string, TEntity> byCode, string code, Func<TEntity> create, Action<TEntity> add, Action<TEntity> fields)
        where TEntity : class =>
        Upsert(
            byCode.GetValueOrDefault(code),
            create,
            e =>
            {
                add(e);
                byCode[code] = e;
            },
            fields);

    /// <summary>Sets a property when the value differs, so unchanged entities stay Unchanged.</summary>
    private static bool Set<TEntity, TValue>(TEntity entity, System.Linq.Expressions.Expression<Func<TEntity, TValue>> property, TValue value)
    {
        var member = (System.Reflection.PropertyInfo)((System.Linq.Expressions.MemberExpression)property.Body).Member;
        var current = (TValue?)member.GetValue(entity);
        if (EqualityComparer<TValue>.Default.Equals(current, value))
        {
            return false;
        }

        member.SetValue(entity, value);
        return true;
    }
}
