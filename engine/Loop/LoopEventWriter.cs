namespace Dispatch.Engine.Loop;

/// <summary>Numbers and stamps the events of one run and hands them to the sink, if any.</summary>
internal sealed class LoopEventWriter(ILoopEventSink? sink, Guid taskId, string task, TimeProvider time)
{
    private int _sequence;

    public Guid TaskId => taskId;

    /// <summary>Publishes an event of <paramref name="kind"/> for <paramref name="step"/>, filled in by <paramref name="details"/>.</summary>
    public void Emit(LoopEventKind kind, int step, Func<LoopEvent, LoopEvent>? details = null)
    {
        if (sink is null)
        {
            return;
        }
        var loopEvent = new LoopEvent(taskId, task, Interlocked.Increment(ref _sequence), kind, step, time.GetUtcNow());
        sink.Publish(details is null ? loopEvent : details(loopEvent));
    }
}
