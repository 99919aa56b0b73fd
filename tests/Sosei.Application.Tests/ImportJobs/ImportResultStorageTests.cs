using System.Globalization;
using Sosei.Application.Common;
using Sosei.Application.ImportJobs;
using Sosei.Application.PlanFiles;

namespace Sosei.Application.Tests.ImportJobs;

/// <summary>A job's result is stored as JSON: every kind of problem place and both halves of each message come back.</summary>
public class ImportResultStorageTests
{
    [Fact]
    public void StoredResult_WithEveryKindOfPlace_ReadsBackEqual()
    {
        var message = new Message("数値として読めません。", "not a number.");
        var places = new ProblemPlace[]
        {
            JsonPath.Of("kpis").At(3).Then("values").At(1).Then("value"),
            JsonPath.Root,
            new WorkbookCell("KPI", 12, 6, "平成28年度"),
            new InFile("plan.json", new JsonTextPosition("plan.code", 3)),
            new NamedPlace(new Message("計画", "plan")),
            new JsonTextPosition(null, null),
        };
        var result = new ImportResult
        {
            PlanCode = "abashiri-sosei-2015",
            Problems = places.Select(p => new ImportProblem(p, "2億x円", message)).ToList(),
        };

        var read = ImportJobService.ReadResult(ImportJobService.WriteResult(result));

        Assert.NotNull(read);
        Assert.Equal(places, read.Problems.Select(p => p.Place));
        var ja = CultureInfo.GetCultureInfo("ja-JP");
        var en = CultureInfo.GetCultureInfo("en");
        Assert.Equal(result.Problems.Select(p => p.In(ja)), read.Problems.Select(p => p.In(ja)));
        Assert.Equal(result.Problems.Select(p => p.In(en)), read.Problems.Select(p => p.In(en)));
        Assert.Contains("「KPI」シート 12行 F列（平成28年度）", read.Problems[2].In(ja), StringComparison.Ordinal);
    }
}
