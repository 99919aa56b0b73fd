using BenchmarkDotNet.Attributes;
using Sosei.Domain.Periods;
using Sosei.Domain.Values;

namespace Sosei.Benchmarks;

/// <summary>
/// Parsing as an import does it: a value cell and its period, in the notations of the reference documents
/// (seed 001, the 網走市 KPI table; seed 004). One operation = one pass over the sample.
/// </summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private static readonly string[] Values =
    [
        "16,474人", "19.50%", "4万1千人", "141万5千人", "2億4千万円", "9,950万円", "7億2,798万円", "5億1千万",
        "1,294千トン", "36.8万kW", "888.3億円", "△3.3", "▲2,652", "+1.5点", "(1.64)", "未確定 (313千㎡)", "—",
        "累計21件", "0か所", "2施設", "(H20-24) 1.51", "888.3億円(R1)", "１６，４７４人", "78.43歳", "365日",
    ];

    private static readonly string[] Periods =
    [
        "平成27年度", "H27", "R元", "令和6年度", "2015年度", "FY2015", "Ｈ２７", "H20-24", "H27～R1", "R3~R7",
        "平成32年", "平成72年", "H31.3", "令和5年5月26日", "平成27年度（2015年度）～平成31年度（2019年度）",
    ];

    /// <summary>Parses the value sample.</summary>
    [Benchmark]
    public int ParseValues()
    {
        var n = 0;
        foreach (var text in Values)
        {
            n += ValueParser.Parse(text).Decimals;
        }

        return n;
    }

    /// <summary>Parses the period sample.</summary>
    [Benchmark]
    public int ParsePeriods()
    {
        var n = 0;
        foreach (var text in Periods)
        {
            n += PeriodParser.ParseRange(text).YearCount;
        }

        return n;
    }

    /// <summary>Rejects bad text (errors must stay cheap: an import lists every one).</summary>
    [Benchmark]
    public int RejectGarbage()
    {
        var n = 0;
        foreach (var text in (string[])["2億x円", "平成ＸＸ年", "12..3", "4万万人", "abc"])
        {
            n += ValueParser.TryParse(text, out _, out _) ? 1 : 0;
        }

        return n;
    }
}
