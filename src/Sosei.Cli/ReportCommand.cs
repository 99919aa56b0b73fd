using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Sosei.Application.Reports;
using Sosei.Domain.Periods;

namespace Sosei.Cli;

/// <summary><c>sosei report &lt;kind&gt;</c>: 効果検証, KPI進捗管理表, 事業一覧 as xlsx, pdf, json or csv.</summary>
internal static class ReportCommand
{
    public static Command Create(SoseiCli cli)
    {
        var kind = new Argument<string>("kind")
        {
            Description = "verification（効果検証）、kpi-table（KPI進捗管理表）、projects（事業一覧）/ report kind",
        };
        kind.AcceptOnlyFromAmong("verification", "kpi-table", "projects");
        var plan = new Option<string>("--plan") { Description = "計画コード / plan code", Required = true };
        var year = new Option<string?>("--year")
        {
            Description = "評価する年度（2018、H30、平成30年度、R6 など。省略時は実績のある最新年度）/ fiscal year (2018, H30, 平成30年度, R6; default: latest with data)",
        };
        var format = new Option<string>("--format")
        {
            Description = "xlsx、pdf（Chromium が必要）、json（効果検証のみ）、csv（UTF-8 BOM 付き）/ xlsx, pdf (needs Chromium), json (verification only), csv",
            DefaultValueFactory = _ => "xlsx",
        };
        format.AcceptOnlyFromAmong("xlsx", "pdf", "json", "csv");
        var outFile = new Option<string?>("--out") { Description = "出力ファイル（省略時はカレントフォルダに既定の名前で）/ output file (default: a file named after the report in the current folder)" };
        var command = new Command("report", "報告書を作る / produce a report") { kind, plan, year, format, outFile };
        command.SetAction((r, ct) => cli.Run(r, async sp =>
        {
            // The parser already limited both to the listed names.
            if (!ReportNames.TryParseKind(r.GetValue(kind), out var reportKind) || !ReportNames.TryParseFormat(r.GetValue(format), out var reportFormat))
            {
                throw new CliException("kind か --format が不正です / bad kind or --format.", ExitCodes.InvalidInput);
            }

            int? fiscalYear = null;
            if (r.GetValue(year) is { } text)
            {
                if (!PeriodParser.TryParse(text, PeriodKind.FiscalYear, out var period, out var error) || period.Kind != PeriodKind.FiscalYear)
                {
                    throw new CliException($"--year は年度で指定してください（例: 2018、H30、平成30年度）: {error?.JapaneseMessage ?? text} / --year must be a fiscal year.", ExitCodes.InvalidInput);
                }

                fiscalYear = period.Year;
            }

            await using var scope = sp.CreateAsyncScope();
            var code = r.GetValue(plan)!;
            var file = await scope.ServiceProvider.GetRequiredService<ReportService>().RenderAsync(code, reportKind, reportFormat, fiscalYear, ct)
                ?? throw new CliException($"計画がありません / no such plan: {code}", ExitCodes.NotFound);
            var target = r.GetValue(outFile) ?? file.FileName;
            await File.WriteAllBytesAsync(target, file.Content, ct);
            await cli.Error.WriteLineAsync($"書き出しました / written: {Path.GetFullPath(target)}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
