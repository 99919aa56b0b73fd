using System.Globalization;
using System.Text.RegularExpressions;
using Sosei.Application.Common;
using Sosei.Domain.Periods;
using Sosei.Domain.Population;

namespace Sosei.Application.Population;

/// <summary>
/// Parses population CSV files (docs/formats/population-csv.md): census and municipal projections by sex × 5-year
/// age, the national projection, total fertility rates and resident-register totals, into figures and problems. Every
/// problem is reported with file, row, column, text and what was expected. Pure: no database.
/// </summary>
internal static partial class PopulationCsvParser
{
    internal const int MaxProblems = ProblemList.MaxProblems;

    /// <summary>Reads and checks a whole file; the figures are empty when there is any problem.</summary>
    public static ParsedPopulationFile Parse(byte[] bytes, PopulationImportRequest request)
    {
        var file = string.IsNullOrWhiteSpace(request.FileName) ? "population.csv" : Path.GetFileName(request.FileName);
        var parsed = new ParsedPopulationFile(file);
        if (string.IsNullOrWhiteSpace(request.Edition))
        {
            parsed.Problem(null, null, null, new Message("版（edition）の名前が必要です（例 国勢調査、平成30年推計）", "an edition name is required (e.g. 平成30年推計)."));
        }
        else if (request.Edition.Trim().Length > FieldLimits.Text)
        {
            parsed.Problem(null, null, request.Edition, FieldLimits.TooLong(new("版の名前", "The edition name"), FieldLimits.Text, request.Edition.Trim().Length));
        }

        foreach (var (given, label, limit) in new[]
        {
            (request.Title, new Message("表題", "The title"), FieldLimits.Name),
            (request.Source, new Message("出典", "The source"), FieldLimits.LongText),
            (request.Licence, new Message("利用条件", "The licence"), FieldLimits.LongText),
            (file, new Message("ファイル名", "The file name"), FieldLimits.Text),
        })
        {
            if (FieldLimits.IsTooLong(given?.Trim(), limit))
            {
                parsed.Problem(null, null, given, FieldLimits.TooLong(label, limit, given!.Trim().Length));
            }
        }

        if (!CsvReader.TryDecode(bytes, out var text, out _))
        {
            parsed.Problem(null, null, null, CsvReader.NotDecodable);
            return parsed;
        }

        var records = CsvReader.Read(text, out var unterminated);
        if (unterminated is { } quoteLine)
        {
            parsed.Problem(quoteLine, null, null, new Message("引用符（\"）が閉じられていません", "a quoted field is not closed."));
            return parsed;
        }

        // Blank lines are skipped.
        records.RemoveAll(r => r.IsBlank);
        if (records.Count == 0)
        {
            parsed.Problem(null, null, null, new Message("ファイルが空です（見出し行とデータ行が必要です）", "the file is empty (a header row and data rows are needed)."));
            return parsed;
        }

        var header = new Header(records[0], parsed);
        var rows = records.Skip(1).ToList();
        foreach (var row in rows.Where(r => r.Fields.Count != records[0].Fields.Count))
        {
            parsed.Problem(
                row.Line, null, string.Join(",", row.Fields),
                new Message(string.Create(CultureInfo.InvariantCulture, $"列の数が {row.Fields.Count} です。見出しと同じ {records[0].Fields.Count} 列が必要です"), string.Create(CultureInfo.InvariantCulture, $"{row.Fields.Count} fields, the header has {records[0].Fields.Count}.")));
        }

        if (rows.Count == 0)
        {
            parsed.Problem(null, null, null, new Message("データ行がありません", "no data rows."));
        }

        if (parsed.Problems.Count > 0)
        {
            return parsed;
        }

        switch (request.Kind)
        {
            case PopulationFileKind.Census:
            case PopulationFileKind.Projection:
            case PopulationFileKind.National:
                ReadTables(request.Kind, header, rows, parsed);
                break;
            case PopulationFileKind.Tfr:
                ReadFertilityRates(header, rows, parsed);
                break;
            case PopulationFileKind.Register:
                ReadRegister(header, rows, parsed);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Kind, "Unknown population file kind.");
        }

