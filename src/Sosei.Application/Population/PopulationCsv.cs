using System.Text;

namespace Sosei.Application.Population;

/// <summary>One CSV record with the line it starts on (1 = first line of the file).</summary>
/// <param name="Line">Line number.</param>
/// <param name="Fields">Fields, unquoted, not trimmed.</param>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// A small RFC 4180 reader for the population files: comma-separated, fields optionally in double quotes (with
/// doubled quotes and line breaks inside), CRLF or LF, UTF-8 with or without BOM. Blank lines are skipped.
/// </summary>
internal static class PopulationCsv
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes UTF-8 (BOM optional); null when the bytes are not UTF-8 (e.g. Shift_JIS from Excel).</summary>
    public static string? Decode(byte[] bytes)
    {
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Splits the text into records; <paramref name="unterminatedQuoteLine"/> is set when a quote never closes.</summary>
    public static List<CsvRecord> Read(string text, out int? unterminatedQuoteLine)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var quoteLine = 0;
        var recordHasContent = false;
        unterminatedQuoteLine = null;

        void EndRecord()
        {
            fields.Add(field.ToString());
            field.Clear();
            if (recordHasContent || fields.Count > 1)
            {
                records.Add(new CsvRecord(recordLine, fields.ToArray()));
            }

            fields.Clear();
            recordHasContent = false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    quoteLine = line;
                    recordHasContent = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    if (!char.IsWhiteSpace(c))
                    {
                        recordHasContent = true;
                    }

                    field.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            unterminatedQuoteLine = quoteLine;
        }

        EndRecord();
        return records;
    }
}
