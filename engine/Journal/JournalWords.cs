using Dispatch.Engine.Actions;
using Dispatch.Engine.Safety;

namespace Dispatch.Engine.Journal;

/// <summary>
/// The stable words a journal file uses for risks, decisions and outcomes (snake_case of the enum member, e.g.
/// <c>timed_out</c>, <c>no_visible_change</c>). Renaming an enum member must not change a word: add a new one.
/// </summary>
public static class JournalWords
{
    /// <summary>The word for <paramref name="value"/>.</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        var word = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                word.Append('_');
            }
            word.Append(char.ToLowerInvariant(name[i]));
        }
        return word.ToString();
    }

    /// <summary>The member whose word is <paramref name="word"/>.</summary>
    /// <exception cref="FormatException">No member has that word; the message lists the words there are.</exception>
    public static TEnum Parse<TEnum>(string word) where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(word);
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (Of(value) == word)
            {
                return value;
            }
        }
        throw new FormatException($"'{word}' is not a {typeof(TEnum).Name} word; expected one of {string.Join(", ", Enum.GetValues<TEnum>().Select(v => Of(v)))}.");
    }

    /// <summary>The word for a risk, e.g. <c>irreversible</c>.</summary>
    public static string Of(RiskLevel value) => Of<RiskLevel>(value);

    /// <summary>The word for a decision, e.g. <c>timed_out</c>.</summary>
    public static string Of(StepDecision value) => Of<StepDecision>(value);

    /// <summary>The word for an outcome, e.g. <c>not_found</c>.</summary>
    public static string Of(StepOutcome value) => Of<StepOutcome>(value);
}
