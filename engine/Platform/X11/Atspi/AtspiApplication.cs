using System.Globalization;
using System.Runtime.Versioning;

namespace Dispatch.Engine.Platform.X11.Atspi;

/// <summary>An application registered on the accessibility bus.</summary>
/// <param name="Root">Its root accessible.</param>
/// <param name="ProcessId">Its process, as the bus daemon knows it.</param>
[SupportedOSPlatform("linux")]
internal sealed record AtspiApplication(AtspiObject Root, int ProcessId)
{
    /// <summary>How messages name the application without asking it (it may be the one that hangs): its command name and pid.</summary>
    public string Label
    {
        get
        {
            string command;
            try
            {
                command = File.ReadAllText($"/proc/{ProcessId.ToString(CultureInfo.InvariantCulture)}/comm").Trim();
            }
            catch (IOException)
            {
                command = Root.BusName;
            }
            catch (UnauthorizedAccessException)
            {
                command = Root.BusName;
            }
            return $"'{command}' (pid {ProcessId.ToString(CultureInfo.InvariantCulture)})";
        }
    }
}
