using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Sosei.Application.Common;
using Sosei.Application.Persistence;
using Sosei.Application.PlanFiles;

namespace Sosei.Web.Tests;

/// <summary>
/// Validation messages are pairs: the English UI shows the English half, the Japanese UI the Japanese one, and a form
/// and a plan file that make the same mistake get the same message. Nothing is saved (every post is refused).
/// </summary>
public class MessageLanguageTests(SoseiWebFactory factory) : IClassFixture<SoseiWebFactory>
{
    private const string Abashiri = "/admin/plans/abashiri-sosei-2015";

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task KpiForm_BadTarget_IsExplainedInTheUiLanguage(string lang)
    {
        var client = await SignedInAsync(lang);
        var url = Abashiri + "/kpis/G1-N1/edit";
        var form = await AdminSession.FormAsync(client, url, "form.form.wide");
        form["Form.Target"] = "12x3";

        var refused = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var error = FieldError(await refused.Content.ReadAsStringAsync(), "Form.Target");
        if (lang == "en")
        {
            Assert.Contains("Target", error, StringComparison.Ordinal);
            Assert.DoesNotContain(error, IsKana); // kanji may appear in the quoted notation examples (16,474人), sentences have kana
        }
        else
        {
            Assert.Contains("目標値", error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task SettingsForm_BadCustomBand_ShowsTheImportersMessageOnThatBand(string lang)
    {
        GradeBandEntry[] bands = [new("A", "達成", 80m), new("A", "未達"), new("—", "データなし", null, true)];
        Message expected;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SoseiDbContext>();
            var document = (await new PlanFileExporter(db).ExportAsync("abashiri-sosei-2015"))!;
            document = document with { Plan = document.Plan with { GradeScale = new GradeScaleEntry { Bands = [.. bands] } } };
            using var json = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(document, PlanDocumentJson.Options));
            var result = await scope.ServiceProvider.GetRequiredService<PlanFileImporter>().ImportJsonAsync(json, new ImportOptions { DryRun = true });
            expected = Assert.Single(result.Problems, p => Equals(p.Place, JsonPath.Of("plan", "gradeScale", "bands"))).Message;
        }

        var client = await SignedInAsync(lang);
        var url = Abashiri + "/settings";
        var form = await AdminSession.FormAsync(client, url, "form.form.wide");
        foreach (var key in form.Keys.Where(k => k.StartsWith("Form.Bands[", StringComparison.Ordinal)).ToList())
        {
            form.Remove(key);
        }

        form["Form.ScalePreset"] = "Custom";
        for (var i = 0; i < bands.Length; i++)
        {
            var at = "Form.Bands[" + i.ToString(CultureInfo.InvariantCulture) + "].";
            form[at + "Code"] = bands[i].Code;
            form[at + "Label"] = bands[i].Label;
            form[at + "MinPercent"] = bands[i].MinPercent?.ToString(CultureInfo.InvariantCulture) ?? "";
            form[at + "NoData"] = bands[i].NoData ? "true" : "false";
        }

        var refused = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var error = FieldError(await refused.Content.ReadAsStringAsync(), "Form.Bands[1].Code");
        Assert.Contains(expected.In(CultureInfo.GetCultureInfo(lang == "en" ? "en" : "ja-JP")), error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja", "この計画に「ZZZ」という施策（ノード）はありません。")]
    [InlineData("en", "This plan has no goal or measure \"ZZZ\".")]
    public async Task ProjectSearch_UnknownNode_IsExplainedInTheUiLanguage(string lang, string expected)
    {
        var client = await SignedInAsync(lang);

        var html = await client.GetStringAsync(new Uri("/plans/abashiri-sosei-2015/projects?node=ZZZ", UriKind.Relative));

        var errors = new HtmlParser().ParseDocument(html).QuerySelectorAll(".field-error").Select(e => e.TextContent.Trim());
        Assert.Contains(System.Net.WebUtility.HtmlDecode(expected), errors);
    }

    private static bool IsKana(char c) => c is >= '\u3040' and <= '\u30FF';

    private static string FieldError(string html, string field)
    {
        var span = new HtmlParser().ParseDocument(html).QuerySelector($"[data-valmsg-for='{field}']");
        Assert.NotNull(span);
        var text = span.TextContent.Trim();
        Assert.False(string.IsNullOrEmpty(text), $"no message for {field}");
        return text;
    }

    private async Task<HttpClient> SignedInAsync(string lang)
    {
        var client = await AdminSession.SignedInAsync(factory);
        var switched = await client.GetAsync(new Uri("/lang/" + lang, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        return client;
    }
}
