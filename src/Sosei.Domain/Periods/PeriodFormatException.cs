using Sosei.Domain.Text;

namespace Sosei.Domain.Periods;

/// <summary>
/// Text that <see cref="PeriodParser"/> cannot read as a period or range. The message quotes the text and says what
/// is accepted, in Japanese then English.
/// </summary>
public sealed class PeriodFormatException : BilingualFormatException
{
    /// <summary>Creates the exception with a default message.</summary>
    public PeriodFormatException()
        : base("期間として読めません / Not a period.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PeriodFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public PeriodFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a text that was read and rejected.</summary>
    /// <param name="text">The text as received (null is kept as null).</param>
    /// <param name="message">The bilingual message, quoting the text.</param>
    public PeriodFormatException(string? text, string message)
        : base(message)
    {
        Text = text;
    }

    /// <summary>Creates the exception for a text that was read and rejected, from the two halves of its message.</summary>
    /// <param name="text">The text as received (null is kept as null).</param>
    /// <param name="japaneseMessage">What is wrong and what is accepted, in Japanese, quoting the text.</param>
    /// <param name="englishMessage">The same in English.</param>
    /// <remarks><see cref="Exception.Message"/> is the two halves joined by " / ", Japanese first.</remarks>
    public PeriodFormatException(string? text, string japaneseMessage, string englishMessage)
        : base(japaneseMessage, englishMessage)
    {
        Text = text;
    }

    /// <summary>The text that was rejected, exactly as received; null when not known.</summary>
    public string? Text { get; }
}
