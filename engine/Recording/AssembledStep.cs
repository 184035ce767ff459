using Dispatch.Engine.Actions;

namespace Dispatch.Engine.Recording;

/// <summary>One thing a person did, as an action the loop can carry out again, with when it began and ended.</summary>
/// <param name="Action">The action, in screen coordinates as recorded.</param>
/// <param name="StartedMilliseconds">The server time of its first event.</param>
/// <param name="EndedMilliseconds">The server time of its last event.</param>
public sealed record AssembledStep(ComputerAction Action, long StartedMilliseconds, long EndedMilliseconds);
