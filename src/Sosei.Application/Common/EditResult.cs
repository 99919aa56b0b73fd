namespace Sosei.Application.Common;

/// <summary>
/// Outcome of an editing command: success (with the code of the item created or changed), not found (plan or item
/// code unknown, or the item belongs to another plan), or a list of field errors. When there are errors nothing was
/// saved.
/// </summary>
public sealed record EditResult
{
    private static readonly IReadOnlyDictionary<string, Message> NoErrors = new Dictionary<string, Message>();

    /// <summary>Field → message naming the field and quoting the text. The key is the form property path
    /// (<c>Name</c>, <c>Series[1].Target</c>, <c>Rows[3].Cells[0].Text</c>); the empty key is for the form as a whole.</summary>
    public IReadOnlyDictionary<string, Message> Errors { get; private init; } = NoErrors;

    /// <summary>Whether the plan or the item was not found (the page answers 404).</summary>
    public bool IsNotFound { get; private init; }

    /// <summary>Whether the command was applied.</summary>
    public bool Succeeded => !IsNotFound && Errors.Count == 0;

    /// <summary>Code of the item created or changed (for the redirect after a save); null when not applicable.</summary>
    public string? Code { get; private init; }

    /// <summary>What was done, for the confirmation message; null when there is nothing to say.</summary>
    public Message? Message { get; private init; }

    /// <summary>A success.</summary>
    public static EditResult Success(string? code = null, Message? message = null) => new() { Code = code, Message = message };

    /// <summary>The plan or item was not found.</summary>
    public static EditResult NotFound() => new() { IsNotFound = true };

    /// <summary>A failure with field errors.</summary>
    public static EditResult Failed(IReadOnlyDictionary<string, Message> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failure needs at least one error.", nameof(errors));
        }

        return new() { Errors = errors };
    }

    /// <summary>A failure with one error.</summary>
    public static EditResult Failed(string field, Message message) =>
        Failed(new Dictionary<string, Message>(StringComparer.Ordinal) { [field] = message });
}

/// <summary>Collects field errors while a form is validated; several messages for one field are joined.</summary>
public sealed class EditErrors
{
    private readonly Dictionary<string, Message> errors = new(StringComparer.Ordinal);

    /// <summary>Whether any error was added.</summary>
    public bool Any => errors.Count > 0;

    /// <summary>Errors so far.</summary>
    public IReadOnlyDictionary<string, Message> All => errors;

    /// <summary>Adds a message to a field (the empty field is the form as a whole); a second message for the field is
    /// appended, in each language.</summary>
    public void Add(string field, Message message)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(message);
        errors[field] = !errors.TryGetValue(field, out var existing) ? message
            : existing.Japanese.Contains(message.Japanese, StringComparison.Ordinal) ? existing
            : existing.Then(message);
    }

    /// <summary>Adds a message, written in both languages, to a field.</summary>
    public void Add(string field, string japanese, string english) => Add(field, new Message(japanese, english));

    /// <summary>The failure result of the errors collected.</summary>
    public EditResult ToResult() => EditResult.Failed(new Dictionary<string, Message>(errors, StringComparer.Ordinal));
}
