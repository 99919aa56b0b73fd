using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sosei.Benchmarks;

/// <summary>
/// Writes a plan file far larger than any municipality's for the memory measurement of imports
/// (benchmarks/import-memory.sh): the demo plan with its KPIs repeated under new codes (<c>BIG-000001</c> …), each with
/// the values of the KPI it copies, until the plan has the number of KPIs asked for.
/// </summary>
public static class LargePlanFile
{
    /// <summary>Reads <paramref name="source"/>, writes a plan of <paramref name="kpis"/> KPIs to <paramref name="output"/>.</summary>
    public static void Write(string source, int kpis, string output)
    {
        var plan = JsonNode.Parse(File.ReadAllText(source))!.AsObject();
        var list = plan["kpis"]!.AsArray();
        var originals = list.Select(k => k!.DeepClone()).ToList();
        for (var i = 1; list.Count < kpis; i++)
        {
            var copy = originals[(i - 1) % originals.Count]!.DeepClone().AsObject();
            copy["code"] = "BIG-" + i.ToString("D6", CultureInfo.InvariantCulture);
            copy["name"] = copy["name"]!.GetValue<string>() + " (" + i.ToString(CultureInfo.InvariantCulture) + ")";
            list.Add(copy);
        }

        File.WriteAllText(output, plan.ToJsonString(new JsonSerializerOptions { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
}
