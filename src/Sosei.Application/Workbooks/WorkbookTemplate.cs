namespace Sosei.Application.Workbooks;

/// <summary>A column of a template sheet.</summary>
/// <param name="Header">Header as written in row 1.</param>
/// <param name="Description">What goes in it (shown on the 使い方 sheet and in docs/formats/workbook.md).</param>
/// <param name="Required">Whether the column must exist.</param>
/// <param name="Aliases">Other headers accepted for it (the 網走市 table's wording, for example).</param>
public sealed record TemplateColumn(string Header, string Description, bool Required = false, params string[] Aliases);

/// <summary>A sheet of the template.</summary>
/// <param name="Name">Sheet name (and CSV file name).</param>
/// <param name="Description">What it holds.</param>
/// <param name="Columns">Its columns, in template order.</param>
public sealed record TemplateSheet(string Name, string Description, IReadOnlyList<TemplateColumn> Columns);

/// <summary>
/// The workbook template: another representation of the plan file (docs/formats/plan-file.md), one sheet per list,
/// Japanese headers. docs/formats/workbook.md describes it; the 使い方 sheet of every exported workbook repeats it.
/// </summary>
public static class WorkbookTemplate
{
    /// <summary>Sheet names.</summary>
    public static class Sheets
    {
        /// <summary>How to use the workbook (ignored on import).</summary>
        public const string Guide = "使い方";

        /// <summary>The plan (key / value rows).</summary>
        public const string Plan = "計画";

        /// <summary>Organizations.</summary>
        public const string Organizations = "団体";

        /// <summary>Regions.</summary>
        public const string Regions = "地域";

        /// <summary>Revisions.</summary>
        public const string Revisions = "策定・改訂";

        /// <summary>Grade bands.</summary>
        public const string GradeBands = "評価区分";

        /// <summary>Nodes.</summary>
        public const string Nodes = "体系";

        /// <summary>KPIs (wide: one column per period).</summary>
        public const string Kpis = "KPI";

        /// <summary>Comments of values.</summary>
        public const string ValueComments = "実績値の備考";

        /// <summary>Interim targets.</summary>
        public const string InterimTargets = "中間目標";

        /// <summary>Projects.</summary>
        public const string Projects = "事業";

        /// <summary>Partners of projects.</summary>
        public const string Partners = "事業の主体・連携先";

        /// <summary>Budget lines.</summary>
        public const string Budget = "予算・決算";

        /// <summary>Grants.</summary>
        public const string Grants = "交付金";

        /// <summary>Relistings.</summary>
        public const string Relistings = "再掲";

        /// <summary>Councils.</summary>
        public const string Councils = "会議";

        /// <summary>Council members.</summary>
        public const string Members = "会議の構成員";

        /// <summary>Meetings.</summary>
        public const string Meetings = "開催状況";

        /// <summary>Population targets.</summary>
        public const string PopulationTargets = "人口目標";

        /// <summary>The judgement the municipality published (効果検証の表), per fiscal year and 基本目標.</summary>
        public const string PublishedTallies = "公表された評価";

        /// <summary>Published grades of single KPIs.</summary>
        public const string PublishedGrades = "公表されたKPIの評価";

        /// <summary>Grades decided by hand instead of the computed ones (評価の上書き).</summary>
        public const string GradeOverrides = "評価の上書き";
    }

    /// <summary>Keys of the 計画 sheet (column 項目).</summary>
    public static class PlanKeys
    {
        /// <summary>Plan code.</summary>
        public const string Code = "計画コード";

        /// <summary>Name.</summary>
        public const string Name = "計画名";

        /// <summary>Subtitle.</summary>
        public const string Subtitle = "副題";

        /// <summary>Type.</summary>
        public const string Type = "種類";

        /// <summary>Owner organization code.</summary>
        public const string Organization = "団体コード";

        /// <summary>Region code.</summary>
        public const string Region = "地域コード";

        /// <summary>Period.</summary>
        public const string Period = "対象期間";

        /// <summary>Level names, one per line.</summary>
        public const string Levels = "階層名";

        /// <summary>Default achievement method.</summary>
        public const string Method = "達成度の計算方法";

        /// <summary>Grade scale preset.</summary>
        public const string Scale = "評価基準";

