using Sosei.Application.Common;
using L = Sosei.Application.Common.FieldLimits;

namespace Sosei.Application.PlanFiles;

/// <summary>
/// The length of every text of a plan file, against its limit in <see cref="FieldLimits"/>: a text too long is a
/// problem at its JSON path (a workbook cell, a form field), naming the limit and the length given. Checked before
/// anything else reads the text, for files and forms alike.
/// </summary>
internal sealed partial class PlanFileValidator
{
    private void Limit(string? text, JsonPath path, int limit)
    {
        if (L.IsTooLong(text, limit))
        {
            Problem(path, text, L.TooLong(limit, text!.Length));
        }
    }

    private void Limit(List<string> texts, JsonPath path, int limit)
    {
        for (var i = 0; i < texts.Count; i++)
        {
            Limit(texts[i], path.At(i), limit);
        }
    }

    private void CheckLengths(OrganizationEntry o, JsonPath path)
    {
        Limit(o.Code, path.Then("code"), L.Code);
        Limit(o.Name, path.Then("name"), L.OrganizationName);
        Limit(o.Kind, path.Then("kind"), L.Text);
        Limit(o.Prefecture, path.Then("prefecture"), L.Text);
        Limit(o.Departments, path.Then("departments"), L.OrganizationName);
    }

    private void CheckLengths(RegionEntry r, JsonPath path)
    {
        Limit(r.Code, path.Then("code"), L.Code);
        Limit(r.Name, path.Then("name"), L.Name);
        Limit(r.Members, path.Then("members"), L.Code);
    }

    private void CheckLengths(SourceInfo? source)
    {
        if (source is null)
        {
            return;
        }

        var path = JsonPath.Of("source");
        Limit(source.Title, path.Then("title"), L.Name);
        Limit(source.Publisher, path.Then("publisher"), L.Name);
        Limit(source.Url, path.Then("url"), L.Url);
        Limit(source.Note, path.Then("note"), L.LongText);
    }

    private void CheckLengths(PlanEntry p)
    {
        var path = JsonPath.Of("plan");
        Limit(p.Code, path.Then("code"), L.Code);
        Limit(p.Organization, path.Then("organization"), L.Code);
        Limit(p.Region, path.Then("region"), L.Code);
        Limit(p.Name, path.Then("name"), L.PlanName);
        Limit(p.Subtitle, path.Then("subtitle"), L.Name);
        Limit(p.Type, path.Then("type"), L.Text);
        Limit(p.Period, path.Then("period"), L.Text);
        Limit(p.Levels, path.Then("levels"), L.Name);
        Limit(p.DefaultAchievementMethod, path.Then("defaultAchievementMethod"), L.Text);
        Limit(p.Secretariat, path.Then("secretariat"), L.Name);
        Limit(p.Description, path.Then("description"), L.LongText);
        if (p.GradeScale is { } scale)
        {
            Limit(scale.Preset, path.Then("gradeScale").Then("preset"), L.Text);
            for (var i = 0; i < scale.Bands.Count; i++)
            {
                var bp = path.Then("gradeScale").Then("bands").At(i);
                Limit(scale.Bands[i].Code, bp.Then("code"), L.GradeCode);
                Limit(scale.Bands[i].Label, bp.Then("label"), L.Text);
            }
        }

        for (var i = 0; i < p.Revisions.Count; i++)
        {
            var rp = path.Then("revisions").At(i);
            Limit(p.Revisions[i].Date, rp.Then("date"), L.Text);
            Limit(p.Revisions[i].Kind, rp.Then("kind"), L.Text);
            Limit(p.Revisions[i].Note, rp.Then("note"), L.LongText);
        }
    }

    private void CheckLengths(NodeEntry n, JsonPath path)
    {
        Limit(n.Code, path.Then("code"), L.Code);
        Limit(n.Label, path.Then("label"), L.Text);
        Limit(n.Title, path.Then("title"), L.Name);
        Limit(n.Description, path.Then("description"), L.LongText);
    }

    private void CheckLengths(KpiEntry k, JsonPath path)
    {
        Limit(k.Code, path.Then("code"), L.Code);
        Limit(k.Node, path.Then("node"), L.Code);
        Limit(k.Level, path.Then("level"), L.Text);
        Limit(k.Name, path.Then("name"), L.Name);
        Limit(k.Phrase, path.Then("phrase"), L.Name);
        Limit(k.Unit, path.Then("unit"), L.Text);
        Limit(k.Direction, path.Then("direction"), L.Text);
        Limit(k.TargetKind, path.Then("targetKind"), L.Text);
        Limit(k.Baseline, path.Then("baseline"), L.Text);
        Limit(k.BaselinePeriod, path.Then("baselinePeriod"), L.Text);
        Limit(k.Target, path.Then("target"), L.Text);
        Limit(k.TargetPeriod, path.Then("targetPeriod"), L.Text);
        Limit(k.PeriodKind, path.Then("periodKind"), L.Text);
        Limit(k.SeriesAggregation, path.Then("seriesAggregation"), L.Text);
        Limit(k.Method, path.Then("method"), L.Text);
        Limit(k.SurveyTiming, path.Then("surveyTiming"), L.Text);
        Limit(k.PublicationTiming, path.Then("publicationTiming"), L.Text);
        Limit(k.Source, path.Then("source"), L.LongText);
        Limit(k.Departments, path.Then("departments"), L.OrganizationName);
        Limit(k.Note, path.Then("note"), L.LongText);
        CheckLengths(k.InterimTargets, path.Then("interimTargets"));
        CheckLengths(k.Values, path.Then("values"));
        for (var i = 0; i < k.Series.Count; i++)
        {
            var s = k.Series[i];
            var sp = path.Then("series").At(i);
            Limit(s.Code, sp.Then("code"), L.Code);
            Limit(s.Name, sp.Then("name"), L.Name);
            Limit(s.Baseline, sp.Then("baseline"), L.Text);
            Limit(s.Target, sp.Then("target"), L.Text);
            CheckLengths(s.Values, sp.Then("values"));
        }
    }

