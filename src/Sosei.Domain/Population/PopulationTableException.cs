namespace Sosei.Domain.Population;

/// <summary>
/// Counts that do not make a population table (an age group twice, one missing, no open group, a count out of range).
/// The message names the area, year, sex and group, in Japanese and in English.
/// </summary>
public sealed class PopulationTableException : ArgumentException
{
    /// <summary>Creates the exception with a default message.</summary>
    public PopulationTableException()
        : this("人口表として読めない人数です", "The counts do not make a population table.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PopulationTableException(string message)
        : base(message)
    {
        JapaneseMessage = message;
        EnglishMessage = message;
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public PopulationTableException(string message, Exception innerException)
        : base(message, innerException)
    {
        JapaneseMessage = message;
        EnglishMessage = message;
    }

    /// <summary>Creates the exception from the two halves of its message.</summary>
    /// <param name="japaneseMessage">What is wrong, in Japanese.</param>
    /// <param name="englishMessage">The same in English; it is also <see cref="Exception.Message"/>.</param>
    public PopulationTableException(string japaneseMessage, string englishMessage)
        : base(englishMessage, "counts")
    {
        JapaneseMessage = japaneseMessage;
        EnglishMessage = englishMessage;
    }

    /// <summary>What is wrong, in Japanese.</summary>
    public string JapaneseMessage { get; }

    /// <summary>What is wrong, in English.</summary>
    public string EnglishMessage { get; }
}
