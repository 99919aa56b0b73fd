using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Sosei.Application.Workbooks;
using Sosei.Web.Tests.Infrastructure;

namespace Sosei.Web.Tests;

/// <summary>The downloads page and endpoints, and the admin import page (authorization, CSRF, dry run then import).</summary>
public partial class ReportsPageTests(SoseiWebFactory factory) : IClassFixture<SoseiWebFactory>
{
    [Fact]
    public async Task Downloads_ListsEveryReportInEveryFormatAndThePlanFiles()
    {
        var client = factory.CreateClient();

        var html = await client.GetStringAsync("/plans/abashiri-sosei-2015/downloads?year=2018");

        foreach (var href in new[]
        {
            "/plans/abashiri-sosei-2015/reports/verification.xlsx?year=2018",
            "/plans/abashiri-sosei-2015/reports/verification.pdf?year=2018",
            "/plans/abashiri-sosei-2015/reports/verification.json?year=2018",
            "/plans/abashiri-sosei-2015/reports/verification.csv?year=2018",
            "/plans/abashiri-sosei-2015/reports/kpi-table.xlsx?year=2018",
            "/plans/abashiri-sosei-2015/reports/kpi-table.pdf?year=2018",
            "/plans/abashiri-sosei-2015/reports/kpi-table.csv?year=2018",
            "/plans/abashiri-sosei-2015/reports/projects.xlsx?year=2018",
            "/plans/abashiri-sosei-2015/reports/projects.csv?year=2018",
            "/plans/abashiri-sosei-2015/export.json",
            "/plans/abashiri-sosei-2015/export.xlsx",
            "/templates/plan-template.xlsx",
        })
        {
            Assert.Contains($"href=\"{href.Replace("&", "&amp;", StringComparison.Ordinal)}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("平成30年度 (2018)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Downloads_UnknownPlan_Is404()
    {
        var response = await factory.CreateClient().GetAsync("/plans/no-such-plan/downloads");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ReportEndpoint_ServesXlsxWithAJapaneseFileName()
    {
        var response = await factory.CreateClient().GetAsync("/plans/abashiri-sosei-2015/reports/kpi-table.xlsx?year=2018");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("abashiri-sosei-2015_KPI進捗管理表_平成30年度.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
        var sheets = XlsxReader.Read(await response.Content.ReadAsStreamAsync());
        Assert.Equal("KPI進捗管理表", sheets[0].Name);
    }

    [Theory]
    [InlineData("/plans/abashiri-sosei-2015/reports/nothing.xlsx")]
    [InlineData("/plans/abashiri-sosei-2015/reports/kpi-table.json")]
    [InlineData("/plans/abashiri-sosei-2015/reports/verification.doc")]
    [InlineData("/plans/no-such-plan/reports/verification.xlsx")]
    [InlineData("/plans/no-such-plan/export.json")]
    [InlineData("/plans/abashiri-sosei-2015/export.doc")]
    public async Task ReportEndpoint_UnknownKindFormatOrPlan_Is404ProblemDetails(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(404, json.GetProperty("status").GetInt32());
        Assert.Equal("見つかりません / Not Found", json.GetProperty("title").GetString());
        Assert.Contains(" / ", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportEndpoint_YearOutOfRange_Is400ProblemDetails()
    {
        var response = await factory.CreateClient().GetAsync("/plans/abashiri-sosei-2015/reports/kpi-table.xlsx?year=1800");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, json.GetProperty("status").GetInt32());
        Assert.Contains("1800", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_IsTheBlankWorkbookWithEverySheet()
    {
        var response = await factory.CreateClient().GetAsync("/templates/plan-template.xlsx");

        var sheets = XlsxReader.Read(await response.Content.ReadAsStreamAsync());
        Assert.Equal(["使い方", "計画", "団体", "地域", "策定・改訂", "評価区分", "体系", "KPI"], sheets.Take(8).Select(s => s.Name));
        Assert.Equal("KPIコード", sheets.Single(s => s.Name == "KPI").Cell(1, 1));
    }

    [Fact]
    public async Task Import_Anonymous_IsSentToSignIn()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/admin/import");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_PostWithoutAntiforgeryToken_IsRefused()
    {
        var client = await SignedInAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "Upload", "a.xlsx" } };

        var response = await client.PostAsync("/admin/import", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Import_DryRunThenConfirm_ImportsTheWorkbook()
    {
        var client = await SignedInAsync();
        var xlsx = await client.GetByteArrayAsync("/plans/abashiri-sosei-2015/export.xlsx");

        var dryRun = await ImportUploads.PollAsync(client, await ImportUploads.UploadAsync(client, xlsx, "abashiri.xlsx"));
        Assert.Contains("問題はありません", dryRun, StringComparison.Ordinal);
        Assert.Contains("この内容で取り込む", dryRun, StringComparison.Ordinal);

        var token = AdminSession.Token(dryRun);
        var confirm = await client.PostAsync(ConfirmAction(dryRun), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        var done = await ImportUploads.PollAsync(client, confirm);
        Assert.Contains("取り込みました", done, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BadWorkbook_ListsProblemsWithSheetRowAndColumn()
    {
        var client = await SignedInAsync();
        var sheets = XlsxReader.Read(new MemoryStream(await client.GetByteArrayAsync("/plans/abashiri-sosei-2015/export.xlsx")));
        var kpi = sheets.Single(s => s.Name == "KPI");
        var column = kpi.Rows[0].ToList().IndexOf("平成28年度");
        var rows = kpi.Rows.Select(r => r.ToList()).ToList();
        while (rows[1].Count <= column)
        {
            rows[1].Add("");
        }

        rows[1][column] = "2億x円";
        var bad = sheets.Select(s => s.Name == "KPI" ? s with { Rows = rows } : s).ToList();
        var bytes = XlsxWriter.ToBytes(bad.Where(s => s.Name != "使い方").Select(ToXlsx).ToList());

        var page = await ImportUploads.PollAsync(client, await ImportUploads.UploadAsync(client, bytes, "bad.xlsx"));

        Assert.Contains("問題があるため取り込めません", page, StringComparison.Ordinal);
        Assert.Contains($"「KPI」シート 2行 {CellLocation.ColumnName(column + 1)}列（平成28年度）", page, StringComparison.Ordinal);
        Assert.Contains("2億x円", page, StringComparison.Ordinal);
    }

    private static XlsxSheet ToXlsx(SheetTable table)
    {
        var sheet = new XlsxSheet { Name = table.Name };
        foreach (var row in table.Rows)
        {
            sheet.Rows.Add(row.Select(c => XlsxCell.Of(c)).ToList());
        }

        return sheet;
    }

    private Task<HttpClient> SignedInAsync() => AdminSession.SignedInAsync(factory, followRedirects: true);

    private static string ConfirmAction(string html) => WebUtility.HtmlDecode(ConfirmPattern().Match(html).Groups[1].Value);

    [GeneratedRegex("action=\"([^\"]*handler=Confirm[^\"]*)\"")]
    private static partial Regex ConfirmPattern();
}
