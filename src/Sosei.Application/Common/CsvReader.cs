using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Sosei.Application.Common;

/// <summary>One CSV record with the line it starts on (1 = first line of the file).</summary>
/// <param name="Line">Line number.</param>
/// <param name="Fields">Fields, unquoted, not trimmed; a blank line is one empty field.</param>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields)
{
    /// <summary>Whether the record is a blank line (one field of white space at most, no comma).</summary>
    public bool IsBlank => Fields.Count == 1 && string.IsNullOrWhiteSpace(Fields[0]);
}

/// <summary>
/// The one CSV reader (RFC 4180), for workbook sheets and population files: comma-separated, a field in double quotes
/// when its first character is a quote (doubled quotes and line breaks inside, kept as \n), CRLF, LF or CR line ends,
/// UTF-8 with or without BOM, or Shift_JIS (<see cref="TryDecode"/>); a cell Sosei neutralised against CSV injection
/// is read back as it was (<see cref="CsvCells.Restore"/>).
/// </summary>
internal static class CsvReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Decodes a CSV file as Japanese offices save them: UTF-8 (BOM optional), else Shift_JIS (Windows code page 932, what
    /// Excel's plain 「CSV（コンマ区切り）」 writes on a Japanese PC). Bytes that are valid UTF-8 are read as UTF-8 (Japanese
    /// text in Shift_JIS is practically never valid UTF-8); false when the bytes are neither.
    /// </summary>
    /// <param name="bytes">The file.</param>
    /// <param name="text">The decoded text.</param>
    /// <param name="encoding">What the file was read as: <c>UTF-8</c> or <c>Shift_JIS</c>.</param>
    public static bool TryDecode(byte[] bytes, [NotNullWhen(true)] out string? text, [NotNullWhen(true)] out string? encoding)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()) ? 3 : 0;
        if (TryGetString(StrictUtf8, bytes, start, out text))
        {
            encoding = "UTF-8";
            return true;
        }

        if (TryGetString(StrictShiftJis.Value, bytes, 0, out text))
        {
            encoding = "Shift_JIS";
            return true;
        }

        text = null;
        encoding = null;
        return false;
    }

    /// <summary>The message for a file that is neither UTF-8 nor Shift_JIS.</summary>
    public static Message NotDecodable { get; } = new(
        "UTF-8 としても Shift_JIS としても読めません。Excel では「CSV UTF-8（コンマ区切り）」か「CSV（コンマ区切り）」で保存してください。",
        "the file is neither UTF-8 nor Shift_JIS text: save it from Excel as \"CSV UTF-8 (Comma delimited)\" or \"CSV (Comma delimited)\".");

    private static bool TryGetString(Encoding strict, byte[] bytes, int start, [NotNullWhen(true)] out string? text)
    {
        try
        {
            text = strict.GetString(bytes, start, bytes.Length - start);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = null;
            return false;
        }
    }

    private static readonly Lazy<Encoding> StrictShiftJis = new(() =>
        CodePagesEncodingProvider.Instance.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
            ?? throw new InvalidOperationException("code page 932 (Shift_JIS) is not available"));

    /// <summary>
    /// Splits the text into records, one a line (a quoted field may span lines); no record follows a final line
    /// break. <paramref name="unterminatedQuoteLine"/> is the line of a quote that never closes.
    /// </summary>
    public static List<CsvRecord> Read(string text, out int? unterminatedQuoteLine)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<CsvRecord>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var sawQuote = false;
        var line = 1;
        var recordLine = 1;
        var quoteLine = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    // Line breaks inside a field are kept as \n, whatever the file uses.
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        continue;
                    }

                    field.Append(c == '\r' ? '\n' : c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
                sawQuote = true;
                quoteLine = line;
            }
            else if (c == ',')
            {
                row.Add(CsvCells.Restore(field.ToString()));
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(CsvCells.Restore(field.ToString()));
                field.Clear();
                records.Add(new CsvRecord(recordLine, row));
                row = [];
                sawQuote = false;
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
            }
        }

        unterminatedQuoteLine = quoted ? quoteLine : null;
        if (field.Length > 0 || row.Count > 0 || sawQuote)
        {
            row.Add(CsvCells.Restore(field.ToString()));
            records.Add(new CsvRecord(recordLine, row));
        }

        return records;
    }
}