        /// <summary>Which actual counts (plan.gradingRules.actuals).</summary>
        public const string Actuals = "評価に使う実績";

        /// <summary>Band thresholds 以上 or 超 (plan.gradingRules.thresholds).</summary>
        public const string Thresholds = "評価区分の境界";

        /// <summary>How sub-items combine (plan.gradingRules.seriesAggregation).</summary>
        public const string SeriesAggregation = "項目のあるKPIの評価";

        /// <summary>How 全国平均 targets are judged (plan.gradingRules.relativeTargets).</summary>
        public const string RelativeTargets = "全国平均との差の評価";

        /// <summary>Secretariat.</summary>
        public const string Secretariat = "事務局";

        /// <summary>Description.</summary>
        public const string Description = "説明";

        /// <summary>Source title.</summary>
        public const string SourceTitle = "出典";

        /// <summary>Source publisher.</summary>
        public const string SourcePublisher = "発行者";

        /// <summary>Source URL.</summary>
        public const string SourceUrl = "出典URL";

        /// <summary>Source note.</summary>
        public const string SourceNote = "出典の注記";

        /// <summary>Every key with its description, in sheet order.</summary>
        public static IReadOnlyList<(string Key, string Description, bool Required)> All { get; } =
        [
            (Code, "計画を識別するコード（英数字と - 。データベース内で一意。再取り込みはこのコードで更新）", true),
            (Name, "計画の名称", true),
            (Subtitle, "副題・戦略理念", false),
            (Type, "総合戦略 / 政策展開方針 / 連携ビジョン / その他", false),
            (Organization, "策定した団体のコード（「団体」シートか登録済みの団体）", true),
            (Region, "連携地域の計画なら地域コード（「地域」シート）", false),
            (Period, "対象期間（例: 平成27年度～平成31年度、H27～R1、R3~R7）", true),
            (Levels, "体系の階層名を上から順に1行ずつ（例: 基本目標 / 施策 / 具体的な施策）", false),
            (Method, "目標比（既定）/ 基準値からの進捗 / 期間按分", false),
            (Scale, "評価区分の既定: 80%以上・未満 / ABCD / ◎○△×（「評価区分」シートに行があればそちらを使う）", false),
            (Actuals, "最新の実績（既定: その年度までの最新の値）/ その年度の実績のみ", false),
            (Thresholds, "以上（既定: 80.0%は80%以上）/ 超（80%を超えた場合のみ）", false),
            (SeriesAggregation, "すべて（既定: 最も低い項目で評価）/ いずれか（最も高い項目）/ 平均（KPIシートの指定が優先）", false),
            (RelativeTargets, "基準値からの進捗（既定）/ 達成・未達成 / 全国平均に対する比（実績値の全国平均の値が必要）", false),
            (Secretariat, "事務局（例: 総合政策部）", false),
            (Description, "基本的な考え方などの説明", false),
            (SourceTitle, "出典の文書名", false),
            (SourcePublisher, "出典の発行者", false),
            (SourceUrl, "出典のURL", false),
            (SourceNote, "転記の方法・省略した内容・原文の誤りなど", false),
        ];
    }

    /// <summary>Japanese words of the enumerations, both ways (the workbook is written in Japanese, the plan file in English names).</summary>
    public static class Words
    {
        /// <summary>Plan types.</summary>
        public static IReadOnlyDictionary<string, string> PlanType { get; } = Map(("ComprehensiveStrategy", "総合戦略"), ("RegionalPolicy", "政策展開方針"), ("JointVision", "連携ビジョン"), ("Other", "その他"));

        /// <summary>Organization kinds.</summary>
        public static IReadOnlyDictionary<string, string> OrganizationKind { get; } = Map(("Municipality", "市町村"), ("Prefecture", "都道府県"), ("RegionalOffice", "振興局"), ("Partner", "連携先"));

        /// <summary>Revision kinds.</summary>
        public static IReadOnlyDictionary<string, string> RevisionKind { get; } = Map(("Adopted", "策定"), ("Revised", "改訂"));

        /// <summary>Achievement methods.</summary>
        public static IReadOnlyDictionary<string, string> Method { get; } = Map(("RatioToTarget", "目標比"), ("ProgressFromBaseline", "基準値からの進捗"), ("TimeProrated", "期間按分"));

