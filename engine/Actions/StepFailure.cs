namespace Dispatch.Engine.Actions;

/// <summary>Why a step could not be resolved or carried out: an expected outcome, reported to the planner, not thrown.</summary>
/// <param name="Outcome">The kind of failure (never a success outcome).</param>
/// <param name="Detail">What went wrong, naming the value at fault, e.g. <c>No element matches 'name="Send"' …</c>.</param>
public sealed record StepFailure(StepOutcome Outcome, string Detail)
{
    /// <summary>The failure an exception thrown while acting stands for.</summary>
    public static StepFailure From(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var outcome = error switch
        {
            Locators.ElementNotFoundException => StepOutcome.NotFound,
            Locators.AmbiguousMatchException => StepOutcome.Ambiguous,
            TargetChangedException => StepOutcome.NotActionable,
            Accessibility.AccessibilityException => StepOutcome.AppVanished,
            Windowing.WindowNotFoundException => StepOutcome.AppVanished,
            DisplayUnavailableException or NativeCallException => StepOutcome.DisplayError,
            ArgumentOutOfRangeException => StepOutcome.OffScreen,
            Input.KeyNameException or Input.UntypeableTextException or Locators.LocatorSyntaxException or ActionFormatException => StepOutcome.InvalidAction,
            OperationCanceledException => StepOutcome.Interrupted,
            _ => StepOutcome.Failed,
        };
        var message = error is ArgumentException ? error.Message.Split(" (Parameter '", 2)[0] : error.Message;
        return new StepFailure(outcome, message);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Journal.JournalWords.Of(Outcome)}: {Detail}";
}
