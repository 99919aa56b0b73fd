namespace Sosei.Domain.Values;

/// <summary>
/// The values of <see cref="MeasuredValue.NoValueReason"/>: why a cell holds no amount. None of them means zero.
/// Short Japanese words, shown as they are in the interface.
/// </summary>
public static class NoValueReasons
{
    /// <summary>空欄: the cell is empty or only whitespace (or the text is null).</summary>
    public const string Blank = "空欄";

    /// <summary>—: a dash (—, －, -, ―, ー) was written: no value for that period, e.g. a survey not held that year.</summary>
    public const string Dash = "—";

    /// <summary>未確定: the value is not known yet (also 速報, 見込, 暫定 written without a number).</summary>
    public const string Provisional = "未確定";
}
