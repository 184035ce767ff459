namespace Dispatch.Agent.LocalApi;

/// <summary>
/// What the CLI asks of the engine: served in this process (<see cref="InProcessDesktopApi"/>, the <c>--direct</c> mode) or by
/// the display's long-lived host over its Unix socket (<see cref="HostClient"/>). Both give the same replies and the same errors,
/// so a command prints the same whichever answered.
/// </summary>
public interface IDesktopApi
{
    /// <summary>The display these answers are about.</summary>
    string DisplayName { get; }

    /// <summary>Captures and encodes the screen or a region.</summary>
    Task<ScreenshotReply> ScreenshotAsync(ScreenshotRequest request, CancellationToken cancellationToken);

    /// <summary>The top-level windows, bottom of the stacking order first.</summary>
    Task<IReadOnlyList<WindowDto>> WindowsAsync(CancellationToken cancellationToken);

    /// <summary>An accessibility snapshot.</summary>
    Task<TreeReply> InspectAsync(InspectRequest request, CancellationToken cancellationToken);

    /// <summary>Runs a locator.</summary>
    Task<FindReply> FindAsync(FindRequest request, CancellationToken cancellationToken);

    /// <summary>Reads text.</summary>
    Task<OcrReply> OcrAsync(OcrRequest request, CancellationToken cancellationToken);

    /// <summary>What is watched, then each change as it happens, until the duration ends or the caller cancels.</summary>
    IAsyncEnumerable<WatchEvent> WatchAsync(WatchRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Runs actions as one task through the policy, the gate and the journal. A held step is asked about on the terminal of
    /// the person who ran the command, when it is an interactive one; cancelling stops the task and lets go of every key.
    /// </summary>
    Task<StepReply> RunStepsAsync(StepRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a recipe: its acting steps through the policy, the gate and the journal (held ones asked about as for
    /// <see cref="RunStepsAsync"/>), its looking steps in the engine. A recipe that is not valid is refused before anything runs.
    /// </summary>
    /// <exception cref="Engine.Recipes.RecipeException">The recipe or a parameter value is not valid; the message gives file, line and column.</exception>
    Task<RecipeReply> RunRecipeAsync(RecipeRequest request, CancellationToken cancellationToken);

    /// <summary>Finds the one element a locator names (several are an error unless <see cref="LocateRequest.First"/>), and reads its text when asked.</summary>
    /// <exception cref="Engine.Locators.ElementNotFoundException">Nothing matched in time; the message lists the near misses.</exception>
    Task<LocateReply> LocateAsync(LocateRequest request, CancellationToken cancellationToken);

    /// <summary>Starts a program on the desktop, with the desktop's environment and its toolkit's accessibility switched on, and waits for its window.</summary>
    Task<LaunchReply> LaunchAsync(LaunchRequest request, CancellationToken cancellationToken);

    /// <summary>Activates, moves, resizes or closes a window named by id or title.</summary>
    Task<WindowReply> ArrangeWindowAsync(WindowRequest request, CancellationToken cancellationToken);

    /// <summary>Waits until a window whose title contains the text is shown.</summary>
    /// <exception cref="Engine.Windowing.WindowNotFoundException">None in time; the message lists the windows there are.</exception>
    Task<WindowReply> WaitWindowAsync(WaitWindowRequest request, CancellationToken cancellationToken);
}