        /// <summary>Grade scale presets.</summary>
        public static IReadOnlyDictionary<string, string> Scale { get; } = Map(("TwoBand80", "80%以上・未満"), ("Abcd", "ABCD"), ("Symbols", "◎○△×"));

        /// <summary>KPI levels.</summary>
        public static IReadOnlyDictionary<string, string> KpiLevel { get; } = Map(("Goal", "数値目標"), ("Measure", "KPI"), ("Project", "事業KPI"));

        /// <summary>Directions.</summary>
        public static IReadOnlyDictionary<string, string> Direction { get; } = Map(("Increase", "増加"), ("Decrease", "減少"), ("Maintain", "維持"));

        /// <summary>Target kinds.</summary>
        public static IReadOnlyDictionary<string, string> TargetKind { get; } = Map(("Level", "水準"), ("Cumulative", "累計"), ("Change", "増減"), ("Annual", "毎年"), ("Maintain", "維持"), ("Relative", "比較"));

        /// <summary>How bare years are read.</summary>
        public static IReadOnlyDictionary<string, string> PeriodKind { get; } = Map(("FiscalYear", "年度"), ("CalendarYear", "年"));

        /// <summary>Which actual counts.</summary>
        public static IReadOnlyDictionary<string, string> Actuals { get; } = Map(("LatestUpToYear", "最新の実績"), ("ThatYearOnly", "その年度の実績のみ"));

        /// <summary>Band thresholds.</summary>
        public static IReadOnlyDictionary<string, string> Thresholds { get; } = Map(("Inclusive", "以上"), ("Exclusive", "超"));

        /// <summary>How 全国平均 targets are judged.</summary>
        public static IReadOnlyDictionary<string, string> RelativeTargets { get; } =
            Map(("ProgressFromBaseline", "基準値からの進捗"), ("ReachedOrNot", "達成・未達成"), ("RatioToReference", "全国平均に対する比"));

        /// <summary>Series aggregation.</summary>
        public static IReadOnlyDictionary<string, string> SeriesAggregation { get; } = Map(("All", "すべて"), ("Any", "いずれか"), ("Mean", "平均"));

        /// <summary>Project categories.</summary>
        public static IReadOnlyDictionary<string, string> Category { get; } = Map(("New", "新規"), ("Expanded", "拡充"), ("Continued", "継続"), ("Private", "民間等"), ("None", ""));

        /// <summary>Partner roles.</summary>
        public static IReadOnlyDictionary<string, string> Role { get; } = Map(("RunningBody", "事業主体"), ("Lead", "担当市町"), ("Partner", "連携先"));

        /// <summary>Budget kinds.</summary>
        public static IReadOnlyDictionary<string, string> BudgetKind { get; } = Map(("Budget", "予算額"), ("Settlement", "決算額"), ("Estimate", "見込額"));

        /// <summary>Council kinds.</summary>
        public static IReadOnlyDictionary<string, string> CouncilKind { get; } = Map(("External", "外部"), ("Internal", "内部"));

        /// <summary>The Japanese word of an English name (or the name itself when there is none).</summary>
        public static string? ToJapanese(IReadOnlyDictionary<string, string> words, string? english) =>
            english is null ? null : words.TryGetValue(english, out var ja) ? ja : english;

        /// <summary>The English name of a Japanese word (or the text itself, for the validator to judge).</summary>
        public static string? ToEnglish(IReadOnlyDictionary<string, string> words, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var t = text.Trim();
            foreach (var (english, japanese) in words)
            {
                if (japanese.Length > 0 && string.Equals(japanese, t, StringComparison.Ordinal))
                {
                    return english;
                }
            }

            return t;
        }

        private static Dictionary<string, string> Map(params (string English, string Japanese)[] pairs) =>
            pairs.ToDictionary(p => p.English, p => p.Japanese, StringComparer.Ordinal);
    }

    /// <summary>KPI sheet columns.</summary>
    public static class KpiColumns
    {
        /// <summary>KPI code.</summary>
        public const string Code = "KPIコード";

        /// <summary>Home node code.</summary>
        public const string Node = "ノード";

        /// <summary>Level.</summary>
        public const string Level = "区分";

