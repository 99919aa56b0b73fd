using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosei.Application.Persistence;

namespace Sosei.Web.Tests;

/// <summary>
/// A double click on 保存 of a new KPI or project sends the same form twice at the same moment: one is saved, the
/// other gets the form back with a message on the code field — never a server error, never two items. The values grid
/// saved twice at once stores each period once, and every answer is the saved grid.
/// </summary>
public class DoubleSubmitTests(SoseiWebFactory factory) : IClassFixture<SoseiWebFactory>
{
    private const string Abashiri = "/admin/plans/abashiri-sosei-2015";

    public static TheoryData<string, string, string> NewItems => new()
    {
        { Abashiri + "/kpis/new?node=G1", "Form.Name", "二重送信テストKPI" },
        { Abashiri + "/projects/new?node=G1", "Form.Name", "二重送信テスト事業" },
    };

    [Theory]
    [MemberData(nameof(NewItems))]
    public async Task TheSameNewItemPostedTwiceAtOnce_IsSavedOnce_AndTheOtherAnswerIsTheFormWithAMessage(string url, string nameField, string name)
    {
        using var client = await AdminSession.SignedInAsync(factory);
        var form = await AdminSession.FormAsync(client, url, "form.form");
        var code = "DS-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        form["Form.Code"] = code;
        form[nameField] = name;
        if (url.Contains("/kpis/", StringComparison.Ordinal))
        {
            form["Form.Phrase"] = "5年で100人";
            form["Form.Unit"] = "人";
        }

        var posts = Enumerable.Range(0, 4).Select(_ => client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(form))).ToList();
        var responses = await Task.WhenAll(posts);

        Assert.DoesNotContain(responses, r => r.StatusCode >= HttpStatusCode.InternalServerError);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(code, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SoseiDbContext>();
        var stored = await db.Kpis.CountAsync(k => k.Code == code) + await db.Projects.CountAsync(p => p.Code == code);
        Assert.Equal(1, stored);
    }

    [Fact]
    public async Task TheSameValuesGridPostedTwiceAtOnce_StoresThePeriodOnce_AndTheValuesPageStillOpens()
    {
        // 網走市 従業者数 (G1-N1, no series): the grid's empty last row adds 令和3年度.
        const string url = Abashiri + "/kpis/G1-N1/values";
        using var client = await AdminSession.SignedInAsync(factory);
        var form = await AdminSession.FormAsync(client, url, "form.values-form");
        var added = form.Keys.Single(k => k.EndsWith(".Period", StringComparison.Ordinal));
        form[added] = "R3";
        form[added.Replace(".Period", ".Cells[0].Text", StringComparison.Ordinal)] = "16,100人";

        var posts = Enumerable.Range(0, 4).Select(_ => client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(form))).ToList();
        var responses = await Task.WhenAll(posts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SoseiDbContext>();
            var kpi = await db.Kpis.SingleAsync(k => k.Code == "G1-N1" && k.Plan!.Code == "abashiri-sosei-2015");
            Assert.Equal(1, await db.KpiValues.CountAsync(v => v.KpiId == kpi.Id && v.PeriodYear == 2021));
        }

        var page = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("16,100人", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoGradePagesOpenedTogether_TheSecondSaveIsRefusedWithTheFirstOnesGrade_AndItsInputKept()
    {
        // 網走市 市内事業所の従業員数 (G1-N1), 平成30年度: no override yet.
        const string url = Abashiri + "/kpis/G1-N1/grade?year=2018";
        using var client = await AdminSession.SignedInAsync(factory);
        var first = await AdminSession.FormAsync(client, url, "form.form");
        var second = await AdminSession.FormAsync(client, url, "form.form");
        Assert.Equal("", first["Form.Version"]);

        first["Form.GradeCode"] = "80%未満";
        first["Form.Reason"] = "調査時点が古いため";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(first))).StatusCode);

        second["Form.GradeCode"] = "80%以上";
        second["Form.Reason"] = "有識者会議の意見により";
        var refused = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(second));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("ほかの人が保存しました", html, StringComparison.Ordinal);
        Assert.Contains("有識者会議の意見により", html, StringComparison.Ordinal);

        // The form now carries the stored version: saving it again overwrites knowingly.
        var again = AdminSession.FormFields(html, "form.form");
        Assert.NotEqual("", again["Form.Version"]);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(again))).StatusCode);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SoseiDbContext>();
        var stored = await db.GradeOverrides.SingleAsync(o => o.FiscalYear == 2018 && o.Kpi!.Code == "G1-N1" && o.Kpi.Plan!.Code == "abashiri-sosei-2015");
        Assert.Equal(("80%以上", "有識者会議の意見により"), (stored.GradeCode, stored.Reason));
    }

    [Fact]
    public async Task TheSameGradeOverridePostedTwiceAtOnce_IsStoredOnce_AndNoAnswerIsAServerError()
    {
        // 網走市 食品製造業の付加価値率 (G1.1.1.1-K1), 平成30年度: no override yet.
        const string url = Abashiri + "/kpis/G1.1.1.1-K1/grade?year=2018";
        using var client = await AdminSession.SignedInAsync(factory);
        var form = await AdminSession.FormAsync(client, url, "form.form");
        form["Form.GradeCode"] = "80%未満";
        form["Form.Reason"] = "二重送信の試験";

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(form))));

        Assert.DoesNotContain(responses, r => r.StatusCode >= HttpStatusCode.InternalServerError);
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SoseiDbContext>();
        Assert.Equal(1, await db.GradeOverrides.CountAsync(o => o.FiscalYear == 2018 && o.Kpi!.Code == "G1.1.1.1-K1" && o.Kpi.Plan!.Code == "abashiri-sosei-2015"));
    }

    [Fact]
    public async Task ThePopulationTargetsFormWithANewRowPostedTwiceAtOnce_AddsTheRowOnce_AndNoAnswerIsAServerError()
    {
        const string url = "/admin/plans/nemuro-sosei-2015/population-targets";
        using var client = await AdminSession.SignedInAsync(factory);
        var form = await AdminSession.FormAsync(client, url, "form.form");
        var blank = form.Keys.Where(k => k.EndsWith(".Term", StringComparison.Ordinal)).First(k => form[k].Length == 0);
        var row = blank[..^".Term".Length];
        form[row + ".Term"] = "長期";
        form[row + ".Year"] = "2040年";
        form[row + ".Indicator"] = "総人口";
        form[row + ".Target"] = "21,000人";

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(form))));

        Assert.DoesNotContain(responses, r => r.StatusCode >= HttpStatusCode.InternalServerError);
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SoseiDbContext>();
        Assert.Equal(1, await db.PopulationTargets.CountAsync(t => t.Plan!.Code == "nemuro-sosei-2015" && t.Term == "長期" && t.Year == 2040 && t.Indicator == "Total"));
    }
}
