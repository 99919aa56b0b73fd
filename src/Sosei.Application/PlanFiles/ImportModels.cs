using System.Globalization;
using Sosei.Application.Common;

namespace Sosei.Application.PlanFiles;

/// <summary>
/// One problem found while validating an import: where (a JSON path such as <c>kpis[3].values[1].value</c>, or a
/// sheet/row/column for a workbook), the offending text, and what was expected. A long text is kept cut (with its
/// full length) and a long message shortened (<see cref="ProblemList"/>), so a problem stays small however large the
/// cell was.
/// </summary>
/// <param name="Place">Where the problem is.</param>
/// <param name="Text">The offending text, as given; null when something is missing.</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record ImportProblem(ProblemPlace Place, string? Text, Message Message)
{
    /// <summary>The offending text, cut to about <see cref="ProblemList.MaxQuoted"/> characters; null when something is missing.</summary>
    public string? Text { get; init; } = ProblemList.Quote(Text);

    /// <summary>What is wrong and what was expected.</summary>
    public Message Message { get; init; } = ProblemList.Shortened(Message);

    /// <summary>The problem as one line in a UI language: place, quoted text, message.</summary>
    public string In(CultureInfo culture) => Place.ProblemText(Text, Message, culture);
}

/// <summary>What an import did, or would do (dry run), to one kind of item.</summary>
/// <param name="Item">Kind of item (計画, ノード, KPI, 実績値, 事業 …).</param>
/// <param name="Created">New items.</param>
/// <param name="Changed">Items whose data changed.</param>
/// <param name="Unchanged">Items in the file identical to what is stored.</param>
/// <param name="Removed">Items of a list the file replaces (a KPI's departments, a project's partners) that are no longer in it.</param>
public sealed record ImportCount(string Item, int Created, int Changed, int Unchanged, int Removed = 0);

/// <summary>One changed field, for the change list of a dry run.</summary>
/// <param name="Item">Kind of item.</param>
/// <param name="Key">Which item (its code, or KPI code and period for a value).</param>
/// <param name="Field">Field.</param>
/// <param name="Before">Old value.</param>
/// <param name="After">New value.</param>
public sealed record ImportChange(string Item, string Key, string Field, string? Before, string? After);

/// <summary>Result of an import or a dry run.</summary>
public sealed record ImportResult
{
    /// <summary>Whether the file was valid (and, unless dry run, written).</summary>
    public bool Succeeded => Problems.Count == 0;

    /// <summary>Whether nothing was written because it was a dry run.</summary>
    public bool DryRun { get; init; }

    /// <summary>Plan code.</summary>
    public string? PlanCode { get; init; }

    /// <summary>Problems; empty on success. When not empty, nothing was written. At most
    /// <see cref="ProblemList.MaxProblems"/> and one line counting the rest.</summary>
    public IReadOnlyList<ImportProblem> Problems { get; init => field = ProblemList.Capped(value, m => new ImportProblem(ProblemList.MorePlace, null, m)); } = [];

    /// <summary>Counts per kind of item.</summary>
    public IReadOnlyList<ImportCount> Counts { get; init; } = [];

    /// <summary>Changed fields of existing items (values first).</summary>
    public IReadOnlyList<ImportChange> Changes { get; init; } = [];

    /// <summary>Items stored for this plan but absent from the file: left alone, listed so nobody is surprised.</summary>
    public IReadOnlyList<string> NotInFile { get; init; } = [];
}

/// <summary>Options of an import.</summary>
public sealed record ImportOptions
{
    /// <summary>Validate and report what would change, write nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Who imports (kept on changed values).</summary>
    public string? User { get; init; }

    /// <summary>Reports progress (0–1) and a short status for long imports.</summary>
    public IProgress<(double Fraction, string Status)>? Progress { get; init; }

    /// <summary>Turns a JSON path into the place shown to users (a workbook importer maps it to sheet/row/column).</summary>
    public Func<JsonPath, ProblemPlace>? LocationOf { get; init; }
}

/// <summary>Thrown when an import is refused; carries every problem.</summary>
public sealed class ImportFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ImportFailedException(IReadOnlyList<ImportProblem> problems)
        : base(Describe(problems)) => Problems = problems;

    /// <summary>Creates the exception (serialisation-free default).</summary>
    public ImportFailedException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ImportFailedException(string message)
        : base(message) => Problems = [];

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public ImportFailedException(string message, Exception innerException)
        : base(message, innerException) => Problems = [];

    /// <summary>The problems.</summary>
    public IReadOnlyList<ImportProblem> Problems { get; }

    private static string Describe(IReadOnlyList<ImportProblem> problems) =>
        $"取り込めませんでした（{problems.Count}件の問題）/ Import refused ({problems.Count} problem(s)):{Environment.NewLine}" +
        string.Join(Environment.NewLine, problems.Take(50).Select(p => "  - " + p.In(Common.Message.JapaneseUi)));
}
