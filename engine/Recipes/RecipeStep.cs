using Dispatch.Engine.Input;

namespace Dispatch.Engine.Recipes;

/// <summary>
/// One step of a recipe, as written: text fields still hold their <c>{parameter}</c> references, substituted only when
/// the step runs. Which fields a step uses depends on its <see cref="Kind"/>.
/// </summary>
/// <param name="Kind">What it does.</param>
/// <param name="Subject">The value of the key that names the kind: the program, window title, locator, text, key chord or path.</param>
/// <param name="Position">Where the step starts in the file.</param>
public sealed record RecipeStep(RecipeStepKind Kind, string Subject, RecipePosition Position)
{
    /// <summary><c>name:</c> a label for messages; the kind's key when absent.</summary>
    public string? Name { get; init; }

    /// <summary><c>args:</c> the program's arguments, each passed as one argument (launch).</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary><c>window:</c> the title the launched program's window contains; its process's first window when absent (launch).</summary>
    public string? Window { get; init; }

    /// <summary><c>on:</c> the locator of the element clicked before typing or pressing keys (type, key).</summary>
    public string? On { get; init; }

    /// <summary><c>text:</c> the new text (set_text).</summary>
    public string? Text { get; init; }

    /// <summary><c>into:</c> the variable the text is kept in (read).</summary>
    public string? Into { get; init; }

    /// <summary><c>equals:</c> the text must be exactly this, after trimming (assert, assert_text).</summary>
    public string? EqualsText { get; init; }

    /// <summary><c>contains:</c> the text must contain this (assert, assert_text).</summary>
    public string? ContainsText { get; init; }

    /// <summary><c>direction:</c> up, down, left or right (scroll).</summary>
    public ScrollDirection? Direction { get; init; }

    /// <summary><c>amount:</c> wheel clicks (scroll); 3 when absent.</summary>
    public int Amount { get; init; } = 3;

    /// <summary><c>wait_stable:</c> how long the screen must stay unchanged.</summary>
    public TimeSpan QuietPeriod { get; init; }

    /// <summary><c>approve: required</c>: the step is irreversible for the gate, so a person is asked before it acts.</summary>
    public bool ApprovalRequired { get; init; }

    /// <summary><c>timeout:</c> how long the step may wait for its window, element or a still screen; the runner's default when null.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The key that names the kind, as written (<c>double_click</c>).</summary>
    public string KindName => RecipeParser.KeyOf(Kind);

    /// <summary>How messages name the step: <c>"Save the note" (note.yaml:31:5)</c>.</summary>
    public string Describe() => $"{(Name is null ? KindName : $"\"{Name}\"")} ({Position})";
}
