using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Sosei.Application.DemoData;
using Sosei.Application.Persistence;
using Sosei.Application.PlanFiles;

namespace Sosei.Cli;

/// <summary>
/// The <c>sosei</c> command line. Every command reads the database settings of the web app (environment variables,
/// appsettings.json) unless --provider / --connection-string / --data-dir say otherwise; exits 0 on success and
/// non-zero with a message on any error. Documented in docs/cli.md.
/// </summary>
internal sealed class SoseiCli(TextWriter output, TextWriter error)
{
    private readonly Option<string?> provider = new("--provider")
    {
        Description = "データベース: sqlite（既定）または postgres / database engine: sqlite (default) or postgres",
        Recursive = true,
    };

    private readonly Option<string?> connectionString = new("--connection-string")
    {
        Description = "接続文字列（postgres では必須）/ connection string (required for postgres)",
        Recursive = true,
    };

    private readonly Option<string?> dataDir = new("--data-dir")
    {
        Description = "SQLite のデータフォルダ（既定 ~/.local/share/sosei）/ SQLite data folder",
        Recursive = true,
    };

    /// <summary>Runs the command line and returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        new SoseiCli(output, error).InvokeAsync(args, cancellationToken);

    private async Task<int> InvokeAsync(string[] args, CancellationToken cancellationToken)
    {
        var root = new RootCommand("Sosei — 地方創生総合戦略の PDCA（計画・KPI・実績・効果検証）/ PDCA of regional-revitalization strategies");
        root.Options.Add(provider);
        root.Options.Add(connectionString);
        root.Options.Add(dataDir);
        root.Subcommands.Add(MigrateCommand());
        root.Subcommands.Add(DemoCommand());
        root.Subcommands.Add(ImportCommand());
        root.Subcommands.Add(ExportCommand());
        root.Subcommands.Add(new PopulationCommands(this, output, error).Command());

        var parse = root.Parse(args);
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }

    private DatabaseArguments Db(ParseResult r) => new(r.GetValue(provider), r.GetValue(connectionString), r.GetValue(dataDir));

