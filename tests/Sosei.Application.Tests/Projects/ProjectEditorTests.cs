using Microsoft.EntityFrameworkCore;
using Sosei.Application.Kpis;
using Sosei.Application.Projects;
using Sosei.Application.Tests.Infrastructure;
using static Sosei.Application.Tests.Infrastructure.EditingDatabase;
namespace Sosei.Application.Tests.Projects;

public class ProjectEditorTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Create_WithPartnersKpisBudgetAndGrant(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        await using (var context = db.NewContext())
        {
            var view = (await ProjectEditor(context).NewAsync(Abashiri, "G1.1"))!;
            Assert.Equal("P007", view.Form.Code);
            var form = view.Form;
            form.Name = "創業支援事業";
            form.Category = nameof(ProjectCategory.New);
            form.Department = "商工労働課";
            form.StartYear = "H28";
            form.EndYear = "平成31年度";
            form.Partners.Add(new PartnerForm { Organization = "01564", Role = nameof(PartnerRole.Partner) });
            form.Partners.Add(new PartnerForm { Name = "網走商工会議所", Role = nameof(PartnerRole.RunningBody) });
            form.Partners.Add(new PartnerForm());
            form.Kpis.Add("G1-N1");
            form.Budget.Add(new BudgetForm { FiscalYear = "H30", Kind = nameof(BudgetKind.Settlement), Amount = "2億4千万円" });
            form.Budget.Add(new BudgetForm { FiscalYear = "R1", Kind = nameof(BudgetKind.Budget), Amount = "-" });
            form.Budget.Add(new BudgetForm());
            form.Grants.Add(new GrantForm { Program = "地方創生推進交付金", Amount = "5,031,030", FiscalYear = "H30" });

            var result = await ProjectEditor(context).SaveAsync(Abashiri, null, form);

            Assert.True(result.Succeeded, string.Join(" | ", result.Errors.Values));
        }

        await using (var context = db.NewContext())
        {
            var p = await context.Projects.Include(x => x.Partners).ThenInclude(x => x.Organization).Include(x => x.Kpis).Include(x => x.BudgetLines)
                .Include(x => x.Grants).Include(x => x.Department).SingleAsync(x => x.Code == "P007");
            Assert.Equal(ProjectCategory.New, p.Category);
            Assert.Equal("商工労働課", p.Department!.Name);
            Assert.Equal((2016, 2019), (p.StartFiscalYear, p.EndFiscalYear));
            Assert.Equal(["大空町", null], p.Partners.OrderBy(x => x.SortOrder).Select(x => x.Organization?.Name));
            Assert.Equal("網走商工会議所", p.Partners.Single(x => x.Organization is null).Name);
            Assert.Single(p.Kpis);
            var settlement = p.BudgetLines.Single(b => b.FiscalYear == 2018);
            Assert.Equal(240_000_000m, settlement.Amount);
            Assert.Equal("2億4千万円", settlement.OriginalText);
            var undecided = p.BudgetLines.Single(b => b.FiscalYear == 2019);
            Assert.Null(undecided.Amount);
            Assert.Equal("-", undecided.OriginalText);
            Assert.Equal(5_031_030m, Assert.Single(p.Grants).Amount);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Edit_KeepsGrantDetails_AndChangesKpiLinks(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        await using (var context = db.NewContext())
        {
            var form = (await ProjectEditor(context).GetAsync(Abashiri, "P001"))!.Form;
            Assert.Equal(["G5-N2", "G5.1.2.3-K1"], form.Kpis);
            Assert.Equal("1", form.Grants[0].ListNumber);
            form.Kpis.Remove("G5-N2");
            form.Kpis.Add("G1-N1");

            var result = await ProjectEditor(context).SaveAsync(Abashiri, "P001", form);

            Assert.True(result.Succeeded, string.Join(" | ", result.Errors.Values));
        }

        await using (var context = db.NewContext())
        {
            var p = await context.Projects.Include(x => x.Kpis).ThenInclude(k => k.Kpi).Include(x => x.Grants).SingleAsync(x => x.Code == "P001" && x.Plan!.Code == Abashiri);
            Assert.Equal(["G5.1.2.3-K1", "G1-N1"], p.Kpis.OrderBy(k => k.SortOrder).Select(k => k.Kpi!.Code));
            var grant = Assert.Single(p.Grants);
            Assert.Equal(1, grant.ListNumber);
            Assert.Equal(2_858_000m, grant.Amount);
            Assert.StartsWith("○支え合い", grant.StrategyLink, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Save_BadAmountYearAndDuplicateCode_AreRefusedAndNothingChanges(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        var before = await SnapshotAsync(db);
        await using (var context = db.NewContext())
        {
            var form = (await ProjectEditor(context).GetAsync(Abashiri, "P001"))!.Form;
            form.Code = "P002";
            form.Budget.Add(new BudgetForm { FiscalYear = "H30", Kind = nameof(BudgetKind.Settlement), Amount = "2億x円" });
            form.Budget.Add(new BudgetForm { FiscalYear = "平成ＸＸ年", Kind = nameof(BudgetKind.Budget), Amount = "12人" });
            form.Partners.Add(new PartnerForm { Organization = "01564", Name = "大空町役場" });

            var result = await ProjectEditor(context).SaveAsync(Abashiri, "P001", form);

            AssertError(result, nameof(ProjectForm.Code), "事業コード「P002」は、この計画の別の事業で使われています");
            AssertError(result, "Budget[0].Amount", "予算・決算の金額: 「2億x円」は数値として読めません");
            AssertError(result, "Budget[1].FiscalYear", "「平成ＸＸ年」");
            AssertError(result, "Budget[1].Amount", "「12人」", "金額（円）を指定してください");
            AssertError(result, "Partners[0].Name", "名称を入力しないでください");
        }

        Assert.Equal(before, await SnapshotAsync(db));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Relisting_IsAddedAndRemoved_NeverAtHomeNorTwice(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        int id;
        await using (var context = db.NewContext())
        {
            var editor = Relistings(context);
            var added = await editor.AddAsync(Abashiri, RelistedItem.Project, "P001", new RelistingForm { NodeCode = "G1.1", DisplayName = "CCRC構築推進事業（再掲）" });
            Assert.True(added.Succeeded, string.Join(" | ", added.Errors.Values));

            var twice = await editor.AddAsync(Abashiri, RelistedItem.Project, "P001", new RelistingForm { NodeCode = "G1.1" });
            AssertError(twice, nameof(RelistingForm.NodeCode), "既に再掲されています");

            var home = await editor.AddAsync(Abashiri, RelistedItem.Kpi, "G1-N1", new RelistingForm { NodeCode = "G1" });
            AssertError(home, nameof(RelistingForm.NodeCode), "本来の掲載場所です");

            var view = (await ProjectEditor(context).GetAsync(Abashiri, "P001"))!;
            var relisting = Assert.Single(view.Relistings);
            Assert.Equal("CCRC構築推進事業（再掲）", relisting.DisplayName);
            id = relisting.Id;
        }

        await using (var context = db.NewContext())
        {
            Assert.True((await Relistings(context).RemoveAsync(Abashiri, RelistedItem.Kpi, "G1-N1", id)).IsNotFound);
            Assert.True((await Relistings(context).RemoveAsync(Abashiri, RelistedItem.Project, "P001", id)).Succeeded);
            Assert.Empty(await context.Relistings.Where(r => r.ProjectId != null).ToListAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task ProjectOfAnotherPlan_IsNotFound(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind, withNemuro: true);
        await using var context = db.NewContext();

        Assert.Null(await ProjectEditor(context).GetAsync(Abashiri, "P010"));
        Assert.True((await ProjectEditor(context).SaveAsync(Abashiri, "P010", new ProjectForm())).IsNotFound);
    }
}
