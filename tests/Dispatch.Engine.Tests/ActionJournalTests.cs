using System.Text.Json.Nodes;
using Dispatch.Engine.Actions;
using Dispatch.Engine.Journal;

namespace Dispatch.Engine.Tests;

[TestClass]
public sealed class ActionJournalTests : IDisposable
{
    private readonly JournalScratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Verify_AnUntouchedJournal_IsIntactAndSigned()
    {
        _scratch.WriteSteps(3);
        var verification = _scratch.Verify();
        Assert.AreEqual(new JournalVerification(true, 3, null, null, 2, _scratch.Key.Fingerprint), verification);
        Assert.IsTrue(verification.IsSigned);
    }

    [TestMethod]
    public void Open_ANewJournal_WritesASignedHeaderNamingTheKeyAndAHead()
    {
        _scratch.WriteSteps(2);
        var lines = _scratch.Lines();
        var header = JsonNode.Parse(lines[0])!;
        Assert.AreEqual(2, (int)header["schema"]!);
        Assert.AreEqual(Convert.ToBase64String(_scratch.Key.PublicKey.Span), (string)header["key"]!);
        Assert.AreEqual(_scratch.Key.Fingerprint, (string)header["key_fingerprint"]!);
        Assert.IsNotNull(header["sig"]);
        var entry = JsonNode.Parse(lines[1])!;
        Assert.AreEqual(JournalScratch.HashOf(lines[0]), (string)entry["prev"]!);
        Assert.IsNotNull(entry["sig"]);
        var head = JsonNode.Parse(File.ReadAllText(_scratch.HeadPath))!;
        Assert.AreEqual(2, (long)head["seq"]!);
        Assert.AreEqual(JournalScratch.HashOf(lines[^1]), (string)head["hash"]!);
    }

    [TestMethod]
    [OSCondition(ConditionMode.Exclude, OperatingSystems.Windows)]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Open_ANewJournal_IsReadableByItsOwnerOnly()
    {
        _scratch.WriteSteps(1);
        var ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.AreEqual(ownerOnly, File.GetUnixFileMode(_scratch.Path));
        Assert.AreEqual(ownerOnly, File.GetUnixFileMode(_scratch.HeadPath));
    }

    [TestMethod]
    public void Open_AnExistingJournal_ContinuesTheChain()
    {
        _scratch.WriteSteps(2);
        _scratch.WriteSteps(2);
        var verification = _scratch.Verify();
        Assert.IsTrue(verification.IsSigned, verification.ToString());
        Assert.AreEqual(4, verification.Entries);
    }

    [TestMethod]
    public void Open_ABrokenJournal_RefusesToAppend()
    {
        _scratch.WriteSteps(2);
        File.AppendAllText(_scratch.Path, "{\"seq\":3}\n");
        var error = Assert.ThrowsExactly<DispatchException>(() => ActionJournal.Open(_scratch.Path, _scratch.Key));
        StringAssert.Contains(error.Message, "broken at line 4");
    }

    [TestMethod]
    public void Open_AJournalSignedByAnotherKey_RefusesToAppend()
    {
        _scratch.WriteSteps(1);
        using var other = JournalKey.LoadOrCreate(Path.Combine(_scratch.Folder, "other"));
        var error = Assert.ThrowsExactly<DispatchException>(() => ActionJournal.Open(_scratch.Path, other));
        StringAssert.Contains(error.Message, $"signed by key {_scratch.Key.Fingerprint}, not the trusted key {other.Fingerprint}");
    }

    [TestMethod]
    public void Append_TwoWritersTakingTurns_ChainEachEntryAfterTheOtherWritersLast()
    {
        using (var first = ActionJournal.Open(_scratch.Path, _scratch.Key))
        using (var second = ActionJournal.Open(_scratch.Path, _scratch.Key))
        {
            first.Append(JournalScratch.Step(0));
            second.Append(JournalScratch.Step(1));
            first.Append(JournalScratch.Step(2));
        }
        var verification = _scratch.Verify();
        Assert.IsTrue(verification.IsSigned, verification.ToString());
        Assert.AreEqual(3, verification.Entries);
        CollectionAssert.AreEqual(new long[] { 1, 2, 3 }, _scratch.Lines().Skip(1).Select(l => (long)JsonNode.Parse(l)!["step"]!).ToArray());
    }

