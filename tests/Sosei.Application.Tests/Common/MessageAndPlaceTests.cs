using System.Globalization;
using Sosei.Application.Common;
using Sosei.Application.PlanFiles;

namespace Sosei.Application.Tests.Common;

public sealed class MessageAndPlaceTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void ImportProblem_InWorkbookCell_IsShownInEachLanguage()
    {
        var problem = new ImportProblem(new WorkbookCell("KPI", 12, 6, "H27"), "たくさん", new Message("数値として読めません。", "not a value."));
        Assert.Equal("「KPI」シート 12行 F列（H27）: 「たくさん」 数値として読めません。", problem.In(Message.JapaneseUi));
        Assert.Equal("sheet \"KPI\" row 12 column F (H27): \"たくさん\" not a value.", problem.In(English));
    }

    [Fact]
    public void JsonPath_IsBuiltTypedAndShownAsInTheFormat()
    {
        var path = JsonPath.Of("kpis").At(3).Then("values").At(1).Then("value");
        Assert.Equal("kpis[3].values[1].value", path.In(English));
        Assert.Equal(path, JsonPath.Of("kpis").At(3).Then("values").At(1).Then("value"));
        Assert.True(path.IsWithin(JsonPath.Of("kpis").At(3)));
        Assert.Equal(JsonPath.Of("kpis").At(3).Then("values").At(1), path.Parent);
    }

    [Fact]
    public void Message_RequiresBothHalves()
    {
        Assert.Throws<ArgumentException>(() => new Message("日本語", " "));
        Assert.Equal("English", new Message("日本語", "English").In(English));
    }
}
