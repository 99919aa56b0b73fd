using System.Globalization;
using Sosei.Application.PlanFiles;

namespace Sosei.Application.Common;

/// <summary>
/// The part the KPI and project forms share: they are checked by the plan-file validator, whose problems carry typed
/// JSON paths under the item (<c>kpi.series[1].target</c>); each problem is put on the form field it names.
/// </summary>
internal static class FormProblems
{
    /// <summary>Where a problem is under the item: the property (<c>series</c>), the index in it (-1 for none) and the
    /// property of that element (<c>target</c>); null when the problem is not under <paramref name="item"/>.</summary>
    public static (string Property, int Index, string? Child)? Under(ImportProblem problem, JsonPath item)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.Place is not JsonPath path || !path.IsWithin(item) || path == item)
        {
            return null;
        }

        var steps = path.After(item);
        if (steps[0].Name is not { } property)
        {
            return null;
        }

        var index = steps.Count > 1 && steps[1].Index is { } i ? i : -1;
        var child = steps.Skip(index >= 0 ? 2 : 1).Select(s => s.Name).FirstOrDefault();
        return (property, index, child);
    }

    /// <summary>Puts each problem on the field <paramref name="map"/> gives (the whole form when it gives none),
    /// unless the form's own checks already put a message there.</summary>
    public static void AddTo(EditErrors errors, IEnumerable<ImportProblem> problems, Func<ImportProblem, (string Field, Message Message)> map)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var problem in problems)
        {
            var (field, message) = map(problem);
            if (!errors.All.ContainsKey(field))
            {
                errors.Add(field, message);
            }
        }
    }

    /// <summary>The problem's message named by a field label.</summary>
    public static Message On(Message label, ImportProblem problem) => EditText.Field(label, problem.Text, problem.Message);

    /// <summary>A form row index as it appears in field keys.</summary>
    public static string Row(int index) => index.ToString(CultureInfo.InvariantCulture);
}
