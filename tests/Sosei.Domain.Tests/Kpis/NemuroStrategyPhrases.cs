using Sosei.Domain.Kpis;

namespace Sosei.Domain.Tests.Kpis;

/// <summary>One KPI of the 根室市創生総合戦略 with its target phrase and what it must read as.</summary>
/// <param name="Source">Where it is written in the document.</param>
/// <param name="Level">数値目標 (Goal) or 重要業績評価指標 (Measure).</param>
/// <param name="Name">The KPI name as written.</param>
/// <param name="Phrase">The target phrase as written (footnote markers and spaces included).</param>
/// <param name="Kind">Expected target kind.</param>
/// <param name="Direction">Expected direction.</param>
/// <param name="Target">Expected target in base units (invariant decimal).</param>
/// <param name="Baseline">Expected baseline in base units, or null when the phrase gives none.</param>
/// <param name="Unit">Expected base unit.</param>
/// <param name="Decimals">Expected decimals.</param>
public sealed record PhraseCase(
    string Source,
    KpiLevel Level,
    string Name,
    string Phrase,
    TargetKind Kind,
    KpiDirection Direction,
    string Target,
    string? Baseline,
    string Unit,
    int Decimals);

/// <summary>
/// Every target phrase of seeds/000_0cb2a2431fd54d72.txt (根室市創生総合戦略, 平成27年10月30日策定, 平成29年11月22日改訂;
/// plan period 平成27年度～平成31年度 = FY2015–FY2019): the 数値目標 of the three 基本目標 and every 重要業績評価指標
/// (KPI) bullet of the body, then the "主な重要業績評価指標(KPI)" of the 体系図 at the end, as written there.
/// </summary>
/// <remarks>
/// Differences between the body and the 体系図 — facts of the document that the product must be able to show, not
/// errors to correct:
/// <list type="bullet">
/// <item>長期滞在者の滞在日数: body "5年で年間延べ2,000日間とし年間1,770日間増加", 体系図 "…1,000日間とし年間770日間増加"
/// (the baseline is 230日 either way; the targets differ).</item>
/// <item>寄附金額: body "5年で総額60億円", 体系図 "5年で総額60億円増加" (both read as a cumulative total of 60億円,
/// since 総額 is a total over the period).</item>
/// <item>Names: 体系図 "産学官連携事業による研究成果の件数" vs body "産学官金連携事業…"; 体系図 "寄付受納額" vs body
/// "寄附受納額"; 体系図 "修学資金の貸付後に UI ターンした…" with spaces.</item>
/// <item>The 体系図 shows 28 of the body's 41 measure KPIs (主な KPI) and none of the 10 数値目標.</item>
/// <item>20～39歳女性人口 "5年で32人減少を抑制し2,357人確保" is a 数値目標 of both 基本目標-2 (①) and 基本目標-3 (③).
/// Its footnote ※1 explains 2,357 = the national institute's projection for 2020 (2,325) + 32; the 2015 figure
/// 2,532 is not a baseline stated by the phrase.</item>
/// <item>人口減少率 "5年で0.81%とし0.97ポイント向上": 向上 (improvement) is a fall; footnote ※2 gives the baseline
/// 1.78% (498 of 28,050 in 2014), which the parser reaches from the name (減少率 → lower is better).</item>
/// </list>
/// </remarks>
public static class NemuroStrategyPhrases
{
    private const KpiLevel Goal = KpiLevel.Goal;
    private const KpiLevel Measure = KpiLevel.Measure;
    private const TargetKind Level = TargetKind.Level;
    private const TargetKind Cumulative = TargetKind.Cumulative;
    private const TargetKind Change = TargetKind.Change;
    private const TargetKind Annual = TargetKind.Annual;
    private const TargetKind Maintain = TargetKind.Maintain;
    private const KpiDirection Up = KpiDirection.Increase;
    private const KpiDirection Down = KpiDirection.Decrease;

