namespace Dispatch.Agent.LocalApi;

/// <summary>A task the host ran or is running.</summary>
/// <param name="TaskId">Its id in the event stream.</param>
/// <param name="Task">What it was called.</param>
/// <param name="Started">When it began.</param>
/// <param name="Steps">Steps planned so far.</param>
/// <param name="Finished">When it ended; null while it runs.</param>
/// <param name="Outcome">Why it ended, in the journal's words; null while it runs.</param>
/// <param name="Message">The loop's last word; null while it runs.</param>
public sealed record TaskSummaryDto(Guid TaskId, string Task, DateTimeOffset Started, int Steps, DateTimeOffset? Finished, string? Outcome, string? Message);
