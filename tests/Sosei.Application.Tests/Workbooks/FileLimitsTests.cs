using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Sosei.Application.PlanFiles;
using Sosei.Application.Workbooks;

namespace Sosei.Application.Tests.Workbooks;

/// <summary>
/// A small hostile file cannot take the server's memory: a cell far to the right or far down, a zip that expands a
/// thousandfold, too many entries, a huge cell text are refused before they are read, with a message that names the
/// limit and where the file passes it; formatting alone far away costs nothing and is not refused.
/// </summary>
public class FileLimitsTests
{
    private static byte[] Xlsx(params (string Reference, string Text)[] cells)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var group in cells.GroupBy(c => RowOf(c.Reference)).OrderBy(g => g.Key))
            {
                var row = new Row { RowIndex = group.Key };
                foreach (var (reference, text) in group)
                {
                    row.Append(text.Length == 0
                        ? new Cell { CellReference = reference, StyleIndex = 0 }
                        : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });
                }

                data.Append(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "KPI" }));
        }

        return memory.ToArray();
    }

    private static uint RowOf(string reference) => uint.Parse(new string([.. reference.Where(char.IsAsciiDigit)]), System.Globalization.CultureInfo.InvariantCulture);

    private static byte[] Zip(int entries, int bytesEach)
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < entries; i++)
            {
                using var stream = archive.CreateEntry($"sheet{i}.csv", CompressionLevel.Optimal).Open();
                stream.Write(new byte[bytesEach]);
            }
        }

        return memory.ToArray();
    }

    [Fact]
    public void ACellAtColumnZZZZZZ_IsRefused_NamingTheSheetTheCellAndTheLimit()
    {
        var e = Assert.Throws<FileReadException>(() => XlsxReader.Read(new MemoryStream(Xlsx(("A1", "KPIコード"), ("ZZZZZZ1", "x")))));

        Assert.Equal("「KPI」シートのセル ZZZZZZ1 は 1,000列目より右にあります。使っている範囲だけを残してください。", e.Problem.Japanese);
        Assert.Contains("column 1,000", e.Problem.English, StringComparison.Ordinal);
    }

    [Fact]
    public void ACellBelowTheLastRowAllowed_IsRefused()
    {
        var limits = new FileLimits { MaxRows = 100 };

        var e = Assert.Throws<FileReadException>(() => XlsxReader.Read(new MemoryStream(Xlsx(("A1", "a"), ("B101", "b"))), limits));

        Assert.Contains("B101", e.Problem.Japanese, StringComparison.Ordinal);
        Assert.Contains("100行目", e.Problem.Japanese, StringComparison.Ordinal);
    }

    [Fact]
    public void FormattingAloneFarAway_IsNotData_AndIsNotRefused()
    {
        var sheets = XlsxReader.Read(new MemoryStream(Xlsx(("A1", "a"), ("XFD1", ""), ("A1048576", ""))));

        var sheet = Assert.Single(sheets);
        Assert.Equal("a", sheet.Cell(1, 1));
        Assert.Single(sheet.Rows);
    }

    [Fact]
    public void ACellTextLongerThanTheLimit_IsRefused()
    {
        var limits = new FileLimits { MaxCellCharacters = 10 };

        var e = Assert.Throws<FileReadException>(() => XlsxReader.Read(new MemoryStream(Xlsx(("C2", new string('あ', 11)))), limits));

        Assert.Contains("セル C2 の文字数（11文字）", e.Problem.Japanese, StringComparison.Ordinal);
    }

    [Fact]
    public void AZipThatExpandsPastTheLimit_IsRefusedBeforeAnyOfItIsRead()
    {
        var limits = new FileLimits { MaxExpandedBytes = 1024 * 1024 };
        var bomb = Zip(entries: 1, bytesEach: 3 * 1024 * 1024);
        Assert.True(bomb.Length < 20_000, "three megabytes of zeros compress to a few kilobytes");

        var e = Assert.Throws<FileReadException>(() => CsvFile.ReadZip(new MemoryStream(bomb), limits));

        Assert.Contains("1MB を超えます", e.Problem.Japanese, StringComparison.Ordinal);
        Assert.Contains("sheet0.csv", e.Problem.Japanese, StringComparison.Ordinal);
    }

    [Fact]
    public void AnXlsxThatExpandsPastTheLimit_IsRefused()
    {
        var limits = new FileLimits { MaxExpandedBytes = 64 * 1024 };
        var big = Xlsx([.. Enumerable.Range(1, 2000).Select(i => ($"A{i}", "ホタテ製品の海外輸出量"))]);

        var e = Assert.Throws<FileReadException>(() => XlsxReader.Read(new MemoryStream(big), limits));

        Assert.Contains("展開すると", e.Problem.Japanese, StringComparison.Ordinal);
    }

    [Fact]
    public void AZipWithTooManyEntries_IsRefused()
    {
        var limits = new FileLimits { MaxEntries = 3 };

        var e = Assert.Throws<FileReadException>(() => CsvFile.ReadZip(new MemoryStream(Zip(entries: 5, bytesEach: 1)), limits));

        Assert.Contains("5個、上限 3個", e.Problem.Japanese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheImporter_TurnsARefusalIntoAProblemOfTheFile_InBothLanguages()
    {
        var importer = new WorkbookImporter(new PlanFileImporter(null!, TimeProvider.System));

        var result = await importer.ImportAsync(new MemoryStream(Xlsx(("ZZZZZZ1", "x"))), "bomb.xlsx", new ImportOptions { DryRun = true });

        var problem = Assert.Single(result.Problems);
        Assert.Equal("bomb.xlsx", problem.Place.In(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("ZZZZZZ1", problem.Message.Japanese, StringComparison.Ordinal);
        Assert.Contains("ZZZZZZ1", problem.Message.English, StringComparison.Ordinal);
    }

    [Fact]
    public void NotAnXlsx_IsAFileReadExceptionWithBothLanguages()
    {
        var e = Assert.Throws<FileReadException>(() => XlsxReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("not a zip"))));

        Assert.StartsWith("Excel ブック（.xlsx）として読めません", e.Problem.Japanese, StringComparison.Ordinal);
        Assert.StartsWith("Not an .xlsx workbook", e.Problem.English, StringComparison.Ordinal);
    }
}
