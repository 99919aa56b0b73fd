using System.CommandLine;
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
        root.Subcommands.Add(ImportCommand.Create(this));
        root.Subcommands.Add(ExportCommand.Create(this));
        root.Subcommands.Add(ReportCommand.Create(this));
        root.Subcommands.Add(new PopulationCommands(this, output, error).Command());

        var parse = root.Parse(args);
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }

    internal DatabaseArguments Db(ParseResult r) => new(r.GetValue(provider), r.GetValue(connectionString), r.GetValue(dataDir));

    private Command MigrateCommand()
    {
        var command = new Command("migrate", "データベースを作成・更新する / create or upgrade the database");
        command.SetAction((r, ct) => Run(r, async sp =>
        {
            var options = sp.GetRequiredService<DatabaseOptions>();
            await using var scope = sp.CreateAsyncScope();
            await CliHost.MigrateAsync(scope.ServiceProvider, ct);
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
            await CliHost.MigrateAsync(scope.ServiceProvider, ct);
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

    /// <summary>Standard output.</summary>
    internal TextWriter Output => output;

    /// <summary>Standard error: messages, progress.</summary>
    internal TextWriter Error => error;

    /// <summary>Runs a command body with the services of the configured database; errors become messages and exit codes.</summary>
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
        catch (ArgumentException e)
        {
            await error.WriteLineAsync("エラー / error: " + e.Message);
            return ExitCodes.InvalidInput;
        }
        catch (Sosei.Application.Reports.ReportUnavailableException e)
        {
            await error.WriteLineAsync("エラー / error: " + e.Message);
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is InvalidOperationException or Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync("エラー / error: " + e.Message);
            return ExitCodes.Failure;
        }
    }

    internal static string Summary(ImportResult result)
    {
        var created = result.Counts.Sum(c => c.Created);
        var changed = result.Counts.Sum(c => c.Changed);
        var unchanged = result.Counts.Sum(c => c.Unchanged);
        return $"新規 {created}件, 変更 {changed}件, 変更なし {unchanged}件 / created {created}, changed {changed}, unchanged {unchanged}";
    }

    /// <summary>Reports progress on the calling thread, so progress lines and results print in order.</summary>
    internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
