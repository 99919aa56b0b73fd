using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Sosei.Application.PlanFiles;
using Sosei.Application.Workbooks;

namespace Sosei.Cli;

/// <summary><c>sosei export</c>: a plan as a plan file (JSON), an Excel workbook of the template, or CSV files.</summary>
internal static class ExportCommand
{
    public static Command Create(SoseiCli cli)
    {
        var plan = new Option<string>("--plan") { Description = "計画コード / plan code", Required = true };
        var format = new Option<string>("--format")
        {
            Description = "json（計画ファイル）、xlsx（Excel テンプレート形式）、csv（シートごとの CSV を zip に、--out がフォルダならフォルダに）/ json, xlsx, or csv (a zip of one CSV per sheet, or a folder)",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "xlsx", "csv");
        var outFile = new Option<string?>("--out") { Description = "出力先（json は省略時に標準出力。xlsx・csv は必須）/ output file or folder (json: standard output if omitted)" };
        var command = new Command("export", "計画を書き出す（取り込むと同じデータになる形式）/ export a plan (importing it gives the same data)") { plan, format, outFile };
        command.SetAction((r, ct) => cli.Run(r, async sp =>
        {
            var code = r.GetValue(plan)!;
            var kind = r.GetValue(format)!.ToLowerInvariant();
            var target = r.GetValue(outFile);
            if (target is null && kind != "json")
            {
                throw new CliException($"--format {kind} には --out（出力ファイル）が必要です / --format {kind} needs --out.", ExitCodes.InvalidInput);
            }

            await using var scope = sp.CreateAsyncScope();
            var document = await scope.ServiceProvider.GetRequiredService<PlanFileExporter>().ExportAsync(code, ct)
                ?? throw new CliException($"計画がありません / no such plan: {code}", ExitCodes.NotFound);
            switch (kind)
            {
                case "xlsx":
                    await File.WriteAllBytesAsync(target!, WorkbookWriter.ToXlsx(document), ct);
                    break;
                case "csv" when Directory.Exists(target) || target!.EndsWith('/') || target.EndsWith(Path.DirectorySeparatorChar):
                    Directory.CreateDirectory(target);
                    foreach (var sheet in WorkbookWriter.Sheets(document))
                    {
                        await File.WriteAllBytesAsync(Path.Combine(target, sheet.Name + ".csv"), CsvFile.Write([sheet.Header, .. sheet.Rows]), ct);
                    }

                    break;
                case "csv":
                    await File.WriteAllBytesAsync(target, WorkbookWriter.ToCsvZip(document), ct);
                    break;
                default:
                    var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(document, PlanDocumentJson.Options);
                    if (target is null)
                    {
                        await cli.Output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(json));
                        return ExitCodes.Ok;
                    }

                    await File.WriteAllBytesAsync(target, json, ct);
                    break;
            }

            await cli.Error.WriteLineAsync($"書き出しました / written: {Path.GetFullPath(target!)}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
