using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace Sosei.Application.Common;

/// <summary>
/// Where a problem is: a JSON path of a plan file, a workbook cell, a file, or a named item. Places are built typed
/// where the problem is found (so an editor maps a JSON path back to its form field without reading text) and are
/// turned into text in one place, <see cref="In(CultureInfo)"/>, in the UI language.
/// </summary>
/// <remarks>Stored as JSON with an import job's result, so each kind carries a <c>kind</c> discriminator.</remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(JsonPath), "json")]
[JsonDerivedType(typeof(WorkbookCell), "cell")]
[JsonDerivedType(typeof(InFile), "file")]
[JsonDerivedType(typeof(NamedPlace), "named")]
[JsonDerivedType(typeof(JsonTextPosition), "text")]
public abstract record ProblemPlace
{
    private protected ProblemPlace()
    {
    }

    /// <summary>
    /// A problem as one line in a UI language: the place, the offending text quoted the language's way (「…」 or
    /// "…"), then the message. The one format of import problems (plan files, workbooks, population files).
    /// </summary>
    /// <param name="text">The offending text as written; null when something is missing (then it is left out).</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="culture">The UI culture.</param>
    public string ProblemText(string? text, Message message, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(message);
        var place = In(culture);
        var said = message.In(culture);
        return text is null ? $"{place}: {said}"
            : Message.IsEnglish(culture) ? $"{place}: \"{text}\" {said}"
            : $"{place}: 「{text}」 {said}";
    }

    /// <summary>The place as shown to users: 「KPI」シート 12行 F列（H27） / sheet "KPI" row 12 column F (H27);
    /// <c>kpis[3].values[1].value</c> in both languages.</summary>
    public string In(CultureInfo culture)
    {
        var english = Message.IsEnglish(culture);
        switch (this)
        {
            case JsonPath path:
                return path.ToString();
            case WorkbookCell cell:
                return Describe(cell, english);
            case InFile file:
                return file.Within is null ? file.File : $"{file.File}: {file.Within.In(culture)}";
            case JsonTextPosition text:
                var at = text.Path ?? "$";
                return text.Line is not { } line ? at
                    : english ? string.Create(CultureInfo.InvariantCulture, $"{at} (line {line})")
                    : string.Create(CultureInfo.InvariantCulture, $"{at} ({line}行目)");
            case CsvCell csv:
                return Describe(csv, english);
            case NamedPlace named:
                return named.Name.In(culture);
            default:
                throw new InvalidOperationException($"Unknown place {GetType().Name}.");
        }
    }

    private static string Describe(CsvCell cell, bool english)
    {
        var row = cell.Row > 0 ? cell.Row.ToString(CultureInfo.InvariantCulture) : null;
        return (row, cell.Column, english) switch
        {
            (null, null, _) => english ? "whole file" : "ファイル全体",
            (null, { } c, true) => $"column {c}",
            (null, { } c, false) => $"列 {c}",
            ({ } r, null, true) => $"row {r}",
            ({ } r, null, false) => $"{r}行目",
            ({ } r, { } c, true) => $"row {r} column {c}",
            ({ } r, { } c, false) => $"{r}行目 列 {c}",
        };
    }

    private static string Describe(WorkbookCell cell, bool english)
    {
        var sb = new StringBuilder();
        if (english)
        {
            sb.Append("sheet \"").Append(cell.Sheet).Append('"');
            if (cell.Row > 0)
            {
                sb.Append(" row ").Append(cell.Row.ToString(CultureInfo.InvariantCulture));
            }

            if (cell.Column > 0)
            {
                sb.Append(" column ").Append(WorkbookCell.ColumnName(cell.Column));
                if (!string.IsNullOrWhiteSpace(cell.Header))
                {
                    sb.Append(" (").Append(cell.Header.ReplaceLineEndings(" ")).Append(')');
                }
            }

            return sb.ToString();
        }

        sb.Append('「').Append(cell.Sheet).Append("」シート");
        if (cell.Row > 0)
        {
            sb.Append(' ').Append(cell.Row.ToString(CultureInfo.InvariantCulture)).Append('行');
        }

        if (cell.Column > 0)
        {
            sb.Append(' ').Append(WorkbookCell.ColumnName(cell.Column)).Append('列');
            if (!string.IsNullOrWhiteSpace(cell.Header))
            {
                sb.Append('（').Append(cell.Header.ReplaceLineEndings(" ")).Append('）');
            }
        }

        return sb.ToString();
    }
}

/// <summary>One step of a <see cref="JsonPath"/>: a property name or an array index.</summary>
/// <param name="Name">The property name; null for an index.</param>
/// <param name="Index">The 0-based array index; null for a property.</param>
public readonly record struct JsonPathSegment(string? Name, int? Index);

