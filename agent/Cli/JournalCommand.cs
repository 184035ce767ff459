using System.CommandLine;
using Dispatch.Engine.Journal;

namespace Dispatch.Agent.Cli;

/// <summary>
/// <c>dispatch journal verify FILE [--key PUBLIC.pem] [--allow-unsigned]</c>: checks a task journal against a trusted key;
/// <c>dispatch journal key</c>: prints the installation's public key, to verify its journals elsewhere.
/// </summary>
internal static class JournalCommand
{
    public static Command Create() => new("journal", "Work with task journals.") { Verify(), Key() };

    private static Command Verify()
    {
        var file = new Argument<FileInfo>("file") { Description = "A task journal (.jsonl)." };
        var keyFile = new Option<FileInfo?>("--key")
        {
            Description = "Trust this public key (PEM, as 'dispatch journal key' prints it) instead of this installation's key.",
        };
        var allowUnsigned = new Option<bool>("--allow-unsigned")
        {
            Description = "Exit 0 for an intact schema 1 journal (hash chain only, unsigned, written by older versions).",
        };
        var verify = new Command("verify", "Check that no entry was changed, removed, added or reordered, and that the trusted key signed them (exit 0 intact, 2 not).")
        {
            file, keyFile, allowUnsigned,
        };
        verify.SetAction((parse, _) => CommonOptions.GuardAsync(async () =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new FileNotFoundException($"The journal '{path.FullName}' does not exist.");
            }
            var given = parse.GetValue(keyFile);
            if (given is { Exists: false })
            {
                throw new FileNotFoundException($"The key file '{given.FullName}' does not exist.");
            }
            using var trusted = given is null ? JournalKey.ForCurrentUser() : JournalKey.FromPublicKeyFile(given.FullName);
            var result = ActionJournal.Verify(path.FullName, trusted);
            var trust = $"schema {result.Schema}, trusted key {trusted.Fingerprint} ({(given is null ? "this installation's" : given.FullName)})";
            if (result.IsSigned || (result.IsIntact && parse.GetValue(allowUnsigned)))
            {
                Console.WriteLine($"{path.FullName}: {result}");
                Console.WriteLine(trust);
                return 0;
            }
            var hint = result.IsIntact ? "; --allow-unsigned accepts an unsigned journal"
                : result.KeyFingerprint is { } signer && signer != trusted.Fingerprint ? $"; if you trust {signer}, pass its public key with --key" : "";
            await Console.Error.WriteLineAsync($"dispatch: {path.FullName}: {result}");
            await Console.Error.WriteLineAsync(trust + hint);
            return 2;
        }));
        return verify;
    }

    private static Command Key()
    {
        var key = new Command("key", "Print this installation's journal public key (PEM) on stdout and its fingerprint on stderr.");
        key.SetAction((_, _) => CommonOptions.GuardAsync(async () =>
        {
            using var installation = JournalKey.ForCurrentUser();
            Console.Write(installation.PublicKeyPem + "\n");
            await Console.Error.WriteLineAsync($"fingerprint: {installation.Fingerprint}");
            return 0;
        }));
        return key;
    }
}
