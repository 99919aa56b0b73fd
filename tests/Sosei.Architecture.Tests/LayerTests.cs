using System.Reflection;
using System.Runtime.InteropServices;
using NetArchTest.Rules;
using Sosei.Application.Persistence;
using Sosei.Domain.Periods;

namespace Sosei.Architecture.Tests;

/// <summary>
/// The layers as docs/architecture.md draws them, checked on the compiled assemblies: a pure domain, an application
/// without ASP.NET Core, and hosts whose pages and commands reach the database only through application services.
/// </summary>
public sealed class LayerTests
{
    private static readonly Assembly Domain = typeof(FiscalYear).Assembly;
    private static readonly Assembly ApplicationLayer = typeof(SoseiDbContext).Assembly;
    // Both hosts have a global Program class, so they are loaded by name (both are project references).
    private static readonly Assembly Web = Assembly.Load("Sosei.Web");
    private static readonly Assembly Cli = Assembly.Load("sosei");

    private const string DbContext = "Sosei.Application.Persistence.SoseiDbContext";

    [Fact]
    public void The_domain_references_only_the_dotnet_runtime()
    {
        // Every assembly the domain references ships with Microsoft.NETCore.App: no package, no other project.
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var foreign = Domain.GetReferencedAssemblies()
            .Where(a => !File.Exists(Path.Combine(runtime, a.Name + ".dll")))
            .Select(a => a.Name)
            .ToList();

        Assert.Empty(foreign);
    }

    [Fact]
    public void The_domain_depends_on_no_other_Sosei_layer()
    {
        var result = Types.InAssembly(Domain).ShouldNot().HaveDependencyOnAny("Sosei.Application", "Sosei.Web", "Sosei.Cli").GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void The_application_does_not_reference_ASP_NET_Core_or_a_host()
    {
        // Microsoft.Extensions.Identity.Core (PasswordHasher) is a library, not ASP.NET Core: it is allowed.
        var references = ApplicationLayer.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain("Sosei.Web", references);
        Assert.DoesNotContain("sosei", references);
    }

    [Fact]
    public void Pages_and_endpoints_do_not_use_the_DbContext_only_the_composition_root_does()
    {
        var result = Types.InAssembly(Web).ShouldNot().HaveDependencyOn(DbContext).GetResult();

        Assert.Contains("Sosei.Web.Infrastructure.WebSetup", result.FailingTypeNames ?? []); // the rule sees uses
        Assert.Empty(Outside(result, "Sosei.Web.Infrastructure.WebSetup"));
    }

    [Fact]
    public void Cli_commands_do_not_use_the_DbContext_only_the_host_setup_does()
    {
        var result = Types.InAssembly(Cli).ShouldNot().HaveDependencyOn(DbContext).GetResult();

        Assert.Contains("Sosei.Cli.CliHost", result.FailingTypeNames ?? []); // the rule sees uses
        Assert.Empty(Outside(result, "Sosei.Cli.CliHost"));
    }

    /// <summary>Failing types other than the allowed one (and its nested, compiler-generated types).</summary>
    private static List<string> Outside(TestResult result, string allowed) =>
        (result.FailingTypeNames ?? [])
            .Where(name => name != allowed && !name.StartsWith(allowed + "/", StringComparison.Ordinal) && !name.StartsWith(allowed + "+", StringComparison.Ordinal))
            .ToList();

    private static string Failing(TestResult result) => string.Join(", ", result.FailingTypeNames ?? []);
}
