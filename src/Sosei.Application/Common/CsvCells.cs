namespace Sosei.Application.Common;

/// <summary>
/// CSV injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, a tab or a carriage return as a formula. Sosei's CSV files are downloadable by anyone (reports) and hold
/// text that municipalities and importers typed, so every CSV writer passes its cells through <see cref="Neutralise"/>:
/// such a cell is written with a leading <c>'</c>, which a spreadsheet shows as text. A plain number (<c>-107</c>,
/// <c>+1.5</c>) is left as it is: it is no formula and stays a number. A cell that itself starts with <c>'</c> gets a
/// second one, so <see cref="Restore"/> (used by Sosei's CSV reader) gives back exactly what was written: an exported
/// file imports unchanged.
/// </summary>
public static class CsvCells
{
    private static readonly System.Buffers.SearchValues<char> NumberChars = System.Buffers.SearchValues.Create("0123456789,.");

    private static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The cell as written to a CSV file: a leading <c>'</c> before a formula start or a leading <c>'</c>.</summary>
    /// <param name="cell">The cell text; null or empty stays as it is.</param>
    public static string? Neutralise(string? cell)
    {
        if (string.IsNullOrEmpty(cell))
        {
            return cell;
        }

        return (IsTrigger(cell[0]) && !IsPlainNumber(cell)) || cell[0] == '\'' ? "'" + cell : cell;
    }

    /// <summary>The cell as it was before <see cref="Neutralise"/>: one leading <c>'</c> taken off before a formula start or a <c>'</c>.</summary>
    /// <param name="cell">The cell text read from a CSV file.</param>
    public static string Restore(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length > 1 && cell[0] == '\'' && (IsTrigger(cell[1]) || cell[1] == '\'') ? cell[1..] : cell;
    }

    private static bool IsPlainNumber(string cell) =>
        cell.Length > 1 && cell[0] is '-' or '+'
        && cell.AsSpan(1).IndexOfAnyExcept(NumberChars) < 0
        && char.IsAsciiDigit(cell[1]);
}
