namespace Dispatch.Engine.Loop;

/// <summary>Why a loop run ended.</summary>
public enum LoopOutcome
{
    /// <summary>The planner said the task is done.</summary>
    Done,

    /// <summary>The planner asked the person a question.</summary>
    Question,

    /// <summary>The step limit was reached.</summary>
    StepLimit,

    /// <summary>The time budget ran out.</summary>
    TimeBudget,

    /// <summary>The same action kept having no effect.</summary>
    Stuck,

    /// <summary>Cancelled, or stopped by the emergency stop.</summary>
    Stopped,
}