        if (parsed.Problems.Count > 0)
        {
            parsed.Figures.Clear();
            parsed.Rates.Clear();
        }

        return parsed;
    }

    // ---- Population by sex × age: census, municipal projection, national projection ----

    private sealed record AgeRow(int Line, string Code, string Name, int Year, Sex? Sex, string Age, AgeGroup? Group, decimal Count, string CountText);

    private static void ReadTables(PopulationFileKind kind, Header header, List<CsvRecord> rows, ParsedPopulationFile parsed)
    {
        var national = kind == PopulationFileKind.National;
        var code = header.Column(national ? null : "code", "code");
        var name = header.Column(national ? null : "name", "name");
        var year = header.Column("year");
        var sex = header.Column("sex");
        var age = header.Column(national ? "age" : "age_group", "age_group", "age");
        var count = header.Column(national ? "value" : "population", "population", "value");
        if (parsed.Problems.Count > 0)
        {
            return;
        }

        var read = new List<AgeRow>();
        foreach (var row in rows)
        {
            var areaCode = code is { } c ? AreaCode(row, c, header, parsed) : PopulationCsvImporter.NationalAreaCode;
            var areaName = name is { } n ? Required(row, n, header, parsed) : "全国";
            var y = Year(row, year!.Value, header, parsed);
            var sexOk = TrySex(row, sex!.Value, header, parsed, out var s);
            var (ageCode, group) = Age(row, age!.Value, header, parsed);
            var value = Count(row, count!.Value, header, parsed);
            if (areaCode is null || areaName is null || y is null || !sexOk || ageCode is null || value is null)
            {
                continue;
            }

            read.Add(new AgeRow(row.Line, areaCode, areaName, y.Value, s, ageCode, group, value.Value, row.Fields[count.Value].Trim()));
        }

        if (parsed.Problems.Count > 0)
        {
            return;
        }

        CheckNames(read.Select(r => (r.Line, r.Code, r.Name)), name ?? -1, header, parsed);
        var seen = new Dictionary<(string, int, Sex?, string), int>();
        foreach (var r in read)
        {
            if (!seen.TryAdd((r.Code, r.Year, r.Sex, r.Age), r.Line))
            {
                parsed.Problem(
                    r.Line, header.Name(age!.Value), r.Age,
                    new Message(string.Create(CultureInfo.InvariantCulture, $"同じ地域・年・性別・年齢の行が {seen[(r.Code, r.Year, r.Sex, r.Age)]} 行目にもあります"), string.Create(CultureInfo.InvariantCulture, $"the same area, year, sex and age appear on row {seen[(r.Code, r.Year, r.Sex, r.Age)]}.")));
            }

            if (kind != PopulationFileKind.Census && r.Age == PopulationFigure.UnknownAge && r.Count != 0)
            {
                parsed.Problem(
                    r.Line, header.Name(age!.Value), r.Age,
                    new Message("推計人口には年齢不詳はありません（0 以外は取り込めません）", "a projection has no persons of unknown age."));
            }
        }

        if (parsed.Problems.Count > 0)
        {
            return;
        }

        foreach (var group in read.GroupBy(r => (r.Code, r.Year)))
        {
            CheckTable(group.Key.Code, group.Key.Year, group.ToList(), header, age!.Value, count!.Value, parsed);
        }

        if (parsed.Problems.Count > 0)
        {
            return;
        }

        // Both-sexes rows and totals were checked against the sexes; only what cannot be computed is stored.
        foreach (var r in read.Where(r => r.Sex is not null && r.Age != PopulationFigure.Total))
        {
            parsed.Figures.Add(new PopulationFigure
            {
                AreaCode = r.Code,
                AreaName = r.Name,
                Year = r.Year,
                Sex = r.Sex,
                AgeGroup = r.Age,
                Count = r.Count,
            });
        }

        parsed.SetAreasAndYears(read.Select(r => (r.Code, r.Name)), read.Select(r => r.Year));
    }

    private static void CheckTable(string code, int year, List<AgeRow> rows, Header header, int ageColumn, int countColumn, ParsedPopulationFile parsed)
    {
        var first = rows.Min(r => r.Line);
        var where = string.Create(CultureInfo.InvariantCulture, $"{code} {year}");
        PopulationTable table;
        try
        {
            var counts = rows.Where(r => r.Sex is not null && r.Group is not null)
                .Select(r => new PopulationCount(r.Sex!.Value, r.Group!.Value, r.Count));
            decimal Unknown(Sex sex) => rows.Where(r => r.Sex == sex && r.Age == PopulationFigure.UnknownAge).Sum(r => r.Count);
            table = PopulationTable.FromCounts(code, year, counts, unknownMale: Unknown(Sex.Male), unknownFemale: Unknown(Sex.Female));
        }
        catch (ArgumentException e)
        {
            parsed.Problem(
                first, header.Name(ageColumn), null,
                e is PopulationTableException counts
                    ? new Message($"男女それぞれに 0-4 から 90+（またはより細かい高齢階級）までの年齢階級が一つずつ必要です: {counts.JapaneseMessage}", $"each sex needs every age group from 0-4 to 90+ (or finer older groups) once: {counts.EnglishMessage}")
                    : new Message($"{where}: 男女それぞれに 0-4 から 90+（またはより細かい高齢階級）までの年齢階級が一つずつ必要です（{e.Message}）", $"{where}: each sex needs every age group from 0-4 to 90+ (or finer older groups) once: {e.Message}"));
            return;
        }

        var bySexAge = rows.Where(r => r.Sex is not null).ToLookup(r => r.Age);
        foreach (var r in rows)
        {
            // Totals and both-sexes rows are optional; when present they must agree with the rows by sex.
            decimal expected;
            Message what;
            if (r.Age == PopulationFigure.Total)
            {
                expected = r.Sex is { } s ? table.TotalOf(s) : table.Total;
                what = new Message("年齢階級と年齢不詳の合計", "the sum of the age groups and unknown age");
            }
            else if (r.Sex is not null)
            {
                continue;
            }
            else if (r.Age == PopulationFigure.UnknownAge)
            {
                expected = table.UnknownAge(Sex.Male) + table.UnknownAge(Sex.Female);
                what = new Message("男 + 女", "male + female");
            }
            else
            {
                var sexes = bySexAge[r.Age].ToList();
                if (sexes.Count != 2)
                {
                    parsed.Problem(r.Line, header.Name(ageColumn), r.Age, new Message($"{where}: 男女計の行に対応する男・女の行がありません", $"{where}: a both-sexes row needs the male and female rows."));
                    continue;
                }

                expected = sexes.Sum(x => x.Count);
                what = new Message("男 + 女", "male + female");
            }

            if (expected != r.Count)
            {
                parsed.Problem(
                    r.Line, header.Name(countColumn), r.CountText,
                    new Message(
                        string.Create(CultureInfo.InvariantCulture, $"{where} {SexLabel(r.Sex).Japanese} {r.Age}: {what.Japanese} は {expected:0.##########} です"),
                        string.Create(CultureInfo.InvariantCulture, $"{where} {SexLabel(r.Sex).English} {r.Age}: expected {what.English} = {expected:0.##########}.")));
            }
        }
    }

    private static Message SexLabel(Sex? sex) => sex switch
    {
        Sex.Male => new Message("男", "male"),
        Sex.Female => new Message("女", "female"),
        _ => new Message("男女計", "both sexes"),
    };

    // ---- Total fertility rates ----

    [GeneratedRegex(@"^tfr(?:_[a-z]+)*_(?<first>[0-9]{4})_(?<last>[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex TfrColumnPattern();

    private static void ReadFertilityRates(Header header, List<CsvRecord> rows, ParsedPopulationFile parsed)
    {
        var code = header.Column("code");
        var name = header.Column("name");
        var source = header.Optional("source");
        int? valueColumn = null;
        int? periodColumn = null;
        (int First, int Last)? headerPeriod = null;
        for (var i = 0; i < header.Names.Length; i++)
        {
            var match = TfrColumnPattern().Match(header.Names[i]);
            if (match.Success)
            {
                valueColumn = i;
                headerPeriod = (int.Parse(match.Groups["first"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["last"].Value, CultureInfo.InvariantCulture));
            }
        }

        if (valueColumn is null)
        {
            valueColumn = header.Column("tfr");
            periodColumn = header.Column("period");
        }

        if (parsed.Problems.Count > 0)
        {
            return;
        }

        string? previousSource = null;
        var seen = new Dictionary<(string, int, int), int>();
        var names = new List<(int, string, string)>();
        foreach (var row in rows)
        {
            var areaCode = AreaCode(row, code!.Value, header, parsed);
            var areaName = Required(row, name!.Value, header, parsed);
            (int First, int Last)? period = headerPeriod;
            if (periodColumn is { } pc)
            {
                var text = row.Fields[pc].Trim();
                if (PeriodParser.TryParseRange(text, PeriodKind.CalendarYear, out var range, out _) && range.Kind == PeriodKind.CalendarYear)
                {
                    period = (range.First.Year, range.Last.Year);
                }
                else
                {
                    parsed.Problem(row.Line, header.Name(pc), text, new Message("期間は暦年か暦年の範囲です（例 2008-2012、平成20～24年）", "expected a calendar year or range of years (2008-2012)."));
                }
            }

            var valueText = row.Fields[valueColumn!.Value].Trim();
            decimal? value = decimal.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v is > 0 and <= 10 ? v : null;
            if (value is null)
            {
                parsed.Problem(row.Line, header.Name(valueColumn.Value), valueText, new Message("合計特殊出生率は 0 より大きく 10 以下の数です（例 1.53）", "expected a rate above 0 and at most 10 (1.53)."));
            }

            string? rowSource = null;
            if (source is { } sc)
            {
                var text = row.Fields[sc].Trim();
                if (text.Equals("same", StringComparison.OrdinalIgnoreCase) || text is "同上" or "〃")
                {
                    rowSource = previousSource;
                    if (previousSource is null)
                    {
                        parsed.Problem(row.Line, header.Name(sc), text, new Message("「same」（上と同じ）ですが、上の行に出典がありません", "'same' refers to the row above, which has no source."));
                    }
                }
                else
                {
                    rowSource = text.Length == 0 ? null : text;
                    if (text.Length > FieldLimits.LongText)
                    {
                        parsed.Problem(row.Line, header.Name(sc), text, FieldLimits.TooLong(new("出典", "The source"), FieldLimits.LongText, text.Length));
                    }
                }

                previousSource = rowSource;
            }

            if (areaCode is null || areaName is null || period is null || value is null)
            {
                continue;
            }

            if (!seen.TryAdd((areaCode, period.Value.First, period.Value.Last), row.Line))
            {
                parsed.Problem(row.Line, header.Name(code.Value), areaCode, new Message(string.Create(CultureInfo.InvariantCulture, $"同じ地域・期間の値が {seen[(areaCode, period.Value.First, period.Value.Last)]} 行目にもあります"), string.Create(CultureInfo.InvariantCulture, $"the same area and period appear on row {seen[(areaCode, period.Value.First, period.Value.Last)]}.")));
                continue;
            }

            names.Add((row.Line, areaCode, areaName));
            parsed.Rates.Add(new FertilityRateFigure
            {
                AreaCode = areaCode,
                AreaName = areaName,
                Period = PeriodText(period.Value.First, period.Value.Last),
                FirstYear = period.Value.First,
                LastYear = period.Value.Last,
                Value = value.Value,
                Source = rowSource,
            });
        }

        CheckNames(names, name!.Value, header, parsed);
        parsed.SetAreasAndYears(parsed.Rates.Select(r => (r.AreaCode, r.AreaName)), parsed.Rates.Select(r => r.LastYear));
    }

    /// <summary>平成20～24年 for 2008–2012 (the era of each end year; a range across eras names both).</summary>
    internal static string PeriodText(int first, int last)
    {
        if (first == last)
        {
            return Period.OfCalendarYear(first).ToJapanese();
        }

        var a = Period.OfCalendarYear(first).ToJapanese();
        var b = Period.OfCalendarYear(last).ToJapanese();
        var eraA = JapaneseEra.On(new DateOnly(first, 12, 31));
        var eraB = JapaneseEra.On(new DateOnly(last, 12, 31));
        return eraA == eraB ? $"{a[..^1]}～{b[eraB.Name.Length..]}" : $"{a}～{b}";
    }

    // ---- Resident register totals ----

    private static void ReadRegister(Header header, List<CsvRecord> rows, ParsedPopulationFile parsed)
    {
        var code = header.Column("code");
        var name = header.Column("name");
        var date = header.Column("date", "date", "year");
        var total = header.Column("total");
        var male = header.Optional("male");
        var female = header.Optional("female");
        if (male is null != female is null)
        {
            parsed.Problem(1, male is null ? "male" : "female", null, new Message("male と female の列は両方とも置くか、両方とも省きます", "give both male and female columns, or neither."));
        }

        if (parsed.Problems.Count > 0)
        {
            return;
        }

        var seen = new Dictionary<(string, int), int>();
        var names = new List<(int, string, string)>();
        var areas = new List<(string, string)>();
        var years = new List<int>();
        foreach (var row in rows)
        {
            var areaCode = AreaCode(row, code!.Value, header, parsed);
            var areaName = Required(row, name!.Value, header, parsed);
            var dateText = row.Fields[date!.Value].Trim();
            int? year = null;
            DateOnly? day = null;
            if (PeriodParser.TryParse(dateText, PeriodKind.CalendarYear, out var period, out _) && period.Kind is PeriodKind.CalendarYear or PeriodKind.Date)
            {
                year = period.Year;
                day = period.Kind == PeriodKind.Date ? period.Start : null;
            }
            else
            {
                parsed.Problem(row.Line, header.Name(date.Value), dateText, new Message("年（2014、平成26年）または日付（2014-01-01、平成26年1月1日）が必要です", "expected a year (2014) or a date (2014-01-01)."));
            }

            var t = Persons(row, total!.Value, header, parsed, required: true);
            var m = male is { } mc ? Persons(row, mc, header, parsed, required: false) : null;
            var f = female is { } fc ? Persons(row, fc, header, parsed, required: false) : null;
            if (male is { } mi && female is { } fi && (row.Fields[mi].Trim().Length == 0) != (row.Fields[fi].Trim().Length == 0))
            {
                var missing = row.Fields[mi].Trim().Length == 0 ? mi : fi;
                parsed.Problem(row.Line, header.Name(missing), null, new Message("男と女は両方書くか、両方とも空にします", "give both male and female, or neither."));
            }

            if (areaCode is null || areaName is null || year is null || t is null)
            {
                continue;
            }

            if (m is { } mv && f is { } fv && mv + fv != t)
            {
                parsed.Problem(
                    row.Line, header.Name(total.Value), row.Fields[total.Value].Trim(),
                    new Message(string.Create(CultureInfo.InvariantCulture, $"総数は男 + 女 = {mv + fv:0} と一致しません"), string.Create(CultureInfo.InvariantCulture, $"the total must equal male + female ({mv + fv:0}).")));
            }

            if (!seen.TryAdd((areaCode, year.Value), row.Line))
            {
                parsed.Problem(
                    row.Line, header.Name(date.Value), dateText,
                    new Message(string.Create(CultureInfo.InvariantCulture, $"{areaCode} の {year} 年の値が {seen[(areaCode, year.Value)]} 行目にもあります（1年に1つの値）"), string.Create(CultureInfo.InvariantCulture, $"one value per area and year: {year} also appears on row {seen[(areaCode, year.Value)]}.")));
                continue;
            }

            names.Add((row.Line, areaCode, areaName));
            areas.Add((areaCode, areaName));
            years.Add(year.Value);
            parsed.Figures.Add(new PopulationFigure { AreaCode = areaCode, AreaName = areaName, Year = year.Value, Date = day, Sex = null, AgeGroup = PopulationFigure.Total, Count = t.Value });
            if (m is { } male2 && f is { } female2)
            {
                parsed.Figures.Add(new PopulationFigure { AreaCode = areaCode, AreaName = areaName, Year = year.Value, Date = day, Sex = Sex.Male, AgeGroup = PopulationFigure.Total, Count = male2 });
                parsed.Figures.Add(new PopulationFigure { AreaCode = areaCode, AreaName = areaName, Year = year.Value, Date = day, Sex = Sex.Female, AgeGroup = PopulationFigure.Total, Count = female2 });
            }
        }

        CheckNames(names, name!.Value, header, parsed);
        parsed.SetAreasAndYears(areas, years);
    }

    private static decimal? Persons(CsvRecord row, int column, Header header, ParsedPopulationFile parsed, bool required)
    {
        var text = row.Fields[column].Trim();
        if (text.Length == 0 && !required)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Integer | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= PopulationTable.MaxCount)
        {
            return value;
        }

        parsed.Problem(row.Line, header.Name(column), text, new Message("0 以上の整数の人数です（例 28050）", "expected a whole number of persons (28050)."));
        return null;
    }

    // ---- Fields ----

    private static string? AreaCode(CsvRecord row, int column, Header header, ParsedPopulationFile parsed)
    {
        var text = row.Fields[column].Trim();
        if (text.Length == 5 && text.All(char.IsAsciiDigit))
        {
            return text;
        }

        var hint = text.Length is >= 1 and < 5 && text.All(char.IsAsciiDigit)
            ? "（先頭の 0 が落ちていませんか。表計算ソフトで開くと 01223 が 1223 になります）"
            : "";
        var englishHint = hint.Length > 0 ? " Has a leading 0 been lost? A spreadsheet turns 01223 into 1223." : "";
        parsed.Problem(row.Line, header.Name(column), text, new Message("5桁の団体コードです（例 01223）" + hint, "expected a 5-digit area code (01223)." + englishHint));
        return null;
    }

    private static string? Required(CsvRecord row, int column, Header header, ParsedPopulationFile parsed)
    {
        var text = row.Fields[column].Trim();
        if (text.Length > FieldLimits.OrganizationName)
        {
            parsed.Problem(row.Line, header.Name(column), text, FieldLimits.TooLong(new("地域名", "The area name"), FieldLimits.OrganizationName, text.Length));
            return null;
        }

        if (text.Length > 0)
        {
            return text;
        }

        parsed.Problem(row.Line, header.Name(column), null, new Message("地域名が空です", "the area name is empty."));
        return null;
    }

    private static int? Year(CsvRecord row, int column, Header header, ParsedPopulationFile parsed)
    {
        var text = row.Fields[column].Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1800 and <= 2200)
        {
            return year;
        }

        parsed.Problem(row.Line, header.Name(column), text, new Message("西暦年です（例 2015）", "expected a Gregorian year (2015)."));
        return null;
    }

    private static bool TrySex(CsvRecord row, int column, Header header, ParsedPopulationFile parsed, out Sex? sex)
    {
        var text = row.Fields[column].Trim();
        sex = null;
        if (text is "T" or "t" or "総数" or "計" or "男女計")
        {
            return true;
        }

        if (Sexes.TryParse(text, out var one))
        {
            sex = one;
            return true;
        }

        parsed.Problem(row.Line, header.Name(column), text, new Message("M（男）、F（女）、T（男女計）のいずれかです（男性・女性も可）", "expected M, F or T."));
        return false;
    }

    private static (string? Code, AgeGroup? Group) Age(CsvRecord row, int column, Header header, ParsedPopulationFile parsed)
    {
        var text = row.Fields[column].Trim();
        switch (text)
        {
            case "unknown" or "不詳" or "年齢不詳":
                return (PopulationFigure.UnknownAge, null);
            case "total" or "総数" or "計":
                return (PopulationFigure.Total, null);
        }

        if (AgeGroup.TryParse(text, out var group))
        {
            return (group.ToString(), group);
        }

        parsed.Problem(row.Line, header.Name(column), text, new Message("5歳階級（0-4 … 85-89、90+、0～4歳、100歳以上）、unknown（年齢不詳）、total（総数）のいずれかです", "expected a 5-year age group, unknown or total."));
        return (null, null);
    }

    private static decimal? Count(CsvRecord row, int column, Header header, ParsedPopulationFile parsed)
    {
        var text = row.Fields[column].Trim();
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= PopulationTable.MaxCount)
        {
            return value;
        }

        parsed.Problem(row.Line, header.Name(column), text, new Message("0 以上の人数です（例 1678）", "expected a number of persons, 0 or more (1678)."));
        return null;
    }

    private static void CheckNames(IEnumerable<(int Line, string Code, string Name)> rows, int nameColumn, Header header, ParsedPopulationFile parsed)
    {
        var first = new Dictionary<string, (int Line, string Name)>();
        foreach (var (line, code, name) in rows)
        {
            if (!first.TryAdd(code, (line, name)) && first[code].Name != name)
            {
                parsed.Problem(
                    line, nameColumn < 0 ? "name" : header.Name(nameColumn), name,
                    new Message(string.Create(CultureInfo.InvariantCulture, $"団体コード {code} の名前が {first[code].Line} 行目の「{first[code].Name}」と違います"), string.Create(CultureInfo.InvariantCulture, $"the name differs from row {first[code].Line}.")));
            }
        }
    }

    private sealed class Header
    {
        private readonly ParsedPopulationFile parsed;

        public Header(CsvRecord record, ParsedPopulationFile parsed)
        {
            this.parsed = parsed;
            Names = record.Fields.Select(f => f.Trim().ToLowerInvariant()).ToArray();
        }

        public string[] Names { get; }

        public string Name(int index) => Names[index];

        /// <summary>
        /// The index of the first of <paramref name="names"/> present (aliases); a problem naming
        /// <paramref name="preferred"/> when none is. A null preferred name makes the column optional.
        /// </summary>
        public int? Column(string? preferred, params string[] names)
        {
            foreach (var n in names.Length == 0 ? [preferred!] : names)
            {
                var i = Array.IndexOf(Names, n);
                if (i >= 0)
                {
                    return i;
                }
            }

            if (preferred is not null)
            {
                parsed.Problem(
                    1, preferred, null,
                    new Message($"見出し行に列「{preferred}」がありません（見出し: {string.Join(",", Names)}）", $"the header has no column '{preferred}' (header: {string.Join(",", Names)})."));
            }

            return null;
        }

        public int? Optional(string name)
        {
            var i = Array.IndexOf(Names, name);
            return i >= 0 ? i : null;
        }
    }
}

