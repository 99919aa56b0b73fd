namespace Sosei.Domain.Text;

/// <summary>
/// The base of the domain parsers' exceptions (<see cref="Periods.PeriodFormatException"/>,
/// <see cref="Values.ValueFormatException"/>, <see cref="Kpis.TargetPhraseException"/>): a text that was read and
/// rejected, with a message that quotes the text and says what is accepted, in Japanese then English.
/// </summary>
public abstract class BilingualFormatException : FormatException
{
    private readonly string? japaneseMessage;
    private readonly string? englishMessage;

    /// <summary>Creates the exception with a message (both languages in one).</summary>
    /// <param name="message">The message.</param>
    protected BilingualFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The exception that caused it.</param>
    protected BilingualFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from the two halves of its message.</summary>
    /// <param name="japaneseMessage">What is wrong and what is accepted, in Japanese, quoting the text.</param>
    /// <param name="englishMessage">The same in English.</param>
    /// <remarks><see cref="Exception.Message"/> is the two halves joined by " / ", Japanese first.</remarks>
    protected BilingualFormatException(string japaneseMessage, string englishMessage)
        : base($"{japaneseMessage} / {englishMessage}")
    {
        ArgumentNullException.ThrowIfNull(japaneseMessage);
        ArgumentNullException.ThrowIfNull(englishMessage);
        this.japaneseMessage = japaneseMessage;
        this.englishMessage = englishMessage;
    }

    /// <summary>The Japanese half of the message (quoting the text); <see cref="Exception.Message"/> when the exception
    /// was made from one message.</summary>
    public string JapaneseMessage => japaneseMessage ?? Message;

    /// <summary>The English half of the message; <see cref="Exception.Message"/> when the exception was made from one
    /// message.</summary>
    public string EnglishMessage => englishMessage ?? Message;
}
