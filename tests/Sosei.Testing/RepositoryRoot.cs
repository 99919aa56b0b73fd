namespace Sosei.Testing;

/// <summary>
/// The repository the tests run from: the folder holding Sosei.slnx, found by walking up from the test's output folder
/// (bin/Release/net10.0). The one place that knows how; compiled into every test project (linked source where a project
/// does not reference Sosei.Testing).
/// </summary>
public static class RepositoryRoot
{
    private const string Marker = "Sosei.slnx";

    /// <summary>The repository root, or null when the tests run outside a checkout (a copied output folder).</summary>
    public static string? TryFind()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, Marker)))
        {
            dir = dir.Parent;
        }

        return dir?.FullName;
    }

    /// <summary>The repository root; throws when the tests run outside a checkout.</summary>
    public static string Path => TryFind() ?? throw new InvalidOperationException($"{Marker} not found above {AppContext.BaseDirectory}");

    /// <summary>A path below the repository root, e.g. <c>Combine("src", "Sosei.Web", "Pages")</c>.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>
    /// A folder for test artifacts (screenshots, rendered pages), created if needed: <c>$SOSEI_ARTIFACTS/name</c>, else
    /// <c>artifacts/name</c> at the repository root (the temporary folder outside a checkout).
    /// </summary>
    public static string ArtifactsDirectory(string name)
    {
        var root = Environment.GetEnvironmentVariable("SOSEI_ARTIFACTS");
        if (string.IsNullOrEmpty(root))
        {
            root = System.IO.Path.Combine(TryFind() ?? System.IO.Path.GetTempPath(), "artifacts");
        }

        var path = System.IO.Path.Combine(root, name);
        Directory.CreateDirectory(path);
        return path;
    }
}
