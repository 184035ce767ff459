using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Dispatch.Agent.LocalApi;
using Dispatch.Engine.Journal;
using Dispatch.Engine.Loop;

namespace Dispatch.Agent.Host;

/// <summary>
/// Fans the loop's events out to everyone following them (the event stream of the local API, later the phone), and keeps a
/// summary of the latest tasks. A follower that reads too slowly loses its oldest events, never slows the loop.
/// </summary>
internal sealed class LoopEventHub : ILoopEventSink
{
    private const int Backlog = 1024;
    private const int TasksKept = 100;
    private readonly Lock _lock = new();
    private readonly List<Channel<LoopEvent>> _followers = [];
    private readonly LinkedList<TaskSummaryDto> _tasks = [];

    /// <summary>The latest tasks, newest first.</summary>
    public IReadOnlyList<TaskSummaryDto> Tasks
    {
        get
        {
            lock (_lock)
            {
                return [.. _tasks];
            }
        }
    }

    public void Publish(LoopEvent loopEvent)
    {
        lock (_lock)
        {
            Summarise(loopEvent);
            foreach (var follower in _followers)
            {
                follower.Writer.TryWrite(loopEvent);
            }
        }
    }

    private void Summarise(LoopEvent loopEvent)
    {
        if (loopEvent.Kind == LoopEventKind.Started)
        {
            _tasks.AddFirst(new TaskSummaryDto(loopEvent.TaskId, loopEvent.Task, loopEvent.Time, 0, null, null, null));
            if (_tasks.Count > TasksKept)
            {
                _tasks.RemoveLast();
            }
            return;
        }
        for (var node = _tasks.First; node is not null; node = node.Next)
        {
            if (node.Value.TaskId == loopEvent.TaskId)
            {
                node.Value = loopEvent.Kind switch
                {
                    LoopEventKind.Planned => node.Value with { Steps = loopEvent.Step },
                    LoopEventKind.Finished => node.Value with
                    {
                        Finished = loopEvent.Time, Outcome = loopEvent.Finished is { } outcome ? JournalWords.Of(outcome) : null, Message = loopEvent.Detail,
                    },
                    _ => node.Value,
                };
                return;
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
