using System.Threading.Channels;

namespace Dispatch.Engine.Recording;

/// <summary>
/// The person's own input as it happens (every client's device events, including other programs' synthetic ones), until
/// disposed. Reading never moves the pointer or takes the keyboard: recording observes and changes nothing.
/// </summary>
public interface IInputRecorder : IDisposable
{
    /// <summary>The events in the order the server handled them; completed when recording stops (with the error, if it failed).</summary>
    ChannelReader<RecordedInput> Events { get; }
}