/// <summary>What parsing a population file gave: the problems, or the figures to store.</summary>
internal sealed class ParsedPopulationFile(string file)
{
    /// <summary>The first <see cref="ProblemList.MaxProblems"/> problems, then one counting the rest.</summary>
    public List<PopulationImportProblem> Problems { get; } = [];

    private int omitted;

    public List<PopulationFigure> Figures { get; } = [];

    public List<FertilityRateFigure> Rates { get; } = [];

    public IReadOnlyList<string> Areas { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public void Problem(int? row, string? column, string? text, Message message)
    {
        if (Problems.Count < PopulationCsvParser.MaxProblems)
        {
            Problems.Add(new PopulationImportProblem(new InFile(file, row is null && column is null ? null : new CsvCell(row ?? 0, column)), text, message));
            return;
        }

        // Past the cap, the last problem counts the rest.
        omitted++;
        var more = new PopulationImportProblem(new InFile(file, ProblemList.MorePlace), null, ProblemList.More(omitted));
        if (omitted == 1)
        {
            Problems.Add(more);
        }
        else
        {
            Problems[^1] = more;
        }
    }

    public void SetAreasAndYears(IEnumerable<(string Code, string Name)> areas, IEnumerable<int> years)
    {
        Areas = areas.Distinct().OrderBy(a => a.Code, StringComparer.Ordinal).Select(a => $"{a.Code} {a.Name}").ToList();
        Years = years.Distinct().Order().ToList();
    }
}
