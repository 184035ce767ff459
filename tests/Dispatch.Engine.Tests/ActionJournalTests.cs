using Dispatch.Engine.Actions;
using Dispatch.Engine.Journal;

namespace Dispatch.Engine.Tests;

[TestClass]
public sealed class ActionJournalTests
{
    private string _directory = null!;
    private string _path = null!;

    [TestInitialize]
    public void CreateDirectory()
    {
        _directory = Directory.CreateTempSubdirectory("dispatch-journal-").FullName;
        _path = Path.Combine(_directory, "task.jsonl");
    }

    [TestCleanup]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    private void WriteSteps(int count)
    {
        using var journal = ActionJournal.Open(_path);
        for (var i = 0; i < count; i++)
        {
            journal.Append(new JournalRecord
            {
                Task = "export report",
                Action = ComputerActionJson.Write(new ComputerAction(ActionKind.LeftClick) { Coordinate = new(10 * i, 20) }),
                Risk = Safety.RiskLevel.Harmless,
                Decision = Safety.StepDecision.Allowed,
                Outcome = StepOutcome.Changed,
                Changes = [$"{i},0 10x10"],
            });
        }
    }

    [TestMethod]
    public void Verify_AnUntouchedJournal_IsIntact()
    {
        WriteSteps(3);
        Assert.AreEqual(new JournalVerification(true, 3, null, null), ActionJournal.Verify(_path));
    }

    [TestMethod]
    public void Open_AnExistingJournal_ContinuesTheChain()
    {
        WriteSteps(2);
        WriteSteps(2);
        var verification = ActionJournal.Verify(_path);
        Assert.IsTrue(verification.IsIntact, verification.ToString());
        Assert.AreEqual(4, verification.Entries);
    }

    [TestMethod]
    public void Verify_AfterOneByteIsEdited_FailsAtThatEntry()
    {
        WriteSteps(3);
        var lines = File.ReadAllLines(_path);
        lines[1] = lines[1].Replace("\"changed\"", "\"chenged\"", StringComparison.Ordinal);
        File.WriteAllLines(_path, lines);
        var verification = ActionJournal.Verify(_path);
        Assert.IsFalse(verification.IsIntact);
        Assert.AreEqual(2, verification.FirstBadEntry);
        StringAssert.Contains(verification.Problem, "changed");
    }

    [TestMethod]
    public void Verify_AfterAnEntryIsRemoved_FailsAtTheNextOne()
    {
        WriteSteps(3);
        var lines = File.ReadAllLines(_path).ToList();
        lines.RemoveAt(1);
        File.WriteAllLines(_path, lines);
        Assert.AreEqual(2, ActionJournal.Verify(_path).FirstBadEntry);
    }

    [TestMethod]
    public void Verify_AfterEntriesAreSwapped_Fails()
    {
        WriteSteps(3);
        var lines = File.ReadAllLines(_path);
        (lines[0], lines[1]) = (lines[1], lines[0]);
        File.WriteAllLines(_path, lines);
        Assert.AreEqual(1, ActionJournal.Verify(_path).FirstBadEntry);
    }

    [TestMethod]
    public void Open_ABrokenJournal_RefusesToAppend()
    {
        WriteSteps(2);
        File.AppendAllText(_path, "{\"seq\":3}\n");
        var error = Assert.ThrowsExactly<DispatchException>(() => ActionJournal.Open(_path));
        StringAssert.Contains(error.Message, "broken at entry 3");
    }

    [TestMethod]
    public void Redact_ATypedSecret_NeverReachesTheFile()
    {
        using (var journal = ActionJournal.Open(_path))
        {
            var typed = new ComputerAction(ActionKind.Type) { Text = "hunter2-secret" };
            journal.Append(new JournalRecord { Task = "login", Action = ComputerActionJson.Write(ActionJournal.Redact(typed)), Risk = Safety.RiskLevel.Irreversible });
        }
        var text = File.ReadAllText(_path);
        Assert.DoesNotContain("hunter2", text);
        StringAssert.Contains(text, "[redacted]");
        Assert.IsTrue(ActionJournal.Verify(_path).IsIntact);
    }
}
