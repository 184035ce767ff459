using System.Text.Json;
using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Recording;

/// <summary>
/// One line of a session's <c>steps.jsonl</c>: what the person did, how to find its target again (best first, the
/// recorded point last), what the target was, and what the screen showed before and after.
/// </summary>
/// <param name="Index">1-based, in the order done.</param>
/// <param name="Action">The action as the loop takes it (its JSON object, screen coordinates as recorded).</param>
/// <param name="Locators">Ways to find the target again, most specific first; empty for steps without a target point.</param>
/// <param name="Element">The target's accessible role and name ("push button 'Save'"), or null when it had none.</param>
/// <param name="TextAtPoint">The words OCR read on the target, or null.</param>
/// <param name="Application">The application acted on, or null.</param>
/// <param name="WindowTitle">The title of the window acted on, or null.</param>
/// <param name="WindowOffset">The point relative to that window's top-left corner, or null.</param>
/// <param name="TargetBounds">The target's bounds on the screen, or null.</param>
/// <param name="Before">The screenshot (PNG, in the session folder) before the step.</param>
/// <param name="TargetImage">A crop of the target (PNG) for the image locator, or null.</param>
/// <param name="WindowTitleAfter">The active window's title once the screen settled after the step (a postcondition), or null.</param>
/// <param name="PerceivedAfterPress">True when the target could only be read after the button went down (the pointer did not rest on it first).</param>
/// <param name="StartedMilliseconds">Server time of its first event.</param>
/// <param name="EndedMilliseconds">Server time of its last event.</param>
public sealed record RecordedStep(int Index, JsonElement Action, IReadOnlyList<RecordedLocator> Locators, string? Element, string? TextAtPoint,
    string? Application, string? WindowTitle, Point? WindowOffset, Rect? TargetBounds, string Before, string? TargetImage, string? WindowTitleAfter,
    bool PerceivedAfterPress, long StartedMilliseconds, long EndedMilliseconds);
