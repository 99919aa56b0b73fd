using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sosei.Application.Common;

namespace Sosei.Application.PlanFiles;

/// <summary>
/// Reads a plan file's JSON into a <see cref="PlanDocument"/> and, when it cannot, says everything that is wrong at
/// once, each problem at its path:
/// <list type="bullet">
/// <item>a syntax error (the parser stops there) at its line;</item>
/// <item>every property written twice in one object (<c>plan.code</c> twice would otherwise silently take the last
/// value and could point an import at another plan), compared as the reader matches names, case-insensitively;</item>
/// <item>every value of the wrong type (<c>kpis[3].decimals</c> is text), every unknown property (with the properties
/// that object knows), every missing required property — not only the first: after the whole document fails to
/// read, each object and array element is read on its own to find each failing value.</item>
/// </list>
/// </summary>
public static class PlanFileJsonReader
{
    /// <summary>At most this many problems are listed (<see cref="ProblemList.MaxProblems"/>); one more says how many more there were.</summary>
    public const int MaxProblems = ProblemList.MaxProblems;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads the JSON; the document, or null with the problems.</summary>
    /// <param name="json">The file.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static async Task<(PlanDocument? Document, IReadOnlyList<ImportProblem> Problems)> ReadAsync(Stream json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument parsed;
        try
        {
            parsed = await JsonDocument.ParseAsync(json, DocumentOptions, cancellationToken);
        }
        catch (JsonException e)
        {
            return (null, [new ImportProblem(
                new JsonTextPosition(e.Path, e.LineNumber + 1), null,
                new Message("JSON の書き方に誤りがあります（括弧・引用符・コンマなど）。", "The file is not valid JSON: " + e.Message))]);
        }

        using (parsed)
        {
            if (parsed.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, [new ImportProblem(JsonPath.Root, null, new Message(
                    "計画ファイルは { で始まるオブジェクトです。", "A plan file is a JSON object ({ … })."))]);
            }

            var problems = new List<ImportProblem>();
            Duplicates(parsed.RootElement, JsonPath.Root, problems);
            if (problems.Count == 0)
            {
                try
                {
                    return (parsed.RootElement.Deserialize<PlanDocument>(PlanDocumentJson.Options), []);
                }
                catch (JsonException e)
                {
                    Collect(parsed.RootElement, typeof(PlanDocument), JsonPath.Root, problems, e);
                }
            }

            return (null, Capped(problems));
        }
    }

    private static IReadOnlyList<ImportProblem> Capped(List<ImportProblem> problems) =>
        ProblemList.Capped(problems, m => new ImportProblem(JsonPath.Root, null, m));

    private static void Duplicates(JsonElement element, JsonPath path, List<ImportProblem> problems)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in element.EnumerateObject())
            {
                var at = path.Then(property.Name);
                if (!seen.Add(property.Name))
                {
                    problems.Add(new ImportProblem(at, null, new Message(
                        $"項目「{property.Name}」が同じオブジェクトに2回以上書かれています。1回にしてください（どちらの値を使うか決められません）。",
                        $"Property \"{property.Name}\" is written more than once in the same object: keep one (Sosei does not guess which value you meant).")));
                }

                Duplicates(property.Value, at, problems);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                Duplicates(item, path.At(i++), problems);
            }
        }
    }

    /// <summary>Finds the failing values below <paramref name="element"/>, which failed to read as <paramref name="type"/> with <paramref name="failure"/>.</summary>
    private static void Collect(JsonElement element, Type type, JsonPath path, List<ImportProblem> problems, JsonException failure)
    {
        var before = problems.Count;
        var info = PlanDocumentJson.Options.GetTypeInfo(type);
        if (info.Kind == JsonTypeInfoKind.Object && element.ValueKind == JsonValueKind.Object)
        {
            var known = info.Properties.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
            foreach (var property in element.EnumerateObject())
            {
                var at = path.Then(property.Name);
                if (!known.TryGetValue(property.Name, out var declared))
                {
                    problems.Add(new ImportProblem(at, null, new Message(
                        $"項目「{property.Name}」はありません（ここで使える項目: {string.Join("、", info.Properties.Select(p => p.Name))}）。",
                        $"Unknown property \"{property.Name}\" (this object has: {string.Join(", ", info.Properties.Select(p => p.Name))}).")));
                    continue;
                }

                Check(property.Value, declared.PropertyType, at, problems);
            }

            var written = element.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var required in info.Properties.Where(p => p.IsRequired && !written.Contains(p.Name)))
            {
                problems.Add(new ImportProblem(path.Then(required.Name), null, new Message(
                    $"必須項目「{required.Name}」がありません。", $"Required property \"{required.Name}\" is missing.")));
            }
        }
        else if (info.Kind == JsonTypeInfoKind.Enumerable && info.ElementType is { } itemType && element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                Check(item, itemType, path.At(i++), problems);
            }
        }

        if (problems.Count == before)
        {
            problems.Add(new ImportProblem(path, null, Expected(type, element, failure)));
        }
    }

    private static void Check(JsonElement element, Type type, JsonPath path, List<ImportProblem> problems)
    {
        try
        {
            element.Deserialize(type, PlanDocumentJson.Options);
        }
        catch (JsonException e)
        {
            Collect(element, type, path, problems, e);
        }
    }

    /// <summary>What a value of <paramref name="type"/> must look like, for a value that is not one.</summary>
    private static Message Expected(Type type, JsonElement element, JsonException failure)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        var kind = PlanDocumentJson.Options.GetTypeInfo(target).Kind;
        if ((kind == JsonTypeInfoKind.Object && element.ValueKind == JsonValueKind.Object)
            || (kind == JsonTypeInfoKind.Enumerable && element.ValueKind == JsonValueKind.Array))
        {
            // The shape is right and no part of it failed on its own: say what the reader said.
            var reason = Shorten(failure.Message.Split(" Path:", 2)[0]);
            return new Message($"値を読めません: {reason}", $"The value cannot be read: {reason}");
        }

        var (japanese, english) = kind switch
        {
            JsonTypeInfoKind.Object => ("オブジェクト（{ … }）", "an object ({ … })"),
            JsonTypeInfoKind.Enumerable => ("配列（[ … ]）", "an array ([ … ])"),
            _ when target == typeof(string) => ("文字列（\"…\"）", "a string (\"…\")"),
            _ when target == typeof(int) || target == typeof(long) => ("整数（例 2018）", "a whole number (2018)"),
            _ when target == typeof(decimal) || target == typeof(double) => ("数値（例 80 や 12.5）", "a number (80, 12.5)"),
            _ when target == typeof(bool) => ("true か false", "true or false"),
            _ => (target.Name, target.Name),
        };
        var written = element.ValueKind switch
        {
            JsonValueKind.String => "\"" + Shorten(element.GetString() ?? "") + "\"",
            JsonValueKind.Object => "{ … }",
            JsonValueKind.Array => "[ … ]",
            _ => Shorten(element.GetRawText()),
        };
        return new Message($"{japanese}が必要です（書かれている値: {written}）。", $"Expected {english}, found {written}.");
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 60), "…");
}
