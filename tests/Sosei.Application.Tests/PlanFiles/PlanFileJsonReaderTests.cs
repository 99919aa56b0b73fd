using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Sosei.Application.Common;
using Sosei.Application.PlanFiles;
using Sosei.Testing;

namespace Sosei.Application.Tests.PlanFiles;

/// <summary>
/// Reading a plan file's JSON: a property written twice is refused (it would silently take the last value), and a file
/// with several wrong values lists every one of them at its path, not only the first.
/// </summary>
public class PlanFileJsonReaderTests
{
    private static string Demo(string file) => File.ReadAllText(RepositoryRoot.Combine("data", "demo", file));

    private static async Task<(PlanDocument? Document, IReadOnlyList<ImportProblem> Problems)> ReadAsync(string json) =>
        await PlanFileJsonReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private static List<string> Places(IEnumerable<ImportProblem> problems) =>
        problems.Select(p => p.Place.In(CultureInfo.InvariantCulture)).ToList();

    [Theory]
    [InlineData("abashiri-kpi-2015.json")]
    [InlineData("nemuro-sosei-2015.json")]
    public async Task TheDemoFiles_ReadWithoutProblems(string file)
    {
        var (document, problems) = await ReadAsync(Demo(file));

        Assert.Empty(problems);
        Assert.NotNull(document);
    }

    [Fact]
    public async Task APropertyWrittenTwice_IsRefusedAtItsPath_InsteadOfTakingTheLastValue()
    {
        var json = Demo("abashiri-kpi-2015.json");
        var at = json.IndexOf("\"plan\": {", StringComparison.Ordinal) + "\"plan\": {".Length;
        var twice = json.Insert(at, "\"code\": \"nemuro-sosei-2015\", ");

        var (document, problems) = await ReadAsync(twice);

        Assert.Null(document);
        var problem = Assert.Single(problems);
        Assert.Equal("plan.code", problem.Place.In(CultureInfo.InvariantCulture));
        Assert.Contains("2回以上", problem.Message.Japanese, StringComparison.Ordinal);
        Assert.Contains("more than once", problem.Message.English, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamesDifferingOnlyInCase_AreTheSamePropertyTwice()
    {
        var (_, problems) = await ReadAsync("""{ "plan": { "code": "a", "Code": "b", "name": "x", "organization": "o", "period": "FY2015..FY2019" } }""");

        Assert.Equal(["plan.Code"], Places(problems));
    }

    [Fact]
    public async Task EveryWrongValue_UnknownPropertyAndMissingRequiredProperty_IsListedAtItsPath()
    {
        var root = JsonNode.Parse(Demo("abashiri-kpi-2015.json"))!;
        root["plan"]!["name"] = 5;
        root["kpis"]![2]!["decimals"] = "two";
        root["kpis"]![5]!["colour"] = "red";
        root["kpis"]![7]!.AsObject().Remove("code");
        root["publishedJudgements"]![0]!["thresholdPercent"] = "八十";

        var (document, problems) = await ReadAsync(root.ToJsonString());

        Assert.Null(document);
        Assert.Equal(
            ["plan.name", "kpis[2].decimals", "kpis[5].colour", "kpis[7].code", "publishedJudgements[0].thresholdPercent"],
            Places(problems));
        Assert.Equal("文字列（\"…\"）が必要です（書かれている値: 5）。", problems[0].Message.Japanese);
        Assert.Equal("Expected a whole number (2018), found \"two\".", problems[1].Message.English);
        Assert.Contains("ここで使える項目", problems[2].Message.Japanese, StringComparison.Ordinal);
        Assert.Contains("baselinePeriod", problems[2].Message.Japanese, StringComparison.Ordinal);
        Assert.Equal("必須項目「code」がありません。", problems[3].Message.Japanese);
        Assert.Contains("数値", problems[4].Message.Japanese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASyntaxError_IsReportedAtItsLine()
    {
        var (document, problems) = await ReadAsync("{\n  \"format\": \"sosei-plan/1\",\n  \"plan\": { \"code\": \"a\" \n}");

        Assert.Null(document);
        var problem = Assert.Single(problems);
        Assert.Equal(4L, Assert.IsType<JsonTextPosition>(problem.Place).Line);
    }

    [Fact]
    public async Task ThousandsOfWrongValues_AreCappedWithTheCountOfTheRest()
    {
        var root = JsonNode.Parse(Demo("abashiri-kpi-2015.json"))!;
        var kpis = root["kpis"]!.AsArray();
        foreach (var kpi in kpis.ToList())
        {
            kpis.Add(kpi!.DeepClone());
            kpis.Add(kpi.DeepClone());
        }

        foreach (var kpi in kpis)
        {
            kpi!["decimals"] = "x";
            kpi["order"] = "y";
        }

        var (_, problems) = await ReadAsync(root.ToJsonString());

        Assert.Equal(PlanFileJsonReader.MaxProblems + 1, problems.Count);
        Assert.Contains("ほか ", problems[^1].Message.Japanese, StringComparison.Ordinal);
    }
}
