namespace Dispatch.Engine.Recording;

/// <summary>The modifiers held when an input happened (Caps Lock and layout groups are not modifiers of a chord).</summary>
[Flags]
public enum RecordedModifiers
{
    /// <summary>None held.</summary>
    None = 0,

    /// <summary>Shift.</summary>
    Shift = 1,

    /// <summary>Control.</summary>
    Control = 2,

    /// <summary>Alt (Mod1).</summary>
    Alt = 4,

    /// <summary>Super (Mod4).</summary>
    Super = 8,
}
