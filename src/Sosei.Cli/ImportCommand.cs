using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Sosei.Application.Common;
using Sosei.Application.PlanFiles;
using Sosei.Application.Workbooks;

namespace Sosei.Cli;

/// <summary><c>sosei import</c>: a plan file (JSON), an Excel workbook, CSV files (one file, a zip, or a folder).</summary>
internal static class ImportCommand
{
    public static Command Create(SoseiCli cli)
    {
        var path = new Argument<string>("path")
        {
            Description = "計画ファイル（.json）、Excel ブック（.xlsx）、CSV（.csv、CSV の .zip、CSV のフォルダ）/ plan file, workbook, CSV file, zip or folder of CSV files",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "検証と変更内容の表示のみ（保存しない）/ validate and show what would change, write nothing" };
        var command = new Command("import", "計画を取り込む（問題がひとつもないときだけ全件保存。コードが同じものは更新）/ import a plan (all or nothing; updates by code)") { path, dryRun };
        command.SetAction((r, ct) => cli.Run(r, async sp =>
        {
            var target = r.GetValue(path)!;
            var isFolder = Directory.Exists(target);
            if (!isFolder && !File.Exists(target))
            {
                throw new CliException($"ファイルもフォルダもありません / no such file or folder: {target}", ExitCodes.NotFound);
            }

            if (!isFolder && WorkbookImporter.KindOf(target) is null)
            {
                throw new CliException($"取り込めるのは .json、.xlsx、.csv、.zip、CSV のフォルダです / expected .json, .xlsx, .csv, .zip or a folder: {target}", ExitCodes.InvalidInput);
            }

            await using var scope = sp.CreateAsyncScope();
            await CliHost.MigrateAsync(scope.ServiceProvider, ct);
            var importer = scope.ServiceProvider.GetRequiredService<WorkbookImporter>();
            var error = cli.Error;
            var progress = new SoseiCli.SyncProgress<(double Fraction, string Status)>(p =>
                error.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', (int)(p.Fraction * 30)),-30}] {p.Fraction,4:P0} {p.Status,-40}")));
            var options = new ImportOptions { DryRun = r.GetValue(dryRun), User = Environment.UserName, Progress = progress };
            ImportResult result;
            if (isFolder)
            {
                result = await importer.ImportFolderAsync(target, options, ct);
            }
            else
            {
                await using var stream = File.OpenRead(target);
                result = await importer.ImportAsync(stream, Path.GetFileName(target), options, ct);
            }

            await error.WriteLineAsync();
            return await Report(cli, result);
        }));
        return command;
    }

    private static async Task<int> Report(SoseiCli cli, ImportResult result)
    {
        if (!result.Succeeded)
        {
            await cli.Error.WriteLineAsync($"取り込めませんでした（{result.Problems.Count}件の問題、何も保存していません）/ import refused ({result.Problems.Count} problem(s), nothing written):");
            foreach (var p in result.Problems)
            {
                await cli.Error.WriteLineAsync("  " + p.In(Message.JapaneseUi));
            }

            return ExitCodes.InvalidInput;
        }

        var output = cli.Output;
        await output.WriteLineAsync((result.DryRun ? "[試行・保存していません / dry run, nothing written] " : "") + $"{result.PlanCode}: {SoseiCli.Summary(result)}");
        foreach (var c in result.Counts.Where(c => c.Created + c.Changed + c.Removed > 0))
        {
            await output.WriteLineAsync($"  {c.Item}: 新規 {c.Created}, 変更 {c.Changed}, 変更なし {c.Unchanged}, 削除 {c.Removed}");
        }

        foreach (var c in result.Changes.Take(200))
        {
            await output.WriteLineAsync($"  ~ {c.Item} {c.Key} {c.Field}: {c.Before} → {c.After}");
        }

        if (result.Changes.Count > 200)
        {
            await output.WriteLineAsync($"  … ほか {result.Changes.Count - 200} 件の変更 / and {result.Changes.Count - 200} more changes");
        }

        foreach (var n in result.NotInFile)
        {
            await output.WriteLineAsync($"  = ファイルにないため変更なし / not in the file, left alone: {n}");
        }

        return ExitCodes.Ok;
    }
}
