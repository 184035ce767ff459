namespace Dispatch.Engine;

/// <summary>Where dispatch keeps one user's private state (approval screenshots, journals).</summary>
public static class StateDirectory
{
    /// <summary>
    /// <c>$DISPATCH_STATE_DIR</c>, else <c>$XDG_STATE_HOME/dispatch</c>, else <c>~/.local/state/dispatch</c>, with the
    /// environment read through <paramref name="environment"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">None of these is set and there is no home directory.</exception>
    public static string Resolve(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment("DISPATCH_STATE_DIR") is { Length: > 0 } own)
        {
            return Path.GetFullPath(own);
        }
        // The XDG base directory spec says a relative value is invalid and must be ignored.
        if (environment("XDG_STATE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "dispatch");
        }
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length == 0)
        {
            throw new InvalidOperationException("Cannot find a private state directory: DISPATCH_STATE_DIR, XDG_STATE_HOME and HOME are all unset; set one of them.");
        }
        return Path.Combine(home, ".local", "state", "dispatch");
    }

    /// <summary>The current user's state directory, from this process's environment (see <see cref="Resolve"/>).</summary>
    public static string ForCurrentUser => Resolve(Environment.GetEnvironmentVariable);
}
