namespace Dispatch.Agent.LocalApi;

/// <summary>Arranges one top-level window.</summary>
/// <param name="Action">activate, move, resize or close.</param>
/// <param name="Window">Its id (0x… or decimal), or its title: exact, else contained (case-insensitive); several windows are an error listing them.</param>
/// <param name="X">move: the new left edge.</param>
/// <param name="Y">move: the new top edge.</param>
/// <param name="Width">resize: the new width.</param>
/// <param name="Height">resize: the new height.</param>
/// <param name="NoGate">close: the person closes it themselves (the policy cannot judge what a close throws away).</param>
public sealed record WindowRequest(string Action, string Window, int? X = null, int? Y = null, int? Width = null, int? Height = null, bool NoGate = false);
