using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sosei.Application.Persistence;
using Sosei.Application.Setup;
using Sosei.Application.Workbooks;

namespace Sosei.Cli;

/// <summary>Global options shared by every command: which database to use.</summary>
/// <param name="Provider">sqlite or postgres; null = configuration.</param>
/// <param name="ConnectionString">Connection string; null = configuration.</param>
/// <param name="DataDirectory">Data folder for SQLite; null = configuration.</param>
internal sealed record DatabaseArguments(string? Provider, string? ConnectionString, string? DataDirectory);

/// <summary>
/// Builds the services for one CLI run from the same configuration as the web app: environment variables
/// (Sosei__Database__Provider, Sosei__Database__ConnectionString, SOSEI_DATA_DIR) and an optional
/// appsettings.json in the working directory, overridden by command-line options.
/// </summary>
internal static class CliHost
{
    public static ServiceProvider Build(DatabaseArguments args, TextWriter? log = null)
    {
        var overrides = new Dictionary<string, string?>();
        if (args.Provider is not null)
        {
            overrides["Sosei:Database:Provider"] = args.Provider.Equals("postgres", StringComparison.OrdinalIgnoreCase) || args.Provider.Equals("postgresql", StringComparison.OrdinalIgnoreCase)
                ? nameof(DatabaseProvider.Postgres)
                : args.Provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase)
                    ? nameof(DatabaseProvider.Sqlite)
                    : throw new CliException($"--provider は sqlite か postgres です（指定: {args.Provider}）/ --provider must be sqlite or postgres.");
        }

        if (args.ConnectionString is not null)
        {
            overrides["Sosei:Database:ConnectionString"] = args.ConnectionString;
        }

        if (args.DataDirectory is not null)
        {
            overrides["Sosei:DataDirectory"] = args.DataDirectory;
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
        DatabaseOptions options;
        try
        {
            options = DatabaseSetup.ReadOptions(configuration);
        }
        catch (InvalidOperationException e)
        {
            throw new CliException(e.Message);
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddSoseiDatabase(options);

        // The same file limits as the web app (Sosei:FileLimits, README), before the application's defaults.
        services.AddSingleton(configuration.GetSection(FileLimits.Section).Get<FileLimits>() ?? new FileLimits());
        services.AddSoseiApplication();
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Creates or upgrades the database of this run: the one place where a command reaches the DbContext (commands
    /// otherwise call application services; tests/Sosei.Architecture.Tests checks it).
    /// </summary>
    /// <param name="scoped">The service provider of the command's scope.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static async Task MigrateAsync(IServiceProvider scoped, CancellationToken cancellationToken)
    {
        var repairs = await DatabaseSetup.MigrateAsync(scoped.GetRequiredService<SoseiDbContext>(), scoped.GetRequiredService<DatabaseOptions>(), cancellationToken);
        foreach (var repair in repairs)
        {
            // What an upgrade changed in stored data is said once, on stderr, in Japanese as every CLI message.
            await Console.Error.WriteLineAsync("データの修復: " + repair.Japanese);
        }
    }
}

/// <summary>An error to report to the user with a non-zero exit code and no stack trace.</summary>
internal sealed class CliException : Exception
{
    public CliException(string message, int exitCode = ExitCodes.Failure)
        : base(message) => ExitCode = exitCode;

    public CliException()
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int ExitCode { get; } = ExitCodes.Failure;
}

/// <summary>Exit codes.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int InvalidInput = 2;
    public const int NotFound = 3;
}
