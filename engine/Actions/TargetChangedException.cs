namespace Dispatch.Engine.Actions;

/// <summary>
/// Just before input, the window at a step's point (or the active window, for keys) was not the one the step was
/// perceived and judged on: a dialog appeared, a window moved over it. The step is not carried out.
/// </summary>
public sealed class TargetChangedException(string message) : DispatchException(message);
