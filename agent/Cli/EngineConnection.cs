using Dispatch.Agent.LocalApi;

namespace Dispatch.Agent.Cli;

/// <summary>The engine one command talks to (a host's socket or an engine of its own) and what to close when it is done.</summary>
internal sealed class EngineConnection(IDesktopApi api, IDisposable? owner) : IDisposable
{
    /// <summary>The local API.</summary>
    public IDesktopApi Api { get; } = api;

    /// <summary>True when the display's host answers, not this process.</summary>
    public bool ThroughHost => Api is HostClient;

    /// <summary>The same engine for one command of a script, which leaves it open for the next (its caches stay warm).</summary>
    public EngineConnection Borrowed() => new(Api, null);

    public void Dispose() => owner?.Dispose();
}