    /// <summary>The body of the document (第3章), in order.</summary>
    public static IReadOnlyList<PhraseCase> Body { get; } =
    [
        // 基本目標-1 数値目標
        new("基本目標-1 数値目標①", Goal, "合計特殊出生率", "5年で1.49とし0.12ポイント向上", Level, Up, "1.49", "1.37", "", 2),
        new("基本目標-1 数値目標②", Goal, "年少人口割合", "5年で10.3%とし0.3ポイント向上", Level, Up, "10.3", "10.0", "%", 1),
        new("基本目標-1 数値目標③", Goal, "幼稚園・保育所待機児童数", "5年で季節待機児童ゼロ達成", Level, Down, "0", null, "", 0),
        new("基本目標-1 数値目標④", Goal, "市内分娩可能施設", "5年で分娩できる医療施設1カ所", Level, Up, "1", null, "か所", 0),

        // 基本目標-1 (ア)① – (イ)①
        new("基本目標-1 (ア)①", Measure, "独身者の出会いの場に参加した人数", "5年で男女200人", Cumulative, Up, "200", null, "人", 0),
        new("基本目標-1 (ア)①", Measure, "子育てサークルの活動支援件数", "5年で200件", Cumulative, Up, "200", null, "件", 0),
        new("基本目標-1 (ア)②", Measure, "保育料や学校給食費等が無料になる多子世帯数", "5年で延べ1,400世帯増加", Change, Up, "1400", null, "世帯", 0),
        new("基本目標-1 (ア)②", Measure, "子育ての環境や支援に満足している保護者の割合", "5年で30.0%とし、22.3ポイント向上", Level, Up, "30.0", "7.7", "%", 1),
        new("基本目標-1 (ア)③", Measure, "幼稚園、保育所待機児童数", "ゼロ名維持", Maintain, Down, "0", null, "人", 0),
        new("基本目標-1 (ア)③", Measure, "乳幼児や子どものための福祉施設の状況に満足している市民の割合", "5年で30.0%とし24.3ポイント向上", Level, Up, "30.0", "5.7", "%", 1),
        new("基本目標-1 (ア)④", Measure, "保育所における通年開所の割合", "5年で100%とし28.6ポイント向上", Level, Up, "100", "71.4", "%", 1),
        new("基本目標-1 (ア)④", Measure, "留守家庭児童会・放課後教室等の利用者数", "年間延べ46,000人", Annual, Up, "46000", null, "人", 0),
        new("基本目標-1 (ア)④", Measure, "パパママ学級への男性の参加率", "5年で40.0%とし14.1ポイント向上", Level, Up, "40.0", "25.9", "%", 1),
        new("基本目標-1 (イ)①", Measure, "病院などの医療機関の状況に満足している市民の割合", "5年で35.0%とし24.7ポイント向上", Level, Up, "35.0", "10.3", "%", 1),
        new("基本目標-1 (イ)①", Measure, "修学資金の貸付後にUIターンした医療従事者数", "5年で50人増加", Change, Up, "50", null, "人", 0),

        // 基本目標-2 数値目標 (footnote markers as the document writes them)
        new("基本目標-2 数値目標①", Goal, "20～39歳女性の人口", "5年で32人減少を抑制し2,357人確保^{※1}", Level, Up, "2357", null, "人", 0),
        new("基本目標-2 数値目標②", Goal, "生産年齢人口割合", "5年で56.5%とし0.1ポイント向上", Level, Up, "56.5", "56.4", "%", 1),
        new("基本目標-2 数値目標③", Goal, "人口減少率", "5年で0.81%とし0.97ポイント向上^{※2}", Level, Down, "0.81", "1.78", "%", 2),

        // 基本目標-2 (ア)① – (イ)②
        new("基本目標-2 (ア)①", Measure, "なでしこバンクに登録し各種資格を取得した人数", "5年で75人増加", Change, Up, "75", null, "人", 0),
        new("基本目標-2 (ア)①", Measure, "人口1,000人当たりの就職者数", "5年で25人とし3人増加", Level, Up, "25", "22", "人", 0),
        new("基本目標-2 (ア)①", Measure, "季節労働者数", "5年で473人とし107人減少", Level, Down, "473", "580", "人", 0),
        new("基本目標-2 (ア)①", Measure, "就業規則に出産休暇を定めている企業の割合", "5年で100%", Level, Up, "100", null, "%", 0),
        new("基本目標-2 (ア)②", Measure, "修学資金の貸付後にU I ターンした人数", "5年で50人増加", Change, Up, "50", null, "人", 0),
        new("基本目標-2 (ア)②", Measure, "新規創業件数", "5年で15件増加", Change, Up, "15", null, "件", 0),
        new("基本目標-2 (ア)③", Measure, "人口1,000人当たりの法人数", "5年で28件とし2件増加", Level, Up, "28", "26", "件", 0),
        new("基本目標-2 (ア)③", Measure, "商店街における出店店舗数", "5年で10件増加", Change, Up, "10", null, "件", 0),
        new("基本目標-2 (ア)④", Measure, "新規漁業就業者数", "5年で50人増加", Change, Up, "50", null, "人", 0),
        new("基本目標-2 (ア)④", Measure, "新規農林業就業者数", "5年で15人増加", Change, Up, "15", null, "人", 0),
        new("基本目標-2 (ア)④", Measure, "新規狩猟免許取得者数", "5年で35人増加", Change, Up, "35", null, "人", 0),
        new("基本目標-2 (ア)⑤", Measure, "6次産業化、地産地消法及び農商工等連携促進法の認定事業者数", "5年で2事業者とし1事業者増加", Level, Up, "2", "1", "事業者", 0),
        new("基本目標-2 (ア)⑤", Measure, "産学官金連携事業による研究成果の件数", "5年で20件とし5件増加", Level, Up, "20", "15", "件", 0),
        new("基本目標-2 (ア)⑤", Measure, "輸出の取組みに参画する意向がある市内企業数", "5年で15社とし4社増加", Level, Up, "15", "11", "社", 0),
        new("基本目標-2 (ア)⑤", Measure, "根室税関支署管内の輸出入貿易額", "5年で年間50億円とし2億4千万円増加", Level, Up, "5000000000", "4760000000", "円", 1),
        new("基本目標-2 (イ)①", Measure, "根室市への移住者数※", "5年で25人増加", Change, Up, "25", null, "人", 0),
        new("基本目標-2 (イ)①", Measure, "移住相談ワンストップ窓口への相談件数", "5年で年間相談件数50件とし年間18件増加", Level, Up, "50", "32", "件", 0),
        new("基本目標-2 (イ)①", Measure, "長期滞在者の滞在日数", "5年で年間延べ2,000日間とし年間1,770日間増加", Level, Up, "2000", "230", "日", 0),
        new("基本目標-2 (イ)②", Measure, "冬期間における観光客入込数の割合", "5年で20.0%とし3.1ポイント向上", Level, Up, "20.0", "16.9", "%", 1),
        new("基本目標-2 (イ)②", Measure, "外国人宿泊客数", "5年で年間2,500人とし139人増加", Level, Up, "2500", "2361", "人", 0),
        new("基本目標-2 (イ)②", Measure, "観光客入込数のうち宿泊者数の割合", "5年で18.0%とし1.5ポイント向上", Level, Up, "18.0", "16.5", "%", 1),

        // 基本目標-3 数値目標 (name and phrase on two lines in the document: "①地域活動や審議会等への女性の参加率：\n5年で…")
        new("基本目標-3 数値目標①", Goal, "地域活動や審議会等への女性の参加率", "5年で25.0%とし4.4ポイント向上", Level, Up, "25.0", "20.6", "%", 1),
        new("基本目標-3 数値目標②", Goal, "まちづくりへ参加したいと思う市民の割合", "5年で85.0%とし5.6ポイント向上", Level, Up, "85.0", "79.4", "%", 1),
        new("基本目標-3 数値目標③", Goal, "20～39歳女性人口", "5年で32人減少を抑制し2,357人確保", Level, Up, "2357", null, "人", 0),

        // 基本目標-3 (ア)① – (ウ)①
        new("基本目標-3 (ア)①", Measure, "市民活動に関する相談件数", "5年で10件とし5件増加", Level, Up, "10", "5", "件", 0),
        new("基本目標-3 (ア)②", Measure, "地域おこし協力隊を活用し地域活性化に取り組む団体・地区", "5年で2団体・地区増加", Change, Up, "2", null, "団体・地区", 0),
        new("基本目標-3 (ア)②", Measure, "根室市に移住した地域おこし協力隊員の人数", "5年で10人とし7人増加", Level, Up, "10", "3", "人", 0),
        new("基本目標-3 (イ)①", Measure, "民間等による利活用が行われた旧学校施設", "5年で3施設", Level, Up, "3", null, "施設", 0),
        new("基本目標-3 (イ)②", Measure, "民間企業等からの職員受入人数", "5年で2名", Cumulative, Up, "2", null, "人", 0),
        new("基本目標-3 (ウ)①", Measure, "ふるさと納税制度を活用した寄附受納額", "5年で総額100億円増加", Cumulative, Up, "10000000000", null, "円", 0),
        new("基本目標-3 (ウ)①", Measure, "ふるさと寄附受納額のうち、総合戦略に掲げた事業の推進に活用した寄附金額", "5年で総額60億円", Cumulative, Up, "6000000000", null, "円", 0),
        new("基本目標-3 (ウ)①", Measure, "ふるさと納税推進による経済波及効果", "5年で総額130億円", Cumulative, Up, "13000000000", null, "円", 0),
        new("基本目標-3 (ウ)①", Measure, "ふるさと納税推進による雇用者誘発人数", "5年で延べ400人", Cumulative, Up, "400", null, "人", 0),
    ];