        /// <summary>Name.</summary>
        public const string Name = "指標名";

        /// <summary>Series code.</summary>
        public const string SeriesCode = "項目コード";

        /// <summary>Series name (in a sheet without 指標名: the KPI's name, sub-items on further lines).</summary>
        public const string Series = "項目";

        /// <summary>Target phrase.</summary>
        public const string Phrase = "目標の文言";

        /// <summary>Unit.</summary>
        public const string Unit = "単位";

        /// <summary>Decimals.</summary>
        public const string Decimals = "小数桁数";

        /// <summary>Direction.</summary>
        public const string Direction = "方向";

        /// <summary>Target kind.</summary>
        public const string TargetKind = "目標の種類";

        /// <summary>How bare years are read.</summary>
        public const string PeriodKind = "年の扱い";

        /// <summary>Baseline period.</summary>
        public const string BaselinePeriod = "基準年";

        /// <summary>Baseline; 基準値(H26) also gives the baseline period.</summary>
        public const string Baseline = "基準値";

        /// <summary>Target period.</summary>
        public const string TargetPeriod = "目標年";

        /// <summary>Target; 目標値(H31) also gives the target period.</summary>
        public const string Target = "目標値";

        /// <summary>Series aggregation.</summary>
        public const string Aggregation = "項目の評価";

        /// <summary>Method override.</summary>
        public const string Method = "達成度の計算方法";

        /// <summary>Survey timing.</summary>
        public const string SurveyTiming = "基準日 (調査日)";

        /// <summary>Publication timing.</summary>
        public const string PublicationTiming = "結果公表日 (確認時期)";

        /// <summary>Source.</summary>
        public const string Source = "確認方法";

        /// <summary>Departments.</summary>
        public const string Departments = "担当課";

        /// <summary>Note.</summary>
        public const string Note = "備考";
    }

