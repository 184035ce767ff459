namespace Dispatch.Agent.LocalApi;

/// <summary>One or more computer-use actions to run as a task through the risk policy, the approval gate and the journal.</summary>
/// <param name="Task">The task's name in the journal, e.g. <c>dispatch act</c>.</param>
/// <param name="Actions">Actions as Anthropic computer-use tool input JSON, run in order as one batch.</param>
/// <param name="DryRun">Classify and journal without carrying out.</param>
/// <param name="ModelCoordinates">Coordinates are in the model's downscaled screenshot.</param>
/// <param name="NoGate">Do not ask before irreversible steps (journaled as ungated).</param>
/// <param name="ApprovalTimeoutSeconds">How long a person has to answer.</param>
/// <param name="WantImage">Send back the screen after the last step as PNG (a screenshot's, a zoom's region).</param>
public sealed record StepRequest(string Task, IReadOnlyList<string> Actions, bool DryRun, bool ModelCoordinates, bool NoGate, double ApprovalTimeoutSeconds,
    bool WantImage = false);
