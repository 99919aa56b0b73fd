using Sosei.Domain.Text;

namespace Sosei.Domain.Kpis;

/// <summary>
/// A target phrase that <see cref="TargetPhraseParser"/> cannot read. The message quotes the phrase and says what is
/// accepted, in Japanese then English.
/// </summary>
public sealed class TargetPhraseException : BilingualFormatException
{
    /// <summary>Creates the exception with a default message.</summary>
    public TargetPhraseException()
        : base("目標の書き方として読めません / Not a target phrase.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TargetPhraseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public TargetPhraseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a phrase that was read and rejected.</summary>
    /// <param name="phrase">The phrase as received (null is kept as null).</param>
    /// <param name="message">The bilingual message, quoting the phrase.</param>
    public TargetPhraseException(string? phrase, string message)
        : base(message)
    {
        Phrase = phrase;
    }

    /// <summary>Creates the exception for a phrase that was read and rejected, from the two halves of its message.</summary>
    /// <param name="phrase">The phrase as received (null is kept as null).</param>
    /// <param name="japaneseMessage">What is wrong and what is accepted, in Japanese, quoting the phrase.</param>
    /// <param name="englishMessage">The same in English.</param>
    /// <remarks><see cref="Exception.Message"/> is the two halves joined by " / ", Japanese first.</remarks>
    public TargetPhraseException(string? phrase, string japaneseMessage, string englishMessage)
        : base(japaneseMessage, englishMessage)
    {
        Phrase = phrase;
    }

    /// <summary>The phrase that was rejected, exactly as received; null when not known.</summary>
    public string? Phrase { get; }
}
