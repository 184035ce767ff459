using Dispatch.Engine.Accessibility;

namespace Dispatch.Engine.Platform.X11;

internal sealed partial class AtspiAccessibility
{
    public async Task<UiTree> WaitForAsync(UiScope scope, TimeSpan timeout, WalkLimits? limits = null, CancellationToken cancellationToken = default)
    {
        var start = _time.GetTimestamp();
        while (true)
        {
            try
            {
                return Snapshot(scope, limits);
            }
            catch (AccessibilityException) when (_time.GetElapsedTime(start) < timeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
