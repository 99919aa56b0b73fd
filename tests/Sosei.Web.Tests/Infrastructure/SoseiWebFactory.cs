using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Sosei.Web.Tests.Infrastructure;

/// <summary>
/// The web app on a fresh SQLite database in a temporary folder, with the demo data and a known administrator
/// password. One per test class (xUnit class fixture).
/// </summary>
public sealed class SoseiWebFactory : WebApplicationFactory<Program>
{
    /// <summary>The administrator password configured for tests.</summary>
    public const string AdminPassword = "test-Admin-Password-1";

    private readonly string dataDirectory;
    private readonly bool ownsDataDirectory;

    /// <summary>A host on a fresh data folder of its own, removed afterwards.</summary>
    public SoseiWebFactory()
        : this(Path.Combine(Path.GetTempPath(), "sosei-web-tests", Guid.NewGuid().ToString("N")), ownsDataDirectory: true)
    {
    }

    /// <summary>A host on a given data folder (to start a second host, or the same app again, over one database).</summary>
    internal SoseiWebFactory(string dataDirectory, bool ownsDataDirectory)
    {
        this.dataDirectory = dataDirectory;
        this.ownsDataDirectory = ownsDataDirectory;
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Sosei:DataDirectory", dataDirectory);
        builder.UseSetting("Sosei:AdminPassword", AdminPassword);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!ownsDataDirectory)
        {
            return;
        }

        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
