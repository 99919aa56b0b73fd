using System.Globalization;
using System.IO.Compression;
using Sosei.Application.Common;

namespace Sosei.Application.Workbooks;

/// <summary>
/// What an uploaded workbook (xlsx) or zip of CSV files may hold (configuration section <c>Sosei:FileLimits</c>), so a
/// small hostile file cannot take the server's memory: a zip that expands a thousandfold, a cell at column ZZZZZZ, a
/// million empty rows. A file past a limit is refused before it is read, with a message naming the limit and where
/// the file passes it. The defaults are far above any plan's workbook (the 網走市 KPI table is about 80 rows and 30
/// columns) and under Excel's own limits where Excel has one.
/// </summary>
public sealed class FileLimits
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Sosei:FileLimits";

    /// <summary>The sum of the expanded sizes of a zip's entries (an xlsx is a zip), in bytes; default 200 MB.</summary>
    public long MaxExpandedBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Entries in a zip; default 2,000.</summary>
    public int MaxEntries { get; set; } = 2_000;

    /// <summary>The last row of a sheet; default 200,000 (Excel allows 1,048,576).</summary>
    public int MaxRows { get; set; } = 200_000;

    /// <summary>The last column of a sheet; default 1,000 (column ALL; Excel allows 16,384, XFD).</summary>
    public int MaxColumns { get; set; } = 1_000;

    /// <summary>Characters in one cell; default 32,767 (Excel's own limit).</summary>
    public int MaxCellCharacters { get; set; } = 32_767;

    /// <summary>The defaults.</summary>
    public static FileLimits Default { get; } = new();

    /// <summary>
    /// Expands every entry of a zip once, counting, and refuses the file when it has too many entries or expands past
    /// <see cref="MaxExpandedBytes"/> (what an entry says of its own size is not trusted). The stream must be seekable;
    /// it is left at position 0.
    /// </summary>
    /// <exception cref="FileReadException">A limit is passed.</exception>
    /// <exception cref="InvalidDataException">The stream is not a zip archive.</exception>
    public void CheckZip(Stream zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        zip.Position = 0;
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true))
        {
            if (archive.Entries.Count > MaxEntries)
            {
                throw new FileReadException(new Message(
                    F($"ファイルの数が多すぎます（{archive.Entries.Count:N0}個、上限 {MaxEntries:N0}個）。"),
                    F($"The archive holds too many files ({archive.Entries.Count:N0}; the limit is {MaxEntries:N0}).")));
            }

            var total = 0L;
            var buffer = new byte[81_920];
            foreach (var entry in archive.Entries)
            {
                using var stream = entry.Open();
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                    if (total > MaxExpandedBytes)
                    {
                        throw new FileReadException(new Message(
                            F($"展開すると {MaxExpandedBytes / (1024 * 1024):N0}MB を超えます（「{entry.FullName}」まで）。大きすぎるか、壊れたファイルです。"),
                            F($"The file expands to more than {MaxExpandedBytes / (1024 * 1024):N0} MB (at \"{entry.FullName}\"): it is too large or damaged.")));
                    }
                }
            }
        }

        zip.Position = 0;
    }

    /// <summary>Refuses a cell past <see cref="MaxRows"/> or <see cref="MaxColumns"/>.</summary>
    /// <exception cref="FileReadException">The cell is past a limit.</exception>
    public void CheckCell(string sheet, int row, int column, string reference)
    {
        if (row > MaxRows)
        {
            throw new FileReadException(new Message(
                F($"「{sheet}」シートのセル {Shorten(reference)} は {MaxRows:N0}行目より下にあります。使っている範囲だけを残してください。"),
                F($"Sheet \"{sheet}\": cell {Shorten(reference)} is below row {MaxRows:N0}, the limit. Keep only the rows in use.")));
        }

        if (column > MaxColumns)
        {
            throw new FileReadException(new Message(
                F($"「{sheet}」シートのセル {Shorten(reference)} は {MaxColumns:N0}列目より右にあります。使っている範囲だけを残してください。"),
                F($"Sheet \"{sheet}\": cell {Shorten(reference)} is right of column {MaxColumns:N0}, the limit. Keep only the columns in use.")));
        }
    }

    /// <summary>Refuses a cell text longer than <see cref="MaxCellCharacters"/>.</summary>
    /// <exception cref="FileReadException">The text is too long.</exception>
    public void CheckText(string sheet, string reference, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxCellCharacters)
        {
            throw new FileReadException(new Message(
                F($"「{sheet}」シートのセル {Shorten(reference)} の文字数（{text.Length:N0}文字）が上限（{MaxCellCharacters:N0}文字）を超えています。"),
                F($"Sheet \"{sheet}\": cell {Shorten(reference)} holds {text.Length:N0} characters, more than the limit of {MaxCellCharacters:N0}.")));
        }
    }

    private static string Shorten(string reference) => reference.Length <= 20 ? reference : reference[..20] + "…";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A file that cannot be read as it is, with the reason in Japanese and English.</summary>
public sealed class FileReadException : IOException
{
    /// <summary>Creates the exception.</summary>
    public FileReadException(Message problem, Exception? inner = null)
        : base(problem?.Japanese + " / " + problem?.English, inner)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Problem = problem;
    }

    /// <summary>What is wrong, in both languages.</summary>
    public Message Problem { get; }
}