    private Command MigrateCommand()
    {
        var command = new Command("migrate", "データベースを作成・更新する / create or upgrade the database");
        command.SetAction((r, ct) => Run(r, async sp =>
        {
            var options = sp.GetRequiredService<DatabaseOptions>();
            await using var scope = sp.CreateAsyncScope();
            await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<SoseiDbContext>(), options, ct);
            await output.WriteLineAsync($"データベースは最新です / database is up to date: {options.Describe()}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private Command DemoCommand()
    {
        var command = new Command("demo", "デモデータ（根室市創生総合戦略、網走市 KPI 進捗管理表、人口データ）を読み込む / load the demo data");
        command.SetAction((r, ct) => Run(r, async sp =>
        {
            await using var scope = sp.CreateAsyncScope();
            await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<SoseiDbContext>(), sp.GetRequiredService<DatabaseOptions>(), ct);
            var results = await scope.ServiceProvider.GetRequiredService<DemoDataLoader>().LoadAsync(null, ct);
            foreach (var result in results)
            {
                await output.WriteLineAsync($"{result.PlanCode}: {Summary(result)}");
            }

            foreach (var result in await scope.ServiceProvider.GetRequiredService<Application.Population.PopulationDemoLoader>().LoadAsync("demo", ct))
            {
                await output.WriteLineAsync($"人口データ / population: {result.Edition}: {result.Figures}件");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private Command ImportCommand()
    {
        var file = new Argument<FileInfo>("file") { Description = "計画ファイル（JSON, sosei-plan/1）/ plan file" };
        var dryRun = new Option<bool>("--dry-run") { Description = "検証と変更内容の表示のみ（保存しない）/ validate and show changes, write nothing" };
        var command = new Command("import", "計画ファイルを取り込む（全件成功時のみ保存）/ import a plan file (all or nothing)") { file, dryRun };
        command.SetAction((r, ct) => Run(r, async sp =>
        {
            var info = r.GetValue(file)!;
            if (!info.Exists)
            {
                throw new CliException($"ファイルがありません / file not found: {info.FullName}", ExitCodes.NotFound);
            }

            await using var scope = sp.CreateAsyncScope();
            await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<SoseiDbContext>(), sp.GetRequiredService<DatabaseOptions>(), ct);
            var importer = scope.ServiceProvider.GetRequiredService<PlanFileImporter>();
            var progress = new SyncProgress<(double Fraction, string Status)>(p =>
                error.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', (int)(p.Fraction * 20)),-20}] {p.Fraction,4:P0} {p.Status}    ")));
            await using var stream = info.OpenRead();
            var result = await importer.ImportJsonAsync(stream, new ImportOptions { DryRun = r.GetValue(dryRun), User = Environment.UserName, Progress = progress }, ct);
            await error.WriteLineAsync();
            if (!result.Succeeded)
            {
                await error.WriteLineAsync($"取り込めませんでした（{result.Problems.Count}件の問題、何も保存していません）/ import refused ({result.Problems.Count} problem(s), nothing written):");
                foreach (var p in result.Problems)
                {
                    await error.WriteLineAsync("  " + p);
                }

                return ExitCodes.InvalidInput;
            }

            await output.WriteLineAsync((result.DryRun ? "[試行 / dry run] " : "") + $"{result.PlanCode}: {Summary(result)}");
            foreach (var c in result.Counts.Where(c => c.Created + c.Changed + c.Removed > 0))
            {
                await output.WriteLineAsync($"  {c.Item}: 新規 {c.Created}, 変更 {c.Changed}, 変更なし {c.Unchanged}, 削除 {c.Removed}");
            }

            foreach (var c in result.Changes.Take(200))
            {
                await output.WriteLineAsync($"  ~ {c.Item} {c.Key} {c.Field}: {c.Before} → {c.After}");
            }

            foreach (var n in result.NotInFile)
            {
                await output.WriteLineAsync($"  = ファイルにないため変更なし / not in file, left alone: {n}");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private Command ExportCommand()
    {
        var plan = new Option<string>("--plan") { Description = "計画コード / plan code", Required = true };
        var format = new Option<string>("--format") { Description = "json（計画ファイル）/ json (plan file)", DefaultValueFactory = _ => "json" };
        var outFile = new Option<FileInfo?>("--out") { Description = "出力ファイル（省略時は標準出力）/ output file (default: standard output)" };
        var command = new Command("export", "計画を計画ファイルとして書き出す / export a plan as a plan file") { plan, format, outFile };
        command.SetAction((r, ct) => Run(r, async sp =>
        {
            if (!string.Equals(r.GetValue(format), "json", StringComparison.OrdinalIgnoreCase))
            {
                throw new CliException($"--format は json です（指定: {r.GetValue(format)}）/ --format must be json.", ExitCodes.InvalidInput);
            }

            await using var scope = sp.CreateAsyncScope();
            var exporter = scope.ServiceProvider.GetRequiredService<PlanFileExporter>();
            var target = r.GetValue(outFile);
            await using var stream = target is null ? new MemoryStream() : (Stream)target.Create();
            if (!await exporter.WriteJsonAsync(r.GetValue(plan)!, stream, ct))
            {
                throw new CliException($"計画がありません / no such plan: {r.GetValue(plan)}", ExitCodes.NotFound);
            }

            if (stream is MemoryStream ms)
            {
                await output.WriteAsync(System.Text.Encoding.UTF8.GetString(ms.ToArray()));
                await output.WriteLineAsync();
            }
            else
            {
                await error.WriteLineAsync($"書き出しました / written: {target!.FullName}");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    internal async Task<int> Run(ParseResult r, Func<ServiceProvider, Task<int>> body)
    {
        try
        {
            await using var sp = CliHost.Build(Db(r));
            return await body(sp);
        }
        catch (CliException e)
        {
            await error.WriteLineAsync("エラー / error: " + e.Message);
            return e.ExitCode;
        }
        catch (ImportFailedException e)
        {
            await error.WriteLineAsync("エラー / error: " + e.Message);
            return ExitCodes.InvalidInput;
        }
        catch (Exception e) when (e is InvalidOperationException or Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync("エラー / error: " + e.Message);
            return ExitCodes.Failure;
        }
    }

    private static string Summary(ImportResult result)
    {
        var created = result.Counts.Sum(c => c.Created);
        var changed = result.Counts.Sum(c => c.Changed);
        var unchanged = result.Counts.Sum(c => c.Unchanged);
        return $"新規 {created}件, 変更 {changed}件, 変更なし {unchanged}件 / created {created}, changed {changed}, unchanged {unchanged}";
    }

    /// <summary>Reports progress on the calling thread, so progress lines and results print in order.</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
