using Sosei.Application.Common;
using Microsoft.EntityFrameworkCore;
using Sosei.Application.Councils;
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
            if (!organizations.TryGetValue(o.Code, out var org))
            {
                org = new Organization { Code = o.Code, Name = o.Name };
                db.Organizations.Add(org);
                organizations[o.Code] = org;
            }

            Set(org, x => x.Name, o.Name);
            Set(org, x => x.Kind, o.Kind);
            Set(org, x => x.Prefecture, o.Prefecture);
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
            var entity = await db.Regions.Include(x => x.Members).SingleOrDefaultAsync(x => x.Code == rg.Code, ct);
            if (entity is null)
            {
                entity = new Region { Code = rg.Code, Name = rg.Name };
                db.Regions.Add(entity);
            }

            Set(entity, x => x.Name, rg.Name);
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
        var plan = await db.Plans
            .Include(p => p.Levels).Include(p => p.GradeBands).Include(p => p.Revisions).Include(p => p.Nodes)
            .SingleOrDefaultAsync(p => p.Code == r.Code, ct);
        if (plan is null)
        {
            plan = new Plan { Code = r.Code, Name = r.Name, Organization = owner };
            db.Plans.Add(plan);
        }
        else if (plan.OrganizationId != owner.Id)
        {
            throw new ImportFailedException([new ImportProblem(JsonPath.Of("plan", "organization"), r.OrganizationCode,
                new Message("この計画コードは別の団体の計画として登録済みです。", "This plan code belongs to another organization's plan."))]);
        }

        Set(plan, x => x.Name, r.Name);
        Set(plan, x => x.Subtitle, r.Subtitle);
        Set(plan, x => x.Type, r.Type);
        Set(plan, x => x.StartFiscalYear, r.StartFiscalYear);
        Set(plan, x => x.EndFiscalYear, r.EndFiscalYear);
        Set(plan, x => x.DefaultAchievementMethod, r.DefaultMethod);
        Set(plan, x => x.Secretariat, r.Secretariat);
        Set(plan, x => x.Description, r.Description);
        Set(plan, x => x.Source, r.Source);
        if (region is not null)
        {
            plan.Region = region;
        }

        for (var i = 0; i < r.Levels.Count; i++)
        {
            var level = plan.Levels.SingleOrDefault(l => l.Depth == i);
            if (level is null)
            {
                plan.Levels.Add(new PlanLevel { Depth = i, Name = r.Levels[i] });
            }
            else
            {
                Set(level, x => x.Name, r.Levels[i]);
            }
        }

        for (var i = 0; i < r.Bands.Count; i++)
        {
            var b = r.Bands[i];
            var band = plan.GradeBands.SingleOrDefault(x => x.Code == b.Code);
            if (band is null)
            {
                plan.GradeBands.Add(new PlanGradeBand { Code = b.Code, Label = b.Label, MinRate = b.MinRate, IsNoData = b.NoData, SortOrder = i });
            }
            else
            {
                Set(band, x => x.Label, b.Label);
                Set(band, x => x.MinRate, b.MinRate);
                Set(band, x => x.IsNoData, b.NoData);
                Set(band, x => x.SortOrder, i);
            }
        }

        foreach (var extra in plan.GradeBands.Where(x => r.Bands.All(b => b.Code != x.Code)).ToList())
        {
            // A band the file no longer has would leave the scale inconsistent: the file's scale replaces it.
            plan.GradeBands.Remove(extra);
        }

        foreach (var rev in r.Revisions)
        {
            var entity = plan.Revisions.SingleOrDefault(x => x.Date == rev.Date && x.Kind == rev.Kind);
            if (entity is null)
            {
                plan.Revisions.Add(new PlanRevision { Date = rev.Date, Kind = rev.Kind, Note = rev.Note });
            }
            else
            {
                Set(entity, x => x.Note, rev.Note);
            }
        }

        // Nodes.
        var nodes = plan.Nodes.ToDictionary(n => n.Code, StringComparer.Ordinal);
        foreach (var n in r.Nodes)
        {
            if (!nodes.TryGetValue(n.Code, out var node))
            {
                node = new PlanNode { Code = n.Code, Title = n.Title };
                plan.Nodes.Add(node);
                nodes[n.Code] = node;
            }

            Set(node, x => x.Title, n.Title);
            Set(node, x => x.Label, n.Label);
            Set(node, x => x.Description, n.Description);
            Set(node, x => x.Depth, n.Depth);
            Set(node, x => x.SortOrder, n.Order);
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
            if (!byCode.TryGetValue(k.Code, out var kpi))
            {
                kpi = new Kpi { Code = k.Code, Name = k.Name, Plan = plan };
                db.Kpis.Add(kpi);
                byCode[k.Code] = kpi;
            }

            var home = nodes[k.NodeCode];
            if (kpi.HomeNode != home)
            {
                kpi.HomeNode = home;
            }

            Set(kpi, x => x.Name, k.Name);
            Set(kpi, x => x.Level, k.Level);
            Set(kpi, x => x.Unit, k.Unit);
            Set(kpi, x => x.DisplayUnit, k.DisplayUnit);
            Set(kpi, x => x.Decimals, k.Decimals);
            Set(kpi, x => x.Direction, k.Direction);
            Set(kpi, x => x.TargetKind, k.TargetKind);
            Set(kpi, x => x.BaselineValue, k.BaselineValue);
            Set(kpi, x => x.BaselinePeriod, k.BaselinePeriod is null ? null : PeriodCodec.Format(k.BaselinePeriod));
            Set(kpi, x => x.BaselineText, k.BaselineText);
            Set(kpi, x => x.TargetValue, k.TargetValue);
            Set(kpi, x => x.TargetPeriod, k.TargetPeriod is null ? null : PeriodCodec.Format(k.TargetPeriod));
            Set(kpi, x => x.TargetReference, k.TargetReference);
            Set(kpi, x => x.TargetText, k.TargetText);
            Set(kpi, x => x.TargetPhrase, k.Phrase);
            Set(kpi, x => x.SeriesAggregation, k.SeriesAggregation);
            Set(kpi, x => x.ValuePeriodKind, k.PeriodKind);
            Set(kpi, x => x.MethodOverride, k.Method);
            Set(kpi, x => x.SurveyTiming, k.SurveyTiming);
            Set(kpi, x => x.PublicationTiming, k.PublicationTiming);
            Set(kpi, x => x.Source, k.Source);
            Set(kpi, x => x.Note, k.Note);
            Set(kpi, x => x.SortOrder, k.Order);

            var series = kpi.Series.ToDictionary(s => s.Code, StringComparer.Ordinal);
            foreach (var s in k.Series)
            {
                if (!series.TryGetValue(s.Code, out var entity))
                {
                    entity = new KpiSeries { Code = s.Code, Name = s.Name };
                    kpi.Series.Add(entity);
                    series[s.Code] = entity;
                }

                Set(entity, x => x.Name, s.Name);
                Set(entity, x => x.Unit, s.Unit);
                Set(entity, x => x.DisplayUnit, s.DisplayUnit);
                Set(entity, x => x.BaselineValue, s.Baseline);
                Set(entity, x => x.BaselineText, s.BaselineText);
                Set(entity, x => x.TargetValue, s.Target);
                Set(entity, x => x.TargetText, s.TargetText);
                Set(entity, x => x.SortOrder, s.Order);
            }

            foreach (var v in k.Values)
            {
                var s = v.SeriesCode is null ? null : series[v.SeriesCode];
                var value = kpi.Values.SingleOrDefault(x =>
                    (s is null ? x.SeriesId is null && x.Series is null : x.Series == s || (s.Id != 0 && x.SeriesId == s.Id)) && x.Period == v.Period);
                if (value is null)
                {
                    value = new KpiValue { OriginalText = v.Value.OriginalText, Series = s, Period = v.Period, UpdatedAt = now, UpdatedBy = user };
                    kpi.Values.Add(value);
                }

                var changed = Set(value, x => x.OriginalText, v.Value.OriginalText)
                    | Set(value, x => x.Amount, v.Value.Amount)
                    | Set(value, x => x.Unit, v.Value.Unit)
                    | Set(value, x => x.DisplayUnit, v.Value.DisplayUnit)
                    | Set(value, x => x.Qualifiers, v.Value.Qualifiers)
                    | Set(value, x => x.NoValueReason, v.Value.NoValueReason)
                    | Set(value, x => x.Comment, v.Comment);
                if (changed && db.Entry(value).State == EntityState.Modified)
                {
                    value.UpdatedAt = now;
                    value.UpdatedBy = user;
                }
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
            if (!byCode.TryGetValue(x.Code, out var project))
            {
                project = new Project { Code = x.Code, Name = x.Name, Plan = plan };
                db.Projects.Add(project);
                byCode[x.Code] = project;
            }

            var home = nodes[x.NodeCode];
            if (project.HomeNode != home)
            {
                project.HomeNode = home;
            }

            Set(project, p => p.Name, x.Name);
            Set(project, p => p.Category, x.Category);
            Set(project, p => p.Content, x.Content);
            Set(project, p => p.StartFiscalYear, x.StartYear);
            Set(project, p => p.EndFiscalYear, x.EndYear);
            Set(project, p => p.Note, x.Note);
            Set(project, p => p.SortOrder, x.Order);
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
                var line = project.BudgetLines.SingleOrDefault(l => l.FiscalYear == b.FiscalYear && l.Kind == b.Kind
                    && (org is null ? l.OrganizationId is null && l.Organization is null : l.Organization == org || (org.Id != 0 && l.OrganizationId == org.Id)));
                if (line is null)
                {
                    line = new BudgetLine { FiscalYear = b.FiscalYear, Kind = b.Kind, Organization = org };
                    project.BudgetLines.Add(line);
                }

                Set(line, l => l.Amount, b.Amount);
                Set(line, l => l.OriginalText, b.Text);
                Set(line, l => l.FundingSource, b.FundingSource);
            }

            foreach (var g in x.Grants)
            {
                var grant = project.Grants.SingleOrDefault(e => e.Program == g.Program && e.FiscalYear == g.FiscalYear && e.ListNumber == g.ListNumber);
                if (grant is null)
                {
                    grant = new Grant { Program = g.Program, FiscalYear = g.FiscalYear, ListNumber = g.ListNumber };
                    project.Grants.Add(grant);
                }

                Set(grant, e => e.Amount, g.Amount);
                Set(grant, e => e.OriginalText, g.Text);
                Set(grant, e => e.StrategyLink, g.StrategyLink);
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
            var entity = existing.SingleOrDefault(x => x.NodeId == node.Id && node.Id != 0
                && (kpi is null ? x.KpiId is null : x.KpiId == kpi.Id && kpi.Id != 0)
                && (project is null ? x.ProjectId is null : x.ProjectId == project.Id && project.Id != 0));
            if (entity is null)
            {
                entity = new Relisting { Plan = plan, Node = node, Kpi = kpi, Project = project };
                db.Relistings.Add(entity);
                existing.Add(entity);
            }

            Set(entity, x => x.DisplayName, rl.Name);
            Set(entity, x => x.Content, rl.Content);
            Set(entity, x => x.SortOrder, rl.Order);
        }
    }

    private async Task ApplyCouncilsAsync(Organization owner, Plan plan, ResolvedPlan r, CancellationToken ct)
    {
        var existing = owner.Id == 0 ? [] : await db.Councils.Include(c => c.Members).Include(c => c.Meetings).Where(c => c.OrganizationId == owner.Id).ToListAsync(ct);
        foreach (var c in r.Councils)
        {
            var council = existing.SingleOrDefault(x => x.Code == c.Code);
            if (council is null)
            {
                council = new Council { Code = c.Code, Name = c.Name, Organization = owner, Plan = plan };
                db.Councils.Add(council);
            }

            Set(council, x => x.Name, c.Name);
            Set(council, x => x.Kind, c.Kind);
            Set(council, x => x.Description, c.Description);
            var members = c.Members.ToList();
            if (!council.Members.OrderBy(m => m.SortOrder).Select(m => (m.OrganizationName, m.Title)).SequenceEqual(members))
            {
                council.Members.Clear();
                council.Members.AddRange(members.Select((m, i) => new CouncilMember { OrganizationName = m.Organization, Title = m.Title, SortOrder = i }));
            }

            foreach (var (date, topics) in c.Meetings)
            {
                var meeting = council.Meetings.SingleOrDefault(m => m.Date == date);
                if (meeting is null)
                {
                    council.Meetings.Add(new Meeting { Date = date, Topics = topics });
                }
                else
                {
                    Set(meeting, m => m.Topics, topics);
                }
            }
        }
    }

    private async Task ApplyPopulationTargetsAsync(Plan plan, ResolvedPlan r, CancellationToken ct)
    {
        var existing = plan.Id == 0 ? [] : await db.PopulationTargets.Where(t => t.PlanId == plan.Id).ToListAsync(ct);
        foreach (var t in r.PopulationTargets)
        {
            var entity = existing.SingleOrDefault(x => x.Term == t.Term && x.Year == t.Year && x.Indicator == t.Indicator);
            if (entity is null)
            {
                entity = new PopulationTarget { Term = t.Term, Year = t.Year, Indicator = t.Indicator, Plan = plan };
                db.PopulationTargets.Add(entity);
            }

            Set(entity, x => x.Target, t.Target);
            Set(entity, x => x.Projection, t.Projection);
            Set(entity, x => x.ProjectionEdition, t.Edition);
            Set(entity, x => x.Note, t.Note);
            Set(entity, x => x.SortOrder, t.Order);
        }
    }

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