    /// <summary>The list sheets (everything but 計画 and KPI, whose layouts are special), with their columns.</summary>
    public static IReadOnlyList<TemplateSheet> ListSheets { get; } =
    [
        new(Sheets.Organizations, "計画が参照する団体（策定団体、連携先、構成団体）", [
            new("団体コード", "地方公共団体コード（5桁）または partner:名前", true),
            new("団体名", "名称", true),
            new("種別", "市町村 / 都道府県 / 振興局 / 連携先"),
            new("都道府県", "都道府県名"),
            new("担当課", "課の名前を1行に1つ（KPI・事業の担当課はここにある課だけ）"),
        ]),
        new(Sheets.Regions, "連携地域（圏域）", [
            new("地域コード", "コード", true),
            new("地域名", "名称", true),
            new("構成団体", "団体コードを1行に1つ"),
        ]),
        new(Sheets.Revisions, "策定・改訂の日付", [
            new("日付", "例: 平成27年10月30日、2015-10-30", true),
            new("種別", "策定 / 改訂"),
            new("備考", "改訂の内容など"),
        ]),
        new(Sheets.GradeBands, "評価区分（良い順。下限は以上で判定。下限のない行が一つ、データなしの行が一つ）", [
            new("コード", "短いコード（A, ◎, 80以上）", true),
            new("表示", "表示名（80%以上）", true),
            new("下限（%）", "この区分になる最低の達成度（%）。空欄は残りすべて", false, "下限(%)", "下限"),
            new("データなし", "データがないときの区分なら ○"),
        ]),
        new(Sheets.Nodes, "計画の体系（基本目標・施策など）。親が先に来るように上から順に", [
            new("コード", "ノードのコード（計画内で一意。例: G1, G1.A.1）", true),
            new("親コード", "親ノードのコード。最上位（基本目標）は空欄"),
            new("番号", "文書での番号（基本目標1、（ア）、①）"),
            new("名称", "名称", true),
            new("説明", "本文（基本的方向など）"),
        ]),
        new(Sheets.ValueComments, "実績値の備考・自己評価（「KPI」シートの値に付ける）", [
            new("KPIコード", "KPIコード", true),
            new("項目コード", "項目（系列）のある KPI ならその項目コード"),
            new("期間", "「KPI」シートの期間列と同じ期間", true),
            new("備考", "備考", true),
        ]),
        new(Sheets.InterimTargets, "年度別の中間目標", [
            new("KPIコード", "KPIコード", true),
            new("期間", "例: R5、令和5年度", true),
            new("目標値", "例: 300人", true),
        ]),
        new(Sheets.Projects, "具体的な事業", [
            new("事業コード", "計画内で一意", true),
            new("ノード", "掲載されている体系のコード（最初に載る場所。ほかは「再掲」シート）", true),
            new("事業名", "名称", true),
            new("区分", "新規 / 拡充 / 継続 / 民間等 / 空欄"),
            new("内容", "事業の内容"),
            new("担当課", "策定団体の担当課"),
            new("関連KPI", "KPIコードを1行に1つ"),
            new("開始年度", "例: H29、平成29年度"),
            new("終了年度", "例: R1"),
            new("備考", "備考"),
        ]),
        new(Sheets.Partners, "事業の実施主体・連携先", [
            new("事業コード", "事業コード", true),
            new("団体コード", "「団体」シートのコード（団体でない場合は空欄にして名称へ）"),
            new("名称", "団体でない主体の名称（例: 根室釧路管内18市町村）"),
            new("役割", "事業主体 / 担当市町 / 連携先"),
        ]),
        new(Sheets.Budget, "事業費・予算額・決算額（年度ごと）", [
            new("事業コード", "事業コード", true),
            new("年度", "例: R6、令和6年度", true),
            new("種類", "予算額 / 決算額 / 見込額", true),
            new("金額", "例: 5,031,030、2億4千万円。未定は -", true),
            new("団体コード", "共同事業で負担する構成団体"),
            new("財源", "一般財源・基金など"),
        ]),
        new(Sheets.Grants, "交付金", [
            new("事業コード", "事業コード", true),
            new("交付金", "例: 地方創生推進交付金", true),
            new("交付金額", "例: 2,858,000"),
            new("年度", "例: H30"),
            new("番号", "交付金事業一覧の番号"),
            new("総合戦略との関連", "原文のまま"),
        ]),
        new(Sheets.Relistings, "再掲（別の場所にも載る KPI・事業）", [
            new("ノード", "再掲される場所のノードコード", true),
            new("KPIコード", "再掲する KPI（KPI か事業のどちらか）"),
            new("事業コード", "再掲する事業"),
            new("名称", "その場所での表記が違うとき（例: 合計特殊出生率(再掲)）"),
            new("内容", "その場所での内容が違うとき"),
        ]),
        new(Sheets.Councils, "有識者会議・推進本部など", [
            new("会議コード", "コード", true),
            new("会議名", "名称", true),
            new("種別", "外部 / 内部"),
            new("説明", "説明"),
        ]),
        new(Sheets.Members, "会議の構成員（団体名と役職のみ。氏名は登録しない）", [
            new("会議コード", "会議コード", true),
            new("団体名", "所属団体", true),
            new("役職", "役職"),
        ]),
        new(Sheets.Meetings, "会議の開催状況", [
            new("会議コード", "会議コード", true),
            new("開催日", "例: H27. 6. 12、2015-06-12", true),
            new("主な内容", "議題"),
        ]),
        new(Sheets.PopulationTargets, "人口の将来展望の目標", [
            new("区分", "短期 / 中期 / 長期", true),
            new("目標年", "例: 2020年(平成32年)", true),
            new("指標", "Total（総人口）/ Young（年少）/ Working（生産年齢）/ Old（老年）/ Women20To39 など", true),
            new("目標", "例: 26,043人", true),
            new("推計", "比較する推計値"),
            new("推計の版", "例: 社人研 平成25年3月推計"),
            new("備考", "備考"),
        ]),
        new(Sheets.PublishedTallies, "自治体が公表した効果検証の表（年度・基本目標ごとに1行。基本目標が空欄の行は年度の情報だけ）", [
            new("年度", "例: H30", true),
            new("閾値（%）", "例: 80（「80%以上」）。計画の評価区分の下限のいずれか"),
            new("基本目標", "基本目標のノードコード（例: G1）"),
            new("基本目標KPI（以上）", "基本目標のKPIのうち閾値以上の件数"),
            new("基本目標KPI（未満）", "基本目標のKPIのうち閾値未満の件数"),
            new("施策KPI（以上）", "各施策のKPIのうち閾値以上の件数"),
            new("施策KPI（未満）", "各施策のKPIのうち閾値未満の件数"),
            new("事業KPI（以上）", "事業のKPIのうち閾値以上の件数"),
            new("事業KPI（未満）", "事業のKPIのうち閾値未満の件数"),
            new("出典", "公表した資料"),
            new("備考", "資料の注記など"),
        ]),
        new(Sheets.PublishedGrades, "自治体が公表した個々のKPIの評価", [
            new("年度", "例: H30", true),
            new("KPIコード", "KPIコード", true),
            new("評価", "計画の評価区分のコード（例: 80%以上）", true),
            new("備考", "資料の書き方など"),
        ]),
        new(Sheets.GradeOverrides, "事務局・会議が決めた評価（KPIと年度ごとに1行。計算による評価は残り、並べて表示される）", [
            new("KPIコード", "KPIコード", true),
            new("年度", "評価する年度（例: 2018、H30、平成30年度）", true),
            new("評価", "計画の評価区分のコード（例: 80%以上）", true),
            new("理由", "計算による評価を変える理由", true),
            new("決定者", "例: 有識者会議、事務局"),
            new("決定日時", "例: 2019-09-30T00:00:00+09:00、2019-09-30（日本時間の0時）。空欄は取り込んだ日時"),
        ]),
    ];

