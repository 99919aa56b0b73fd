using Microsoft.EntityFrameworkCore;
using Sosei.Application.Persistence;

namespace Sosei.Application.Population;

/// <summary>One embedded demo population file and how it is labelled.</summary>
/// <param name="File">File name (data/population or data/demo/population).</param>
/// <param name="Request">Kind, edition, title, source and licence.</param>
public sealed record PopulationDemoFile(string File, PopulationImportRequest Request);

/// <summary>
/// The real population data shipped with Sosei (data/population/*.csv, embedded at build time; see its README for
/// sources): 国勢調査 1980–2015 for the six municipalities of the reference documents, the institute's 平成30年推計 and
/// 平成29年推計 (national), the municipal TFR (平成20～24年), and one resident-register total quoted by the 根室市 plan
/// (data/demo/population). Loaded into a database without population data at the web app's first start and by
/// <c>sosei demo</c>.
/// </summary>
public sealed class PopulationDemoLoader(PopulationCsvImporter importer, SoseiDbContext db)
{
    private const string Prefix = "Sosei.PopulationData.";

    private const string AiseedCompilation = "aiseed.dev（統計メモ帳）による集計 / compiled by aiseed.dev (統計メモ帳)";

    /// <summary>The demo files in load order, with their attribution.</summary>
    public static IReadOnlyList<PopulationDemoFile> Files { get; } =
    [
        new("census_1980_2015_by_sex_age5.csv", new PopulationImportRequest
        {
            Kind = PopulationFileKind.Census,
            Edition = "国勢調査",
            Title = "総務省統計局「国勢調査」（1980～2015年）",
            Source = "出典: 総務省統計局「国勢調査」（e-Stat）。" + AiseedCompilation,
            Licence = "政府標準利用規約（第2.0版）（CC BY 4.0 互換）。集計データは CC BY 4.0",
        }),
        new("ipss2018_projection_by_sex_age5.csv", new PopulationImportRequest
        {
            Kind = PopulationFileKind.Projection,
            Edition = "平成30年推計",
            Title = "国立社会保障・人口問題研究所「日本の地域別将来推計人口（平成30(2018)年推計）」",
            Source = "出典: 国立社会保障・人口問題研究所「日本の地域別将来推計人口（平成30(2018)年推計）」。" + AiseedCompilation,
            Licence = "出典を明記して利用（国立社会保障・人口問題研究所）。集計データは CC BY 4.0",
        }),
        new("ipss2017_national_projection_by_sex_age5.csv", new PopulationImportRequest
        {
            Kind = PopulationFileKind.National,
            Edition = "平成29年推計",
            Title = "国立社会保障・人口問題研究所「日本の将来推計人口（平成29年推計）」出生中位・死亡中位",
            Source = "出典: 国立社会保障・人口問題研究所「日本の将来推計人口（平成29年推計）」",
            Licence = "出典を明記して利用（国立社会保障・人口問題研究所）。集計表は MIT ライセンスで公開",
        }),
        new("municipal_tfr_bayes_2008_2012.csv", new PopulationImportRequest
        {
            Kind = PopulationFileKind.Tfr,
            Edition = "ベイズ推定値 平成20～24年",
            Title = "厚生労働省「人口動態保健所・市区町村別統計」合計特殊出生率（ベイズ推定値）平成20～24年",
            Source = "出典: 厚生労働省「人口動態保健所・市区町村別統計」。aiseed-dev/ecitizen data/legacy/App_Data/Population2015/Tfr/CityTfr.xml による",
            Licence = "CC BY 4.0（クレジット: aiseed.dev 統計メモ帳）",
        }),
        new("resident_register_nemuro.csv", new PopulationImportRequest
        {
            Kind = PopulationFileKind.Register,
            Edition = "住民基本台帳",
            Title = "住民基本台帳人口（根室市創生総合戦略に引用された値）",
            Source = "根室市創生総合戦略（平成27年10月策定、平成29年11月改訂）第3章 基本目標2 ※2「2014年住民基本台帳を基にすると、総人口28,050人」（基準日の記載なし）",
            Licence = "公文書からの引用",
        }),
    ];

    /// <summary>Opens one embedded demo file.</summary>
    public static Stream Open(string file) =>
        typeof(PopulationDemoLoader).Assembly.GetManifestResourceStream(Prefix + file)
        ?? throw new FileNotFoundException($"Population demo file {file} is not embedded.", file);

    /// <summary>Imports every demo file (re-importing replaces the same editions). Throws when one does not import: a bug.</summary>
    public async Task<IReadOnlyList<PopulationImportResult>> LoadAsync(string? user = "demo", CancellationToken cancellationToken = default)
    {
        var results = new List<PopulationImportResult>();
        foreach (var demo in Files)
        {
            await using var stream = Open(demo.File);
            var result = await importer.ImportAsync(stream, demo.Request with { FileName = demo.File, User = user }, cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Population demo file {demo.File} does not import:{Environment.NewLine}{string.Join(Environment.NewLine, result.Problems)}");
            }

            results.Add(result);
        }

        return results;
    }

    /// <summary>Loads the demo data when the database holds no population dataset; returns whether it did.</summary>
    public async Task<bool> LoadIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        if (await db.PopulationDatasets.AnyAsync(cancellationToken))
        {
            return false;
        }

        await LoadAsync("demo", cancellationToken);
        return true;
    }
}
