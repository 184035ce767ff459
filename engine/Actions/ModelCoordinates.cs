using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Actions;

/// <summary>Maps an action's coordinates between the model's screenshot and the screen.</summary>
public static class ModelCoordinates
{
    /// <summary>The same action with coordinate, start coordinate and region in screen pixels.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A coordinate lies outside the model's screenshot.</exception>
    public static ComputerAction ToScreen(ComputerAction action, ScaleMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(mapping);
        return action with
        {
            Coordinate = action.Coordinate is { } point ? mapping.ToScreen(point) : null,
            StartCoordinate = action.StartCoordinate is { } start ? mapping.ToScreen(start) : null,
            Region = action.Region is { } region ? mapping.ToScreen(region.Intersect(new Rect(0, 0, mapping.Target.Width, mapping.Target.Height))) : null,
        };
    }
}
