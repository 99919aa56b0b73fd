using System.Globalization;
using System.Text;
using Sosei.Application.Common;
using Sosei.Application.Population;

namespace Sosei.Application.Tests.Population;

/// <summary>The population CSV parser alone: text in, figures or located problems out, no database.</summary>
public class PopulationCsvParserTests
{
    private static PopulationImportRequest Request(PopulationFileKind kind) =>
        new() { Kind = kind, Edition = "テスト", FileName = "test.csv" };

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void A_register_file_gives_one_total_figure_per_area_and_year()
    {
        var parsed = PopulationCsvParser.Parse(Utf8("code,name,date,total\n01223,根室市,2014,28050\n\n01223,根室市,2015,27500\n"), Request(PopulationFileKind.Register));

        Assert.Empty(parsed.Problems);
        Assert.Equal([28050m, 27500m], parsed.Figures.Select(f => f.Count));
        Assert.Equal(["01223 根室市"], parsed.Areas);
        Assert.Equal([2014, 2015], parsed.Years);
    }

    [Fact]
    public void A_quoted_field_keeps_its_commas()
    {
        var parsed = PopulationCsvParser.Parse(Utf8("code,name,tfr_2008_2012,source\n01223,根室市,1.53,\"人口動態統計, Bayes\"\n"), Request(PopulationFileKind.Tfr));

        Assert.Empty(parsed.Problems);
        Assert.Equal("人口動態統計, Bayes", Assert.Single(parsed.Rates).Source);
    }

    [Fact]
    public void A_bad_cell_is_a_problem_at_its_row_and_column_and_nothing_is_kept()
    {
        var parsed = PopulationCsvParser.Parse(Utf8("code,name,date,total\n01223,根室市,2014,28050\n1223,根室市,2015,27500\n"), Request(PopulationFileKind.Register));

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(("test.csv", 3, "code", "1223"), (problem.File, problem.Row, problem.Column, problem.Text));
        Assert.Empty(parsed.Figures);
    }

    [Fact]
    public void An_unclosed_quote_is_a_problem_on_the_line_it_opens()
    {
        var parsed = PopulationCsvParser.Parse(Utf8("code,name,date,total\n01223,\"根室市,2014,28050\n"), Request(PopulationFileKind.Register));

        Assert.Equal(2, Assert.Single(parsed.Problems).Row);
    }

    [Fact]
    public void A_shift_jis_file_reads_as_its_utf8_twin()
    {
        const string text = "code,name,date,total\n01223,根室市,2014,28050\n";
        var shiftJis = CodePagesEncodingProvider.Instance.GetEncoding(932)!.GetBytes(text);

        var parsed = PopulationCsvParser.Parse(shiftJis, Request(PopulationFileKind.Register));

        Assert.Empty(parsed.Problems);
        Assert.Equal(["01223 根室市"], parsed.Areas);
        Assert.Equal([28050m], parsed.Figures.Select(f => f.Count));
    }

    [Fact]
    public void Bytes_neither_utf8_nor_shift_jis_are_a_problem_not_an_exception()
    {
        var parsed = PopulationCsvParser.Parse([0x63, 0x6F, 0x64, 0x65, 0x0A, 0x81, 0x20], Request(PopulationFileKind.Register));

        var problem = Assert.Single(parsed.Problems);
        Assert.Null(problem.Row);
        Assert.Contains("Shift_JIS", problem.Message.Japanese, StringComparison.Ordinal);
        Assert.Contains("Shift_JIS", problem.Message.English, StringComparison.Ordinal);
    }

    [Fact]
    public void A_problem_carries_a_typed_place_and_a_message_in_both_languages()
    {
        var parsed = PopulationCsvParser.Parse(Utf8("code,name,date,total\n01223,根室市,2014,28O50\n"), Request(PopulationFileKind.Register));

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(new InFile("test.csv", new CsvCell(2, "total")), problem.Place);
        Assert.Equal("0 以上の整数の人数です（例 28050）", problem.Message.Japanese);
        Assert.Equal("expected a whole number of persons (28050).", problem.Message.English);
        Assert.Equal("test.csv: 2行目 列 total: 「28O50」 0 以上の整数の人数です（例 28050）", problem.In(Message.JapaneseUi));
        Assert.Equal(
            "test.csv: row 2 column total: \"28O50\" expected a whole number of persons (28050).",
            problem.In(CultureInfo.GetCultureInfo("en-GB")));
    }
}
