using Dispatch.Engine.Actions;
using Dispatch.Engine.Journal;
using Dispatch.Engine.Safety;

namespace Dispatch.Engine.Loop;

/// <summary>
/// Makes loops over the engine's shared services. What differs between runs is who is asked (a terminal, a phone), how long
/// they have, which journal records it and who follows the steps; the desktop, policy and executor are the engine's own.
/// </summary>
public sealed class AgentLoopFactory(IStepResolver resolver, RiskPolicy policy, IActionExecutor executor, IDesktop desktop, TimeProvider time,
    ILoopEventSink? events = null)
{
    /// <summary>A loop that asks through <paramref name="channel"/> and writes to <paramref name="journal"/>.</summary>
    /// <param name="channel">Where held steps are asked about; the display's input is held while it asks (<see cref="InputHeldWhileAsking"/>).</param>
    /// <param name="approvalTimeout">How long a person has to answer; no answer is a no.</param>
    /// <param name="journal">Where every step's intent and outcome go.</param>
    public AgentLoop Create(IApprovalChannel channel, TimeSpan approvalTimeout, ActionJournal journal)
    {
        var gate = new ApprovalGate(new InputHeldWhileAsking(channel, desktop.Input, time), resolver, policy, time) { Timeout = approvalTimeout };
        return new AgentLoop(resolver, policy, gate, executor, journal, time, events);
    }
}
