using System.CommandLine;

namespace Dispatch.Agent.Cli;

/// <summary>The <c>dispatch</c> command line: one sub-command per job.</summary>
internal static class CliApp
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Dispatch: hand work to your computer. Sees the desktop, acts on it, asks before anything irreversible.");
        root.Options.Add(CommonOptions.Display);
        root.Options.Add(CommonOptions.Direct);
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(HostCommands.Status());
        root.Subcommands.Add(HostCommands.Stop());
        root.Subcommands.Add(ScreenshotCommand.Create());
        root.Subcommands.Add(WindowsCommand.Create());
        root.Subcommands.Add(ElementCommands.Click());
        root.Subcommands.Add(ElementCommands.DoubleClick());
        root.Subcommands.Add(ElementCommands.RightClick());
        root.Subcommands.Add(InputCommands.Type());
        root.Subcommands.Add(InputCommands.Key());
        root.Subcommands.Add(ElementCommands.SetText());
        root.Subcommands.Add(ElementCommands.GetText());
        root.Subcommands.Add(ElementCommands.Invoke());
        root.Subcommands.Add(ElementCommands.Scroll());
        root.Subcommands.Add(ElementCommands.Drag());
        root.Subcommands.Add(LaunchCommand.Create());
        root.Subcommands.Add(WindowCommands.Window());
        root.Subcommands.Add(WindowCommands.WaitWindow());
        root.Subcommands.Add(WatchCommand.Create());
        root.Subcommands.Add(PerceptionCommands.Inspect());
        root.Subcommands.Add(PerceptionCommands.Find());
        root.Subcommands.Add(PerceptionCommands.Ocr());
        root.Subcommands.Add(JournalCommand.Create());
        root.Subcommands.Add(ActCommand.Create());
        root.Subcommands.Add(RecipeCommand.Create());
        root.Subcommands.Add(RecordCommand.Create());
        root.Subcommands.Add(ReplayCommand.Create());
        root.Subcommands.Add(ScriptCommand.Create());
        return root;
    }

    /// <summary>Parses a command line as a person means it (a launched program's arguments are its own).</summary>
    public static ParseResult Parse(IReadOnlyList<string> args) => Build().Parse(LaunchCommand.SeparateProgramArguments(args));
}
