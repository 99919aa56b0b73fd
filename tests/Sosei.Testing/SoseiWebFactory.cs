using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Sosei.Testing;

/// <summary>
/// The web app as every web and browser test hosts it: a data folder of its own (so a fresh SQLite database, migrated
/// and loaded with the demo data when the host starts) and a known administrator password. The web tests use it in
/// memory (<see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/>, see <see cref="AdminSession"/>); the
/// browser tests serve it on 127.0.0.1 with <see cref="StartKestrel"/>. One instance is one database: share it only
/// between tests that do not change the data, or whose changes the others do not read.
/// </summary>
public sealed class SoseiWebFactory : WebApplicationFactory<Program>
{
    /// <summary>The administrator's user name (created at the first start).</summary>
    public const string AdminUserName = "admin";

    /// <summary>The administrator password configured for tests.</summary>
    public const string AdminPassword = "test-Admin-Password-1";

    private readonly bool ownsDataDirectory;

    /// <summary>A host on a fresh data folder of its own, removed when the host is disposed.</summary>
    public SoseiWebFactory()
        : this(NewDataDirectory(), ownsDataDirectory: true)
    {
    }

    private SoseiWebFactory(string dataDirectory, bool ownsDataDirectory)
    {
        DataDirectory = dataDirectory;
        this.ownsDataDirectory = ownsDataDirectory;
    }

    /// <summary>The data folder (SQLite database, data-protection keys).</summary>
    public string DataDirectory { get; }

    /// <summary>
    /// A host on a given data folder, left in place when the host is disposed: to start the same app again over one
    /// database (a restart), or a second host beside the first. The caller removes the folder.
    /// </summary>
    public static SoseiWebFactory OnDataDirectory(string dataDirectory) => new(dataDirectory, ownsDataDirectory: false);

    /// <summary>A new, unique folder name under the temporary folder (not created).</summary>
    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "sosei-web-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Removes a data folder made by <see cref="NewDataDirectory"/>; a leftover temporary folder is harmless.</summary>
    public static void DeleteDataDirectory(string dataDirectory)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// Serves the app with Kestrel on 127.0.0.1 at a free port (for a real browser) and returns its base URL, e.g.
    /// <c>http://127.0.0.1:40123</c>. Call once, before anything else uses the host.
    /// </summary>
    public string StartKestrel()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reported no addresses");
        return addresses.Addresses.First().TrimEnd('/');
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Sosei:DataDirectory", DataDirectory);
        builder.UseSetting("Sosei:AdminPassword", AdminPassword);

        // Every test signs in from the same (test server) address; the sign-in rate limit has tests of its own.
        builder.UseSetting("Sosei:SignIn:PerAddressPerMinute", "100000");
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (ownsDataDirectory)
        {
            DeleteDataDirectory(DataDirectory);
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }
}
