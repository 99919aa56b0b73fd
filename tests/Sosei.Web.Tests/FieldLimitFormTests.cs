using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosei.Application.Common;
using Sosei.Application.Persistence;

namespace Sosei.Web.Tests;

/// <summary>
/// The KPI form has the file's limits (<see cref="FieldLimits"/>): a 100,000-character name gets the form back with the
/// limit and the length on the name field, and nothing is stored; a name exactly at the limit is saved.
/// </summary>
public class FieldLimitFormTests(SoseiWebFactory factory) : IClassFixture<SoseiWebFactory>
{
    private const string NewKpi = "/admin/plans/abashiri-sosei-2015/kpis/new?node=G1";

    private static async Task<(HttpResponseMessage Response, string Code)> PostAsync(HttpClient client, string name)
    {
        var form = await AdminSession.FormAsync(client, NewKpi, "form.form");
        var code = "FL-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        form["Form.Code"] = code;
        form["Form.Name"] = name;
        form["Form.Phrase"] = "5年で100人";
        form["Form.Unit"] = "人";
        return (await client.PostAsync(new Uri(NewKpi, UriKind.Relative), new FormUrlEncodedContent(form)), code);
    }

    private async Task<int> StoredAsync(string code)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SoseiDbContext>().Kpis.CountAsync(k => k.Code == code);
    }

    [Fact]
    public async Task A_100000_character_KPI_name_gets_the_form_back_with_the_limit_and_nothing_is_stored()
    {
        using var client = await AdminSession.SignedInAsync(factory);

        var (response, code) = await PostAsync(client, new string('あ', 100_000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("500文字以内にしてください（100,000文字あります）", html, StringComparison.Ordinal);
        Assert.True(html.Length < 400_000, $"the page quotes the name: {html.Length} characters");
        Assert.Equal(0, await StoredAsync(code));
    }

    [Fact]
    public async Task A_KPI_name_exactly_at_the_limit_is_saved()
    {
        using var client = await AdminSession.SignedInAsync(factory);

        var (response, code) = await PostAsync(client, new string('あ', FieldLimits.Name - 1) + "数");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await StoredAsync(code));
    }
}
