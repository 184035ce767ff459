using System.CommandLine;

namespace Dispatch.Agent.Cli;

/// <summary>
/// <c>dispatch act '&lt;action json&gt;'</c>: runs one computer-use action through the risk policy and the approval
/// gate (asking on this terminal), journals it, and prints what happened. Coordinates are screen pixels unless
/// <c>--model-coordinates</c> says they are in the model's screenshot.
/// </summary>
internal static class ActCommand
{
    public static Command Create()
    {
        var json = new Argument<string>("action") { Description = "e.g. '{\"action\":\"left_click\",\"coordinate\":[640,400]}' (Anthropic computer-use input)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Classify and journal without executing." };
        var model = new Option<bool>("--model-coordinates") { Description = "Coordinates are in the model's downscaled screenshot (XGA/WXGA/FWXGA)." };
        var output = new Option<string?>("--out", "-o") { Description = "Write the screen after the action here as PNG: a screenshot's capture, a zoom's region." };
        var command = new Command("act", "Run one action through the approval gate and journal it.") { json, dryRun, model, output };
        GateOptions.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(() =>
            GateOptions.RunAsync(parse, "dispatch act", [parse.GetValue(json)!], parse.GetValue(dryRun), parse.GetValue(model),
                parse.GetValue(output) is { } file ? Path.GetFullPath(file) : null, cancellationToken)));
        return command;
    }
}