    /// <summary>The KPI sheet's fixed columns, in template order (period columns go between 基準値 and 目標年).</summary>
    public static IReadOnlyList<TemplateColumn> KpiSheetColumns { get; } =
    [
        new(KpiColumns.Code, "計画内で一意のコード（空欄なら体系と行の位置から作る）"),
        new(KpiColumns.Node, "KPI が属する体系のコード（ないときは階層名の列で体系を表す）"),
        new(KpiColumns.Level, "数値目標 / KPI / 事業KPI（空欄は最上位なら数値目標、それ以外は KPI）"),
        new(KpiColumns.Name, "指標名（この列がないときは「項目」列の1行目が指標名、2行目以降が項目）", false, "指標"),
        new(KpiColumns.SeriesCode, "項目（系列）のコード。項目ごとに行を分けるときに使う"),
        new(KpiColumns.Series, "項目（男女、小学生・中学生など）。1つのセルに改行で並べてもよい"),
        new(KpiColumns.Phrase, "計画での目標の書き方（例: 5年で30.0%とし22.3ポイント向上）"),
        new(KpiColumns.Unit, "単位（空欄は値から）"),
        new(KpiColumns.Decimals, "表示する小数の桁数（空欄は値から）"),
        new(KpiColumns.Direction, "増加 / 減少 / 維持（空欄は文言から、なければ増加）"),
        new(KpiColumns.TargetKind, "水準 / 累計 / 増減 / 毎年 / 維持 / 比較"),
        new(KpiColumns.PeriodKind, "年度（既定）/ 年: H27 や 2015 のような年をどちらと読むか"),
        new(KpiColumns.BaselinePeriod, "基準年（例: H26、H20-24）"),
        new(KpiColumns.Baseline, "基準値（例: 16,474人）。見出しを 基準値(H26) とすると基準年の既定になる"),
        new(KpiColumns.TargetPeriod, "目標年（例: H31、R3~R7）"),
        new(KpiColumns.Target, "目標値（例: 16,000人、全国平均）。見出しを 目標値(H31) とすると目標年の既定になる"),
        new(KpiColumns.Aggregation, "項目のある KPI の評価: すべて / いずれか / 平均"),
        new(KpiColumns.Method, "計画の既定と違う計算方法: 目標比 / 基準値からの進捗 / 期間按分"),
        new(KpiColumns.SurveyTiming, "基準日（調査日）", false, "基準日", "調査日", "基準日(調査日)"),
        new(KpiColumns.PublicationTiming, "結果公表日（確認時期）", false, "結果公表日", "確認時期", "結果公表日(確認時期)"),
        new(KpiColumns.Source, "確認方法・出典", false, "出典", "確認方法/出典"),
        new(KpiColumns.Departments, "担当課（複数なら1行に1つ）"),
        new(KpiColumns.Note, "備考"),
    ];
}
