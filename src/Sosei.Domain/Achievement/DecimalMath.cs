namespace Sosei.Domain.Achievement;

/// <summary>Roots and powers in decimal, for growth rates: decimal has no Math.Pow, and rates shown to users stay decimal.</summary>
internal static class DecimalMath
{
    /// <summary>The positive n-th root of a positive number, to decimal precision (Newton's method from a double estimate).</summary>
    /// <exception cref="OverflowException">Intermediate values exceed decimal's range.</exception>
    public static decimal NthRoot(decimal value, int n)
    {
        if (value <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The root is taken of positive numbers only.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (n == 1)
        {
            return value;
        }

        var estimate = Math.Pow((double)value, 1.0 / n);
        var y = estimate is > 1e-20 and < 1e20 ? (decimal)estimate : 1m;
        for (var i = 0; i < 60; i++)
        {
            var powMinus1 = Pow(y, n - 1);
            if (powMinus1 == 0m)
            {
                // Underflow: decimal cannot refine this root further.
                break;
            }

            var next = y - (((powMinus1 * y) - value) / (n * powMinus1));
            if (next <= 0m)
            {
                next = y / 2m;
            }

            if (next == y)
            {
                break;
            }

            y = next;
        }

        return y;
    }

    /// <summary>x to a non-negative integer power, by repeated squaring.</summary>
    /// <exception cref="OverflowException">The result exceeds decimal's range.</exception>
    public static decimal Pow(decimal x, int exponent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(exponent);
        var result = 1m;
        var b = x;
        var e = exponent;
        while (e > 0)
        {
            if ((e & 1) == 1)
            {
                result *= b;
            }

            e >>= 1;
            if (e > 0)
            {
                b *= b;
            }
        }

        return result;
    }
}