/// <summary>A path into a plan file, made of property names and array indices: <c>kpis[1].series[0].target</c>.</summary>
public sealed record JsonPath : ProblemPlace
{
    [JsonConstructor]
    private JsonPath(IReadOnlyList<JsonPathSegment> segments) => Segments = segments;

    /// <summary>The document itself (<c>$</c>).</summary>
    public static JsonPath Root { get; } = new([]);

    /// <summary>The steps, outermost first.</summary>
    public IReadOnlyList<JsonPathSegment> Segments { get; }

    /// <summary>The path of the enclosing property or array; the root for the root.</summary>
    [JsonIgnore]
    public JsonPath Parent => Segments.Count == 0 ? this : new(Segments.Take(Segments.Count - 1).ToArray());

    /// <summary>The last step, or null for the root.</summary>
    [JsonIgnore]
    public JsonPathSegment? Last => Segments.Count == 0 ? null : Segments[^1];

    /// <summary>A top-level property, followed by further properties: <c>Of("plan", "code")</c> is <c>plan.code</c>.</summary>
    public static JsonPath Of(string name, params string[] then)
    {
        var path = Root.Then(name);
        foreach (var n in then)
        {
            path = path.Then(n);
        }

        return path;
    }

    /// <summary>A property of this path.</summary>
    public JsonPath Then(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new([.. Segments, new JsonPathSegment(name, null)]);
    }

    /// <summary>An element of the array at this path.</summary>
    public JsonPath At(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new([.. Segments, new JsonPathSegment(null, index)]);
    }

    /// <summary>Whether this path is <paramref name="other"/> or inside it.</summary>
    public bool IsWithin(JsonPath other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.Segments.Count <= Segments.Count && other.Segments.SequenceEqual(Segments.Take(other.Segments.Count));
    }

    /// <summary>The steps after <paramref name="prefix"/> (which must contain this path).</summary>
    public IReadOnlyList<JsonPathSegment> After(JsonPath prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return IsWithin(prefix) ? Segments.Skip(prefix.Segments.Count).ToArray() : throw new ArgumentException("Not a prefix of this path.", nameof(prefix));
    }

    /// <inheritdoc />
    public bool Equals(JsonPath? other) => other is not null && Segments.SequenceEqual(other.Segments);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var s in Segments)
        {
            hash.Add(s);
        }

        return hash.ToHashCode();
    }

    /// <summary>The path as written in the plan-file format's documentation: <c>kpis[3].values[1].value</c>; <c>$</c> for the root.</summary>
    public override string ToString()
    {
        if (Segments.Count == 0)
        {
            return "$";
        }

        var sb = new StringBuilder();
        foreach (var s in Segments)
        {
            if (s.Index is { } i)
            {
                sb.Append('[').Append(i.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                if (sb.Length > 0)
                {
                    sb.Append('.');
                }

                sb.Append(s.Name);
            }
        }

        return sb.ToString();
    }
}

/// <summary>A cell, row, column or whole sheet of a workbook (or of one CSV file of a folder).</summary>
/// <param name="Sheet">Sheet name.</param>
/// <param name="Row">1-based row, or 0 for the whole sheet.</param>
/// <param name="Column">1-based column, or 0 for the whole row.</param>
/// <param name="Header">The column's header, shown to help find it.</param>
public sealed record WorkbookCell(string Sheet, int Row = 0, int Column = 0, string? Header = null) : ProblemPlace
{
    /// <summary>Excel's column letters: 1 → A, 27 → AA.</summary>
    public static string ColumnName(int column)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(column, 1);
        var sb = new StringBuilder();
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            sb.Insert(0, (char)('A' + ((c - 1) % 26)));
        }

        return sb.ToString();
    }
}

/// <summary>A row, column or cell of a CSV file (inside an <see cref="InFile"/>); columns are named by their header.</summary>
/// <param name="Row">1-based line number (the header is 1), or 0 for a whole column.</param>
/// <param name="Column">The column's header name; null for the whole row.</param>
public sealed record CsvCell(int Row, string? Column = null) : ProblemPlace;

/// <summary>A file, or a place inside one (a demo file's JSON path, an uploaded workbook that could not be opened).</summary>
/// <param name="File">File name as shown (no directories).</param>
/// <param name="Within">The place inside the file; null for the file as a whole.</param>
public sealed record InFile(string File, ProblemPlace? Within = null) : ProblemPlace;

/// <summary>A stored item named in words (KPI G1-K1 令和6年度), for problems found after the file was mapped to the database.</summary>
/// <param name="Name">The item's name in both languages.</param>
public sealed record NamedPlace(Message Name) : ProblemPlace;

/// <summary>A position in a JSON text that could not be read as a plan file (as the JSON reader reports it).</summary>
/// <param name="Path">The JSON reader's path (<c>$.plan.code</c>); null when it gave none.</param>
/// <param name="Line">1-based line; null when not known.</param>
public sealed record JsonTextPosition(string? Path, long? Line) : ProblemPlace;