    [TestMethod]
    public async Task Append_TwoWritersAtOnce_LoseNoEntryAndKeepOneChain()
    {
        // Two instances open the file and its lock separately, as two processes do (flock tells open files apart).
        using var first = ActionJournal.Open(_scratch.Path, _scratch.Key);
        using var second = ActionJournal.Open(_scratch.Path, _scratch.Key);
        using var start = new Barrier(2);
        void Write(ActionJournal journal, int offset)
        {
            start.SignalAndWait(TestContext.CancellationToken);
            for (var i = 0; i < 50; i++)
            {
                journal.Append(JournalScratch.Step(offset + i));
            }
        }
        await Task.WhenAll(Task.Run(() => Write(first, 0), TestContext.CancellationToken), Task.Run(() => Write(second, 100), TestContext.CancellationToken));

        var verification = _scratch.Verify();
        Assert.IsTrue(verification.IsSigned, verification.ToString());
        Assert.AreEqual(100, verification.Entries);
        var steps = _scratch.Lines().Skip(1).Select(l => (long)JsonNode.Parse(l)!["step"]!).Order().ToArray();
        CollectionAssert.AreEqual(Enumerable.Range(1, 50).Concat(Enumerable.Range(101, 50)).Select(i => (long)i).ToArray(), steps);
        Assert.AreEqual(100, (long)JsonNode.Parse(File.ReadAllText(_scratch.HeadPath))!["seq"]!);
    }

    [TestMethod]
    public void Append_AfterTheLastLineWasCutShort_RefusesNamingTheJournal()
    {
        using var journal = ActionJournal.Open(_scratch.Path, _scratch.Key);
        journal.Append(JournalScratch.Step(0));
        File.AppendAllText(_scratch.Path, "{\"seq\":2,\"task\":\"cut");
        var error = Assert.ThrowsExactly<DispatchException>(() => journal.Append(JournalScratch.Step(1)));
        StringAssert.Contains(error.Message, $"The journal '{_scratch.Path}' does not end with a whole line");
    }

    [TestMethod]
    public void Open_AMissingJournalWhoseHeadSaysItHadEntries_Refuses()
    {
        _scratch.WriteSteps(2);
        File.Delete(_scratch.Path);
        var error = Assert.ThrowsExactly<DispatchException>(() => ActionJournal.Open(_scratch.Path, _scratch.Key));
        StringAssert.Contains(error.Message, "says it had 2 entries");
    }

    [TestMethod]
    public void Open_AfterACrashBetweenAnEntryAndItsHead_VerifiesAndCatchesTheHeadUp()
    {
        _scratch.WriteSteps(2);
        var head = File.ReadAllText(_scratch.HeadPath);
        using (var journal = ActionJournal.Open(_scratch.Path, _scratch.Key))
        {
            journal.Append(JournalScratch.Step(2));
        }
        File.WriteAllText(_scratch.HeadPath, head);

        Assert.IsTrue(_scratch.Verify().IsSigned, _scratch.Verify().ToString());
        using (ActionJournal.Open(_scratch.Path, _scratch.Key))
        {
            Assert.AreEqual(3, (long)JsonNode.Parse(File.ReadAllText(_scratch.HeadPath))!["seq"]!);
        }
    }

    [TestMethod]
    public void Verify_ASchemaOneJournal_IsAnIntactChainButUnsigned()
    {
        _scratch.WriteSchemaOne(3);
        var verification = _scratch.Verify();
        Assert.IsTrue(verification.IsIntact, verification.ToString());
        Assert.IsFalse(verification.IsSigned);
        Assert.AreEqual(1, verification.Schema);
        Assert.AreEqual(3, verification.Entries);
        StringAssert.Contains(verification.ToString(), "schema 1 (hash chain only, unsigned: forgery is not detectable)");
    }

    [TestMethod]
    public void Open_ASchemaOneJournal_RefusesToAppendAndLeavesItAlone()
    {
        _scratch.WriteSchemaOne(2);
        var before = File.ReadAllText(_scratch.Path);
        var error = Assert.ThrowsExactly<DispatchException>(() => ActionJournal.Open(_scratch.Path, _scratch.Key));
        StringAssert.Contains(error.Message, "schema 1");
        StringAssert.Contains(error.Message, "Start a new journal");
        Assert.AreEqual(before, File.ReadAllText(_scratch.Path));
        Assert.IsFalse(File.Exists(_scratch.HeadPath));
    }

    [TestMethod]
    public void Open_WithAPublicKeyOnly_Throws()
    {
        var pem = Path.Combine(_scratch.Folder, "public.pem");
        File.WriteAllText(pem, _scratch.Key.PublicKeyPem);
        using var verifyOnly = JournalKey.FromPublicKeyFile(pem);
        var error = Assert.ThrowsExactly<ArgumentException>(() => ActionJournal.Open(_scratch.Path, verifyOnly));
        StringAssert.Contains(error.Message, "public key only");
    }

    [TestMethod]
    public void Redact_ATypedSecret_NeverReachesTheFile()
    {
        using (var journal = ActionJournal.Open(_scratch.Path, _scratch.Key))
        {
            var typed = new ComputerAction(ActionKind.Type) { Text = "hunter2-secret" };
            journal.Append(new JournalRecord { Task = "login", Action = ComputerActionJson.Write(ActionJournal.Redact(typed)), Risk = Safety.RiskLevel.Irreversible });
        }
        var text = File.ReadAllText(_scratch.Path);
        Assert.DoesNotContain("hunter2", text);
        StringAssert.Contains(text, "[redacted]");
        Assert.IsTrue(_scratch.Verify().IsSigned);
    }
}