    /// <summary>The "主な重要業績評価指標(KPI)" column of the 体系図 (第4章 4.), with its spacing and ⇒ as written.</summary>
    public static IReadOnlyList<PhraseCase> SystemChart { get; } =
    [
        new("体系図 基本目標1", Measure, "独身者の出会いの場に参加した人数", "⇒5年で男女 200 人", Cumulative, Up, "200", null, "人", 0),
        new("体系図 基本目標1", Measure, "子育てサークルの活動支援件数", "⇒5年で 200 件", Cumulative, Up, "200", null, "件", 0),
        new("体系図 基本目標1", Measure, "保育料や学校給食費等が無料になる多子世帯数", "⇒5年で延べ 1,400 世帯増加", Change, Up, "1400", null, "世帯", 0),
        new("体系図 基本目標1", Measure, "子育ての環境や支援に満足している保護者の割合", "⇒5年で 30.0%とし、22.3 ポイント向上", Level, Up, "30.0", "7.7", "%", 1),
        new("体系図 基本目標1", Measure, "幼稚園、保育所待機児童数", "⇒ゼロ名維持", Maintain, Down, "0", null, "人", 0),
        new("体系図 基本目標1", Measure, "乳幼児や子どものための福祉施設の状況に満足している市民の割合", "⇒5年で 30.0%とし 24.3 ポイント向上", Level, Up, "30.0", "5.7", "%", 1),
        new("体系図 基本目標1", Measure, "保育所における通年開所の割合", "⇒5年で 100%とし 28.6 ポイント向上", Level, Up, "100", "71.4", "%", 1),
        new("体系図 基本目標1", Measure, "パパママ学級への男性の参加率", "⇒5年で 40.0%とし 14.1 ポイント向上", Level, Up, "40.0", "25.9", "%", 1),
        new("体系図 基本目標1", Measure, "病院などの医療機関の状況に満足している市民の割合", "⇒5年で 35.0%とし 24.7 ポイント向上", Level, Up, "35.0", "10.3", "%", 1),
        new("体系図 基本目標1", Measure, "修学資金の貸付後に UI ターンした医療従事者数", "⇒5年で 50 人増加", Change, Up, "50", null, "人", 0),
        new("体系図 基本目標2", Measure, "なでしこバンクに登録し各種資格を取得した人数", "⇒5年で 75 人増加", Change, Up, "75", null, "人", 0),
        new("体系図 基本目標2", Measure, "人口 1,000 人当たりの就職者数", "⇒5年で 25 人とし 3 人増加", Level, Up, "25", "22", "人", 0),
        new("体系図 基本目標2", Measure, "修学資金の貸付後に UI ターンした人数", "⇒5年で 50 人増加", Change, Up, "50", null, "人", 0),
        new("体系図 基本目標2", Measure, "商店街における出店店舗数", "⇒5年で 10 件増加", Change, Up, "10", null, "件", 0),
        new("体系図 基本目標2", Measure, "新規漁業就業者数", "⇒5年で 50 人増加", Change, Up, "50", null, "人", 0),
        new("体系図 基本目標2", Measure, "新規農林業就業者数", "⇒5年で 15 人増加", Change, Up, "15", null, "人", 0),
        new("体系図 基本目標2", Measure, "6次産業化、地産地消法及び農商工等連携促進法の認定事業者数", "⇒5年で 2 事業者とし 1 事業者増加", Level, Up, "2", "1", "事業者", 0),
        new("体系図 基本目標2", Measure, "産学官連携事業による研究成果の件数", "⇒5年で 20 件とし 5 件増加", Level, Up, "20", "15", "件", 0),
        new("体系図 基本目標2", Measure, "根室市への移住者数", "⇒5年で 25 人増加", Change, Up, "25", null, "人", 0),
        new("体系図 基本目標2", Measure, "長期滞在者の滞在日数", "⇒5年で年間延べ 1,000 日間とし年間 770 日間増加", Level, Up, "1000", "230", "日", 0),
        new("体系図 基本目標2", Measure, "外国人宿泊客数", "⇒5年で年間 2,500 人とし 139 人増加", Level, Up, "2500", "2361", "人", 0),
        new("体系図 基本目標2", Measure, "観光客入込数のうち宿泊者数の割合", "⇒5年で 18.0%とし 1.5 ポイント向上", Level, Up, "18.0", "16.5", "%", 1),
        new("体系図 基本目標3", Measure, "市民活動に関する相談件数", "⇒5年で 10 件とし 5 件増加", Level, Up, "10", "5", "件", 0),
        new("体系図 基本目標3", Measure, "地域おこし協力隊を活用し地域活性化に取り組む団体・地区", "⇒5年で 2 団体・地区増加", Change, Up, "2", null, "団体・地区", 0),
        new("体系図 基本目標3", Measure, "民間等による利活用が行われた旧学校施設", "⇒5年で 3 施設", Level, Up, "3", null, "施設", 0),
        new("体系図 基本目標3", Measure, "民間企業等からの職員受入人数", "⇒5年で 2 名", Cumulative, Up, "2", null, "人", 0),
        new("体系図 基本目標3", Measure, "ふるさと納税制度を活用した寄付受納額", "⇒5年で総額 100 億円増加", Cumulative, Up, "10000000000", null, "円", 0),
        new("体系図 基本目標3", Measure, "ふるさと寄附受納額のうち、総合戦略に掲げた事業の推進に活用した寄附金額", "⇒5年で総額 60 億円増加", Cumulative, Up, "6000000000", null, "円", 0),
    ];
}
