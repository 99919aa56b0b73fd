using Microsoft.EntityFrameworkCore;

namespace Sosei.Application.Common;

/// <summary>
/// A stored thing that forms edit: its <see cref="Version"/> grows by one at every save (an optimistic concurrency
/// token on both engines), so a save from a form opened before someone else's save is recognised and refused instead
/// of silently undoing the other person's work.
/// </summary>
public interface IVersioned
{
    /// <summary>How many times it was saved (0 when created).</summary>
    int Version { get; set; }
}

/// <summary>
/// Optimistic concurrency for forms (ADR 0005). A form carries the version it was opened at; the editor
/// <see cref="Claim"/>s the stored entity with it before changing it: a stored version that moved on means another save
/// came first, and the editor refuses with the other person's values (<see cref="Conflict"/>), keeping what this person
/// typed. The claim also makes the database check the version in the UPDATE, so two saves at the same moment cannot
/// both pass (the second raises <see cref="DbUpdateConcurrencyException"/>, see <see cref="UniqueSave.SaveAsync"/>).
/// </summary>
public static class Versions
{
    /// <summary>
    /// Claims <paramref name="entity"/> for a save from a form opened at version <paramref name="opened"/>: false (and
    /// nothing changed) when the stored version differs; otherwise the save will write version + 1, and only if the
    /// row still holds <paramref name="opened"/>.
    /// </summary>
    /// <param name="db">The context tracking the entity.</param>
    /// <param name="entity">The stored entity, tracked.</param>
    /// <param name="opened">The version the form was opened at.</param>
    public static bool Claim<T>(DbContext db, T entity, int opened)
        where T : class, IVersioned
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.Version != opened)
        {
            return false;
        }

        var version = db.Entry(entity).Property(e => e.Version);
        version.OriginalValue = opened;
        version.CurrentValue = opened + 1;
        return true;
    }

    /// <summary>
    /// Whether another save came after the form was opened at <paramref name="opened"/> (checked before the form is
    /// validated, so the person sees the conflict first; <see cref="Claim"/> just before saving).
    /// </summary>
    /// <param name="entity">The stored entity.</param>
    /// <param name="opened">The version the form was opened at.</param>
    public static bool HasMoved(IVersioned entity, int opened)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return entity.Version != opened;
    }

    /// <summary>
    /// Gives every modified versioned entity its next version (one that an editor did not <see cref="Claim"/> already):
    /// an import or a second editor changing an entity also moves its version on. Called by the context before a save.
    /// </summary>
    /// <param name="db">The context.</param>
    public static void Advance(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var entry in db.ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            var version = entry.Property(e => e.Version);
            if (version.CurrentValue == version.OriginalValue)
            {
                version.CurrentValue = version.OriginalValue + 1;
            }
        }
    }

    /// <summary>
    /// The message for a form opened before another save: what was saved meanwhile (each field where the stored value
    /// now differs from the posted one, with the stored value), and that this person's input is kept and a second save
    /// overwrites.
    /// </summary>
    /// <param name="what">What was edited (「KPI「…」」).</param>
    /// <param name="fields">Each field: its label, the posted value, the stored value.</param>
    public static Message Conflict(Message what, IEnumerable<(Message Label, string? Posted, string? Stored)> fields)
    {
        ArgumentNullException.ThrowIfNull(what);
        ArgumentNullException.ThrowIfNull(fields);
        var differing = fields.Where(f => !string.Equals(Norm(f.Posted), Norm(f.Stored), StringComparison.Ordinal)).ToList();
        var ja = $"{what.Japanese}は、このページを開いた後にほかの人が保存しました。あなたの入力はそのまま残しています。";
        var en = $"{what.English} was saved by someone else after you opened this page. Your input is kept.";
        if (differing.Count > 0)
        {
            ja += "いま保存されている内容: " + string.Join("、", differing.Select(f => $"{f.Label.Japanese}「{Shown(f.Stored, "（空欄）")}」")) + "。";
            en += " Stored now: " + string.Join(", ", differing.Select(f => $"{f.Label.English} \"{Shown(f.Stored, "(blank)")}\"")) + ".";
        }

        return new Message(
            ja + "確かめて、このままでよければもう一度保存してください（ほかの人の保存を上書きします）。",
            en + " Check it; save again to keep yours (it overwrites the other save).");
    }

    private static string Norm(string? text) => string.IsNullOrWhiteSpace(text) ? "" : text.Trim();

    private static string Shown(string? text, string blank)
    {
        var t = Norm(text);
        return t.Length == 0 ? blank : EditText.Quote(t);
    }
}
