namespace Dispatch.Agent.Cli;

/// <summary>Where Dispatch keeps its state: <c>$DISPATCH_STATE_DIR</c>, else <c>$XDG_STATE_HOME/dispatch</c>, else <c>~/.local/state/dispatch</c>.</summary>
internal static class StatePaths
{
    public static string Directory
    {
        get
        {
            if (Environment.GetEnvironmentVariable("DISPATCH_STATE_DIR") is { Length: > 0 } own)
            {
                return own;
            }
            var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
            if (string.IsNullOrEmpty(state))
            {
                state = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
            }
            return Path.Combine(state, "dispatch");
        }
    }
}