    private void CheckLengths(List<PeriodValueEntry> values, JsonPath path)
    {
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            var vp = path.At(i);
            Limit(v.Period, vp.Then("period"), L.Text);
            Limit(v.Value, vp.Then("value"), L.Text);
            Limit(v.Comment, vp.Then("comment"), L.LongText);
            Limit(v.ReferenceScore, vp.Then("referenceScore"), L.Text);
        }
    }

    private void CheckLengths(ProjectEntry x, JsonPath path)
    {
        Limit(x.Code, path.Then("code"), L.Code);
        Limit(x.Node, path.Then("node"), L.Code);
        Limit(x.Name, path.Then("name"), L.Name);
        Limit(x.Category, path.Then("category"), L.Text);
        Limit(x.Content, path.Then("content"), L.LongText);
        Limit(x.Department, path.Then("department"), L.OrganizationName);
        Limit(x.Kpis, path.Then("kpis"), L.Code);
        Limit(x.StartYear, path.Then("startYear"), L.Text);
        Limit(x.EndYear, path.Then("endYear"), L.Text);
        Limit(x.Note, path.Then("note"), L.LongText);
        for (var i = 0; i < x.Partners.Count; i++)
        {
            var pp = path.Then("partners").At(i);
            Limit(x.Partners[i].Organization, pp.Then("organization"), L.Code);
            Limit(x.Partners[i].Name, pp.Then("name"), L.Name);
            Limit(x.Partners[i].Role, pp.Then("role"), L.Text);
        }

        for (var i = 0; i < x.Budget.Count; i++)
        {
            var b = x.Budget[i];
            var bp = path.Then("budget").At(i);
            Limit(b.FiscalYear, bp.Then("fiscalYear"), L.Text);
            Limit(b.Kind, bp.Then("kind"), L.Text);
            Limit(b.Amount, bp.Then("amount"), L.Text);
            Limit(b.Organization, bp.Then("organization"), L.Code);
            Limit(b.FundingSource, bp.Then("fundingSource"), L.Name);
        }

        for (var i = 0; i < x.Grants.Count; i++)
        {
            var g = x.Grants[i];
            var gp = path.Then("grants").At(i);
            Limit(g.Program, gp.Then("program"), L.Name);
            Limit(g.Amount, gp.Then("amount"), L.Text);
            Limit(g.FiscalYear, gp.Then("fiscalYear"), L.Text);
            Limit(g.StrategyLink, gp.Then("strategyLink"), L.Name);
        }
    }

    private void CheckLengths(RelistingEntry r, JsonPath path)
    {
        Limit(r.Node, path.Then("node"), L.Code);
        Limit(r.Kpi, path.Then("kpi"), L.Code);
        Limit(r.Project, path.Then("project"), L.Code);
        Limit(r.Name, path.Then("name"), L.Name);
        Limit(r.Content, path.Then("content"), L.LongText);
    }

    private void CheckLengths(CouncilEntry c, JsonPath path)
    {
        Limit(c.Code, path.Then("code"), L.Code);
        Limit(c.Name, path.Then("name"), L.Name);
        Limit(c.Kind, path.Then("kind"), L.Text);
        Limit(c.Description, path.Then("description"), L.LongText);
        for (var i = 0; i < c.Members.Count; i++)
        {
            var mp = path.Then("members").At(i);
            Limit(c.Members[i].Organization, mp.Then("organization"), L.Name);
            Limit(c.Members[i].Title, mp.Then("title"), L.Name);
        }

        for (var i = 0; i < c.Meetings.Count; i++)
        {
            var mp = path.Then("meetings").At(i);
            Limit(c.Meetings[i].Date, mp.Then("date"), L.Text);
            Limit(c.Meetings[i].Topics, mp.Then("topics"), L.LongText);
        }
    }

    private void CheckLengths(PopulationTargetEntry t, JsonPath path)
    {
        Limit(t.Term, path.Then("term"), L.Text);
        Limit(t.Year, path.Then("year"), L.Text);
        Limit(t.Indicator, path.Then("indicator"), L.Name);
        Limit(t.Target, path.Then("target"), L.Text);
        Limit(t.Projection, path.Then("projection"), L.Text);
        Limit(t.ProjectionEdition, path.Then("projectionEdition"), L.Name);
        Limit(t.Note, path.Then("note"), L.LongText);
    }

    private void CheckLengths(PublishedJudgementEntry j, JsonPath path)
    {
        Limit(j.FiscalYear, path.Then("fiscalYear"), L.Text);
        Limit(j.Source, path.Then("source"), L.LongText);
        Limit(j.Note, path.Then("note"), L.LongText);
        for (var i = 0; i < j.Tallies.Count; i++)
        {
            Limit(j.Tallies[i].Node, path.Then("tallies").At(i).Then("node"), L.Code);
        }

        for (var i = 0; i < j.Grades.Count; i++)
        {
            var gp = path.Then("grades").At(i);
            Limit(j.Grades[i].Kpi, gp.Then("kpi"), L.Code);
            Limit(j.Grades[i].Grade, gp.Then("grade"), L.GradeCode);
            Limit(j.Grades[i].Note, gp.Then("note"), L.LongText);
        }
    }
}
