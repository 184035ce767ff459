using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Dispatch.Engine.Loop;

namespace Dispatch.Agent.Host;

/// <summary>
/// Fans the loop's events out to everyone following them (the event stream of the local API, later the phone). A follower
/// that reads too slowly loses its oldest events, never slows the loop.
/// </summary>
internal sealed class LoopEventHub : ILoopEventSink
{
    private const int Backlog = 1024;
    private readonly Lock _lock = new();
    private readonly List<Channel<LoopEvent>> _followers = [];

    public void Publish(LoopEvent loopEvent)
    {
        lock (_lock)
        {
            foreach (var follower in _followers)
            {
                follower.Writer.TryWrite(loopEvent);
            }
        }
    }

    /// <summary>Every event from now on, as Server-Sent Event items named after their kind, until cancelled.</summary>
    public async IAsyncEnumerable<SseItem<LoopEvent>> FollowAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<LoopEvent>(new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_lock)
        {
            _followers.Add(channel);
        }
        try
        {
            await foreach (var loopEvent in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return new SseItem<LoopEvent>(loopEvent, loopEvent.Kind.ToString().ToLowerInvariant());
            }
        }
        finally
        {
            lock (_lock)
            {
                _followers.Remove(channel);
            }
        }
    }
}
