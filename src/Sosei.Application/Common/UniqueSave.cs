using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Sosei.Application.Common;

/// <summary>
/// Saving what a form checked before: an editor checks that a code is free, then inserts; two submits at the same
/// moment (a double click on 保存, two people) both pass the check and the database's unique index refuses the second
/// insert. <see cref="TrySaveAsync"/> turns that refusal into a result the form shows — never a 500 — and leaves
/// nothing half-written (the failed save changed nothing; the context's pending changes are dropped).
/// </summary>
public static class UniqueSave
{
    /// <summary>Saves; false when a unique index refused the save (on SQLite or PostgreSQL).</summary>
    /// <param name="db">The context holding the changes.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static async Task<bool> TrySaveAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>
    /// Saves; says whether a unique index refused the save (<see cref="SaveOutcome.Duplicate"/>) or another save changed
    /// a claimed entity first (<see cref="SaveOutcome.Conflict"/>, see <see cref="Versions.Claim"/>). Either way nothing
    /// was written and the context's pending changes are dropped.
    /// </summary>
    /// <param name="db">The context holding the changes.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static async Task<SaveOutcome> SaveAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return SaveOutcome.Conflict;
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return SaveOutcome.Duplicate;
        }
    }

    /// <summary>The message for a save that lost a race with another save of the same thing.</summary>
    public static Message Collided { get; } = new(
        "ほかの保存と同時になったため保存できませんでした。入力はそのまま残しています。ページを開き直して内容を確かめてから、もう一度保存してください。",
        "The save coincided with another save and was not made; your input is kept. Reload the page, check, and save again.");

    /// <summary>Whether the exception is a unique-index violation (SQLite extended code 2067 or 1555, PostgreSQL 23505).</summary>
    /// <param name="e">The exception of a save.</param>
    public static bool IsUniqueViolation(DbUpdateException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.InnerException switch
        {
            SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
            PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
            _ => false,
        };
    }

    /// <summary>The message for a code another save took first.</summary>
    /// <param name="what">What the code is of (KPI, 事業, 項目).</param>
    /// <param name="code">The code.</param>
    public static Message CodeTaken(Message what, string code)
    {
        ArgumentNullException.ThrowIfNull(what);
        return new Message(
            $"{what.Japanese}のコード「{code}」は、ほかの保存（二重送信や同時の編集）で先に使われました。一覧で確かめ、必要なら別のコードで保存してください。",
            $"The {what.English} code \"{code}\" was taken by another save a moment ago (a double submit, or someone else). Check the list and save under another code if needed.");
    }
}

/// <summary>What <see cref="UniqueSave.SaveAsync"/> gave.</summary>
public enum SaveOutcome
{
    /// <summary>Saved.</summary>
    Saved,

    /// <summary>A unique index refused it (a code or a period taken by another save).</summary>
    Duplicate,

    /// <summary>Another save changed a claimed entity first.</summary>
    Conflict,
}
