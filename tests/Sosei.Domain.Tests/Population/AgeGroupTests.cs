using Sosei.Domain.Population;

namespace Sosei.Domain.Tests.Population;

public class AgeGroupTests
{
    [Theory]
    [InlineData("0-4", 0, false)]
    [InlineData("85-89", 85, false)]
    [InlineData("90+", 90, true)]
    [InlineData("0~4歳", 0, false)]
    [InlineData("0～4歳", 0, false)]
    [InlineData("0〜4歳", 0, false)]
    [InlineData("０～４歳", 0, false)]
    [InlineData("95~99歳", 95, false)]
    [InlineData("85歳以上", 85, true)]
    [InlineData("100歳以上", 100, true)]
    [InlineData("90～", 90, true)]
    [InlineData(" 20-24 ", 20, false)]
    public void Parse_TableNotations_GivesTheGroup(string text, int start, bool isOpen)
    {
        var group = AgeGroup.Parse(text);

        Assert.Equal(start, group.Start);
        Assert.Equal(isOpen, group.IsOpen);
    }

    [Theory]
    [InlineData("0-9")]
    [InlineData("3-7")]
    [InlineData("92+")]
    [InlineData("年齢不詳")]
    [InlineData("unknown")]
    [InlineData("")]
    [InlineData("125歳以上")]
    public void Parse_NotAFiveYearGroup_ThrowsQuotingTheText(string text)
    {
        var error = Assert.Throws<FormatException>(() => AgeGroup.Parse(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.False(AgeGroup.TryParse(text, out _));
    }

    [Fact]
    public void Standard_HasNineteenGroupsEndingWithNinetyPlus()
    {
        Assert.Equal(19, AgeGroup.Standard.Count);
        Assert.Equal("0-4", AgeGroup.Standard[0].ToString());
        Assert.Equal("85-89", AgeGroup.Standard[17].ToString());
        Assert.Equal("90+", AgeGroup.Standard[18].ToString());
        Assert.Equal("90歳以上", AgeGroup.Standard[18].ToJapanese());
        Assert.Equal("15～19歳", AgeGroup.Standard[3].ToJapanese());
        Assert.Equal(AgeGroup.Standard, AgeGroup.Standard.Order());
    }

    [Fact]
    public void Contains_OpenGroupHasNoUpperLimit()
    {
        Assert.True(AgeGroup.OpenFrom(90).Contains(107));
        Assert.False(AgeGroup.Closed(85).Contains(90));
        Assert.True(AgeGroup.Closed(85).Contains(89));
        Assert.Null(AgeGroup.OpenFrom(90).End);
        Assert.Equal(89, AgeGroup.Closed(85).End);
    }

    [Fact]
    public void Closed_StartNotAMultipleOfFive_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AgeGroup.Closed(12));

    [Theory]
    [InlineData("M", Sex.Male)]
    [InlineData("f", Sex.Female)]
    [InlineData("男性", Sex.Male)]
    [InlineData("女", Sex.Female)]
    public void Sexes_Parse_StatisticsCodes(string text, Sex expected) => Assert.Equal(expected, Sexes.Parse(text));

    [Fact]
    public void Sexes_Parse_BothSexesCode_ThrowsQuotingIt()
    {
        var error = Assert.Throws<FormatException>(() => Sexes.Parse("T"));

        Assert.Contains("'T'", error.Message, StringComparison.Ordinal);
    }
}
