namespace Sosei.Application.Persistence;

/// <summary>Which database engine Sosei uses.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded SQLite file in the data directory (the default).</summary>
    Sqlite = 0,

    /// <summary>PostgreSQL, with a connection string.</summary>
    Postgres = 1,
}

/// <summary>
/// Database settings, read from configuration section <c>Sosei:Database</c> (environment variables
/// <c>Sosei__Database__Provider</c>, <c>Sosei__Database__ConnectionString</c>) and <c>Sosei:DataDirectory</c>
/// (<c>SOSEI_DATA_DIR</c> also works). Web app and CLI read the same settings.
/// </summary>
public sealed class DatabaseOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Sosei:Database";

    /// <summary>Engine.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Connection string. Required for PostgreSQL; for SQLite, optional (default: <c>Data Source={DataDirectory}/sosei.db</c>).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder for the SQLite file and other local data; default <see cref="DefaultDataDirectory"/>.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// The default data folder: <c>~/.local/share/sosei</c> on Linux and macOS (XDG_DATA_HOME respected),
    /// <c>%LOCALAPPDATA%\sosei</c> on Windows. Shared by the web app and the CLI so both see the same database.
    /// </summary>
    public static string DefaultDataDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "sosei");

    /// <summary>The folder actually used.</summary>
    public string ResolvedDataDirectory => string.IsNullOrWhiteSpace(DataDirectory) ? DefaultDataDirectory : DataDirectory;

    /// <summary>The connection string actually used.</summary>
    public string ResolvedConnectionString => Provider switch
    {
        DatabaseProvider.Sqlite => string.IsNullOrWhiteSpace(ConnectionString)
            ? $"Data Source={Path.Combine(ResolvedDataDirectory, "sosei.db")}"
            : ConnectionString,
        _ => string.IsNullOrWhiteSpace(ConnectionString)
            ? throw new InvalidOperationException(
                "PostgreSQL needs a connection string: set Sosei:Database:ConnectionString (環境変数 Sosei__Database__ConnectionString).")
            : ConnectionString,
    };

    /// <summary>A description safe to log (no password).</summary>
    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? $"SQLite ({ResolvedConnectionString})"
        : "PostgreSQL (" + string.Join(';', ResolvedConnectionString.Split(';')
            .Where(p => !p.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase))) + ")";
}
