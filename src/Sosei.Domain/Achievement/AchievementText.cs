using System.Globalization;

namespace Sosei.Domain.Achievement;

/// <summary>Formatting of numbers and rates in explanations: invariant culture, thousands separators, no unit scaling.</summary>
internal static class AchievementText
{
    private const string NumberFormat = "#,0.############################";

    /// <summary>1234.50 → "1,234.5"; −3.3 → "-3.3".</summary>
    public static string Number(decimal value) => value.ToString(NumberFormat, CultureInfo.InvariantCulture);

    /// <summary>A value with its unit; negative values in parentheses so that they read well inside a formula.</summary>
    public static string Value(decimal value, string unit) =>
        value < 0 ? $"({Number(value)}{unit})" : $"{Number(value)}{unit}";

    /// <summary>0.94705 → "94.7%".</summary>
    public static string Percent(decimal rate) =>
        AchievementResult.RoundPercent(rate).ToString("#,0.0", CultureInfo.InvariantCulture) + "%";
}
