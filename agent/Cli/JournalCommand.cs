using System.CommandLine;
using Dispatch.Engine.Journal;

namespace Dispatch.Agent.Cli;

/// <summary><c>dispatch journal verify FILE</c>: checks a task journal's hash chain.</summary>
internal static class JournalCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A task journal (.jsonl)." };
        var verify = new Command("verify", "Check that no entry was changed, removed or reordered.") { file };
        verify.SetAction((parse, _) => CommonOptions.GuardAsync(async () =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new FileNotFoundException($"The journal '{path.FullName}' does not exist.");
            }
            var result = ActionJournal.Verify(path.FullName);
            if (result.IsIntact)
            {
                Console.WriteLine($"{path.FullName}: {result}");
                return 0;
            }
            await Console.Error.WriteLineAsync($"dispatch: {path.FullName}: {result}");
            return 2;
        }));
        return new Command("journal", "Work with task journals.") { verify };
    }
}
