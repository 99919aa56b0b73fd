using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sosei.Application.Persistence;

namespace Sosei.Architecture.Tests;

/// <summary>
/// Pages show read models made for them, not EF Core entities: no public property of a PageModel in Sosei.Web has an
/// entity type (a class mapped in <see cref="SoseiDbContext"/>, or its base class) as its type, element type or generic
/// argument, or reaches one through the properties of a view type (a page's own or the application's), to any depth.
/// </summary>
public sealed class PageModelTests
{
    private static readonly Assembly Web = Assembly.Load("Sosei.Web");

    private static HashSet<Type> EntityTypes()
    {
        var entities = new HashSet<Type>();
        foreach (var set in typeof(SoseiDbContext).GetProperties()
                     .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>)))
        {
            for (var t = set.PropertyType.GetGenericArguments()[0]; t is not null && t != typeof(object); t = t.BaseType)
            {
                entities.Add(t);
            }
        }

        return entities;
    }

    private static IEnumerable<Type> Parts(Type type)
    {
        yield return type;
        if (type.HasElementType)
        {
            foreach (var t in Parts(type.GetElementType()!))
            {
                yield return t;
            }
        }

        foreach (var t in type.GetGenericArguments().SelectMany(Parts))
        {
            yield return t;
        }
    }

    // The entity a property hands to the view: in its type, element type or generic argument, or (through a page's own
    // or an application's view type) in a property of that type, followed to any depth. Returns the path, e.g.
    // "Evaluation.Plan".
    private static string? EntityPath(Type type, string path, HashSet<Type> entities, HashSet<Type> seen)
    {
        foreach (var part in Parts(type))
        {
            if (entities.Contains(part))
            {
                return path;
            }

            if (part.Namespace?.StartsWith("Sosei.", StringComparison.Ordinal) != true || part.IsEnum || !seen.Add(part))
            {
                continue;
            }

            foreach (var p in part.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (EntityPath(p.PropertyType, path + "." + p.Name, entities, seen) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private static List<string> ExposedEntities()
    {
        var entities = EntityTypes();
        return Web.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.DeclaringType is not null && p.DeclaringType.Assembly == Web)
                .Select(p => EntityPath(p.PropertyType, $"{t.Name}.{p.Name}", entities, [])))
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [Fact]
    public void The_entity_types_are_found()
    {
        var entities = EntityTypes();

        Assert.Contains(entities, t => t.Name == "Kpi");
        Assert.Contains(entities, t => t.Name == "PlanItem");
    }

    [Fact]
    public void No_PageModel_property_exposes_an_entity()
    {
        var exposed = ExposedEntities();

        Assert.True(exposed.Count == 0, "PageModel properties with an entity type (give the page a read model): " + string.Join(", ", exposed));
    }
}
