using Sosei.Domain.Text;

namespace Sosei.Domain.Tests.Text;

public class JapaneseTextTests
{
    [Theory]
    [InlineData("１６，４７４人", "16,474人")]
    [InlineData("１９．５０％", "19.50%")]
    [InlineData("Ｈ２７～Ｒ１", "H27~R1")]
    [InlineData("（１．６４）", "(1.64)")]
    [InlineData("令和\u30006年度", "令和 6年度")]
    [InlineData("R3〜R7", "R3~R7")]
    [InlineData("\u22123.3", "-3.3")]
    [InlineData("－", "-")]
    [InlineData("ﾎﾟｲﾝﾄ", "ポイント")]
    [InlineData("319千㎡", "319千㎡")]
    [InlineData("△3.3 ▲2,652 — ― ー", "△3.3 ▲2,652 — ― ー")]
    [InlineData("①", "①")]
    [InlineData("", "")]
    public void FoldWidth_FoldsFullWidthAsciiOnly(string text, string expected) =>
        Assert.Equal(expected, JapaneseText.FoldWidth(text));

    [Fact]
    public void FoldWidth_Null_IsEmpty() => Assert.Equal("", JapaneseText.FoldWidth(null));

    [Theory]
    [InlineData("六", 6)]
    [InlineData("十", 10)]
    [InlineData("十二", 12)]
    [InlineData("二十七", 27)]
    [InlineData("三十一", 31)]
    [InlineData("百", 100)]
    [InlineData("千九百八十九", 1989)]
    [InlineData("二〇二四", 2024)]
    [InlineData("〇", 0)]
    public void TryParseKanjiNumber_ReadsNumerals(string text, int expected)
    {
        Assert.True(JapaneseText.TryParseKanjiNumber(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("十十")]
    [InlineData("二百千")]
    [InlineData("二三十")]
    [InlineData("〇十")]
    [InlineData("一二三四五")]
    [InlineData("元")]
    [InlineData("5")]
    public void TryParseKanjiNumber_RejectsMalformed(string text) =>
        Assert.False(JapaneseText.TryParseKanjiNumber(text, out _));
}
