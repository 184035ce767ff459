namespace Dispatch.Engine.Loop;

/// <summary>Receives each step of a loop as it happens (the phone's thread view, MCP progress, the host's event stream).</summary>
public interface ILoopEventSink
{
    /// <summary>Called in order, on the loop's own flow; must return quickly and never throw.</summary>
    void Publish(LoopEvent loopEvent);
}
