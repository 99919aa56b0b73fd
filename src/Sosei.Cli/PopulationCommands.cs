using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Sosei.Application.Common;
using Sosei.Application.Population;

namespace Sosei.Cli;

/// <summary>
/// <c>sosei population</c>: <c>project</c> (a scenario of an area as JSON, CSV or xlsx), <c>import</c> (a population
/// CSV file) and <c>list</c> (areas and datasets). Documented in docs/cli.md under "population".
/// </summary>
internal sealed class PopulationCommands(SoseiCli cli, TextWriter output, TextWriter error)
{
    /// <summary>The <c>population</c> command with its subcommands.</summary>
    public Command Command()
    {
        var command = new Command("population", "人口ビジョン: 将来推計・シナリオ・人口データの取り込み / population vision: projections, scenarios, data import");
        command.Subcommands.Add(ProjectCommand());
        command.Subcommands.Add(ImportCommand());
        command.Subcommands.Add(ListCommand());
        return command;
    }

    private Command ProjectCommand()
    {
        var area = new Option<string>("--area") { Description = "地域コード（例 01223）/ area code", Required = true };
        var from = new Option<string?>("--from") { Description = "基にする将来推計の版（例 平成30年推計。省略時は最新）/ projection edition (default: latest)" };
        var to = new Option<int>("--to") { Description = "推計の最終年（5年刻み、2065年まで）/ last year (every 5 years, up to 2065)", DefaultValueFactory = _ => PopulationScenarioOptions.DefaultHorizon };
        var scenario = new Option<string>("--scenario") { Description = "pattern1（社人研推計準拠）| sim1（出生率向上）| sim2（出生率向上＋移動ゼロ）", DefaultValueFactory = _ => "pattern1" };
        var tfr = new Option<string?>("--tfr") { Description = "合計特殊出生率の目標（既定 2030=1.8,2040=2.07）/ fertility path" };
        var format = new Option<string>("--format") { Description = "json | csv | xlsx", DefaultValueFactory = _ => "json" };
        var outFile = new Option<FileInfo?>("--out") { Description = "出力ファイル（json と csv は省略時に標準出力）/ output file (json and csv default to standard output)" };
        var command = new Command("project", "地域の将来推計を計算して書き出す / project an area's population and write it")
        {
            area, from, to, scenario, tfr, format, outFile,
        };
        command.SetAction((r, ct) => cli.Run(r, async sp =>
        {
            var kind = PopulationScenarioOptions.ParseScenario(r.GetValue(scenario))
                ?? throw new CliException($"--scenario は pattern1、sim1、sim2 のいずれかです（指定: {r.GetValue(scenario)}）/ --scenario must be pattern1, sim1 or sim2.", ExitCodes.InvalidInput);
            var fmt = r.GetValue(format)?.Trim().ToUpperInvariant() switch
            {
                "JSON" => "json",
                "CSV" => "csv",
                "XLSX" => "xlsx",
                _ => throw new CliException($"--format は json、csv、xlsx のいずれかです（指定: {r.GetValue(format)}）/ --format must be json, csv or xlsx.", ExitCodes.InvalidInput),
            };
            var target = r.GetValue(outFile);
            if (fmt == "xlsx" && target is null)
            {
                throw new CliException("xlsx は --out でファイルを指定してください / xlsx needs --out <file>.", ExitCodes.InvalidInput);
            }

            var horizon = r.GetValue(to);
            if (horizon < PopulationScenarioOptions.MinHorizon || horizon % 5 != 0)
            {
                throw new CliException(string.Create(CultureInfo.InvariantCulture, $"--to は 2020 以降の5年刻みの年です（指定: {horizon}）/ --to must be a year from 2020 in steps of 5."), ExitCodes.InvalidInput);
            }

            var options = new PopulationScenarioOptions { Edition = r.GetValue(from), Horizon = horizon };
            if (r.GetValue(tfr) is { } tfrText)
            {
                if (!PopulationScenarioOptions.TryParseFertilityPath(tfrText, out var path, out var problem))
                {
                    throw new CliException("--tfr: " + problem, ExitCodes.InvalidInput);
                }

                options = options with { FertilityPath = path };
            }

            await using var scope = sp.CreateAsyncScope();
            await CliHost.MigrateAsync(scope.ServiceProvider, ct);
            PopulationProjectionRun run;
            try
            {
                run = await scope.ServiceProvider.GetRequiredService<PopulationService>().ProjectAsync(r.GetValue(area)!.Trim(), kind, options, ct);
            }
            catch (PopulationDataException e)
            {
                throw new CliException(e.Message, ExitCodes.NotFound);
            }

            if (run.Projection.LastYear != horizon)
            {
                await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"注意 / note: {run.Projection.LastYear} 年まで推計しました（全国推計の範囲）/ projected to {run.Projection.LastYear}."));
            }

            await using var stream = target is null ? new MemoryStream() : (Stream)target.Create();
            switch (fmt)
            {
                case "json":
                    PopulationProjectionWriter.WriteJson(stream, run);
                    break;
                case "csv":
                    PopulationProjectionWriter.WriteCsv(stream, run);
                    break;
                default:
                    PopulationProjectionWriter.WriteXlsx(stream, run);
                    break;
            }

            if (stream is MemoryStream ms)
            {
                var text = System.Text.Encoding.UTF8.GetString(ms.ToArray()).TrimStart('\uFEFF');
                await output.WriteAsync(text);
                await output.WriteLineAsync();
            }
            else
            {
                await error.WriteLineAsync($"書き出しました / written: {target!.FullName} ({run.AreaCode} {run.AreaName}, {PopulationScenarioOptions.ScenarioName(kind)}, {run.Edition.Edition})");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private Command ImportCommand()
    {
        var file = new Argument<FileInfo>("file") { Description = "人口データの CSV（UTF-8）/ population CSV file (UTF-8)" };
        var kind = new Option<string>("--kind") { Description = "census | projection | national | tfr | register", Required = true };
        var edition = new Option<string>("--edition") { Description = "版の名前（例 国勢調査、平成30年推計、住民基本台帳）。同じ種類・版は置き換え / edition; the same kind and edition is replaced", Required = true };
        var title = new Option<string?>("--title") { Description = "引用する正式名称 / full title to cite" };
        var source = new Option<string?>("--source") { Description = "出典 / source" };
        var licence = new Option<string?>("--licence") { Description = "利用条件 / terms of use" };
        var dryRun = new Option<bool>("--dry-run") { Description = "検証のみ（保存しない）/ validate only, write nothing" };
        var command = new Command("import", "人口データ（CSV）を取り込む（全件成功時のみ保存）/ import population data (all or nothing)")
        {
            file, kind, edition, title, source, licence, dryRun,
        };
        command.SetAction((r, ct) => cli.Run(r, async sp =>
        {
            var fileKind = PopulationFileKinds.Parse(r.GetValue(kind))
                ?? throw new CliException($"--kind は {string.Join("、", PopulationFileKinds.Names)} のいずれかです（指定: {r.GetValue(kind)}）/ unknown --kind.", ExitCodes.InvalidInput);
            var info = r.GetValue(file)!;
            if (!info.Exists)
            {
                throw new CliException($"ファイルがありません / file not found: {info.FullName}", ExitCodes.NotFound);
            }

            await using var scope = sp.CreateAsyncScope();
            await CliHost.MigrateAsync(scope.ServiceProvider, ct);
            await using var stream = info.OpenRead();
            var result = await scope.ServiceProvider.GetRequiredService<PopulationCsvImporter>().ImportAsync(
                stream,
                new PopulationImportRequest
                {
                    Kind = fileKind,
                    Edition = r.GetValue(edition)!,
                    FileName = info.Name,
                    Title = r.GetValue(title),
                    Source = r.GetValue(source),
                    Licence = r.GetValue(licence),
                    User = Environment.UserName,
                    DryRun = r.GetValue(dryRun),
                },
                ct);
            if (!result.Succeeded)
            {
                await error.WriteLineAsync($"取り込めませんでした（{result.Problems.Count}件の問題、何も保存していません）/ import refused ({result.Problems.Count} problem(s), nothing written):");
                foreach (var p in result.Problems)
                {
                    await error.WriteLineAsync("  " + p.In(Message.JapaneseUi));
                }

                return ExitCodes.InvalidInput;
            }

            await output.WriteLineAsync(
                (result.DryRun ? "[試行 / dry run] " : "")
                + $"{result.Edition}: {result.Figures}件{(result.Replaced ? "（同じ版を置き換え / replaced)" : "")}; "
                + $"{string.Join("、", result.Areas)}; {string.Join(",", result.Years)}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private Command ListCommand()
    {
        var command = new Command("list", "人口データのある地域と版を表示する / list areas and datasets");
        command.SetAction((r, ct) => cli.Run(r, async sp =>
        {
            await using var scope = sp.CreateAsyncScope();
            await CliHost.MigrateAsync(scope.ServiceProvider, ct);
            var areas = await scope.ServiceProvider.GetRequiredService<PopulationService>().ListAreasAsync(ct);
            foreach (var a in areas)
            {
                var census = a.LatestCensusYear is { } y
                    ? string.Create(CultureInfo.InvariantCulture, $"国勢調査 {y}: {a.LatestCensusTotal:#,0}人")
                    : "国勢調査なし";
                await output.WriteLineAsync($"{a.Code} {a.Name}\t{census}\t推計: {string.Join("、", a.ProjectionEditions)}");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
