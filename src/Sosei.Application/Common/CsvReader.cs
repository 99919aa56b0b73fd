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
/// UTF-8 with or without BOM.
/// </summary>
internal static class CsvReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes UTF-8 (BOM optional); false when the bytes are not UTF-8 (e.g. Shift_JIS from Excel).</summary>
    public static bool TryDecode(byte[] bytes, [NotNullWhen(true)] out string? text)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()) ? 3 : 0;
        try
        {
            text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = null;
            return false;
        }
    }

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
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
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
            row.Add(field.ToString());
            records.Add(new CsvRecord(recordLine, row));
        }

        return records;
    }
}
