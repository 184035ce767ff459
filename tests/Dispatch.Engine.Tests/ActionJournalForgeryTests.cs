using System.Text.Json.Nodes;
using Dispatch.Engine.Journal;

namespace Dispatch.Engine.Tests;

/// <summary>Each test forges the journal as someone could who can write the files but not read the key.</summary>
[TestClass]
public sealed class ActionJournalForgeryTests : IDisposable
{
    private readonly JournalScratch _scratch = new();

    [TestInitialize]
    public void WriteJournal() => _scratch.WriteSteps(4);

    public void Dispose() => _scratch.Dispose();

    private void AssertBroken(int? line, string problem)
    {
        var verification = _scratch.Verify();
        Assert.IsFalse(verification.IsIntact, verification.ToString());
        Assert.IsFalse(verification.IsSigned);
        Assert.AreEqual(line, verification.FirstBadEntry, verification.ToString());
        StringAssert.Contains(verification.Problem, problem);
    }

    [TestMethod]
    public void Verify_AfterOneByteIsEdited_FailsAtThatLine()
    {
        var lines = _scratch.Lines();
        lines[2] = lines[2].Replace("\"changed\"", "\"chenged\"", StringComparison.Ordinal);
        _scratch.Write(lines);
        AssertBroken(3, "does not match its hash");
    }

    [TestMethod]
    public void Verify_ALineAppendedWithRecomputedHashAndPrev_FailsOnItsSignature()
    {
        var lines = _scratch.Lines();
        var forged = JournalScratch.Reseal(lines[^1], JournalScratch.HashOf(lines[^1]), e =>
        {
            e["seq"] = 5;
            e["detail"] = "nothing happened";
        });
        _scratch.Write([.. lines, forged]);
        AssertBroken(6, "signature does not verify");
    }

    [TestMethod]
    public void Verify_AnEditRechainedToTheEnd_FailsAtTheEditedLine()
    {
        var lines = _scratch.Lines();
        lines[2] = JournalScratch.Reseal(lines[2], prev: null, e => e["outcome"] = "failed");
        JournalScratch.Rechain(lines, 3);
        _scratch.Write(lines);
        AssertBroken(3, "signature does not verify");
    }

    [TestMethod]
    public void Verify_TheLastTwoEntriesRemoved_FailsOnTheHead()
    {
        _scratch.Write(_scratch.Lines()[..^2]);
        AssertBroken(4, "the head says 4 entries, the file ends at 2");
    }

    [TestMethod]
    public void Verify_TheFileCutMidLine_Fails()
    {
        var bytes = File.ReadAllBytes(_scratch.Path);
        File.WriteAllBytes(_scratch.Path, bytes[..^40]);
        AssertBroken(5, "cut short");
    }

    [TestMethod]
    public void Verify_ALineRemovedInTheMiddle_FailsAtTheNextOne()
    {
        var lines = _scratch.Lines().ToList();
        lines.RemoveAt(2);
        _scratch.Write(lines);
        AssertBroken(3, "does not follow the line before it");
    }

    [TestMethod]
    public void Verify_ALineRemovedInTheMiddleAndTheRestRechained_FailsOnTheSignature()
    {
        var lines = _scratch.Lines().ToList();
        lines.RemoveAt(2);
        var rest = lines.ToArray();
        JournalScratch.Rechain(rest, 2);
        _scratch.Write(rest);
        AssertBroken(3, "signature does not verify");
    }

    [TestMethod]
    public void Verify_EntriesSwapped_Fails()
    {
        var lines = _scratch.Lines();
        (lines[1], lines[2]) = (lines[2], lines[1]);
        _scratch.Write(lines);
        AssertBroken(2, "does not follow the line before it");
    }

    [TestMethod]
    public void Verify_AJournalResignedByAnAttackersKey_FailsAgainstTheTrustedKey()
    {
        using var attacker = JournalKey.LoadOrCreate(Path.Combine(_scratch.Folder, "attacker"));
        var forged = Path.Combine(_scratch.Folder, "forged.jsonl");
        _scratch.WriteSteps(4, forged, attacker);
        File.Copy(forged, _scratch.Path, overwrite: true);
        File.Copy(forged + ".head", _scratch.HeadPath, overwrite: true);

        Assert.IsTrue(ActionJournal.Verify(_scratch.Path, attacker).IsSigned);
        AssertBroken(1, $"signed by key {attacker.Fingerprint}, not the trusted key {_scratch.Key.Fingerprint}");
        Assert.AreEqual(attacker.Fingerprint, _scratch.Verify().KeyFingerprint);
    }

    [TestMethod]
    public void Verify_TheHeaderKeyReplacedAndTheChainRelinked_FailsAtTheHeader()
    {
        using var attacker = JournalKey.LoadOrCreate(Path.Combine(_scratch.Folder, "attacker"));
        var lines = _scratch.Lines();
        lines[0] = JournalScratch.Reseal(lines[0], prev: null, e => e["key"] = Convert.ToBase64String(attacker.PublicKey.Span));
        JournalScratch.Rechain(lines, 1);
        _scratch.Write(lines);
        AssertBroken(1, "not the trusted key");
    }

    [TestMethod]
    public void Verify_TheHeadDeleted_Fails()
    {
        File.Delete(_scratch.HeadPath);
        AssertBroken(null, "is missing");
    }

    [TestMethod]
    public void Verify_EntriesRemovedAndTheHeadMadeFromTheNewLastEntrysSignature_Fails()
    {
        var lines = _scratch.Lines()[..^2];
        var last = JsonNode.Parse(lines[^1])!;
        _scratch.Write(lines);
        File.WriteAllText(_scratch.HeadPath, new JsonObject { ["seq"] = 2, ["hash"] = (string)last["hash"]!, ["sig"] = (string)last["sig"]! }.ToJsonString());
        AssertBroken(null, "is not signed by the trusted key");
    }

    [TestMethod]
    public void Verify_RewrittenAsSchemaOneWhileItsHeadRemains_Fails()
    {
        _scratch.WriteSchemaOne(4);
        AssertBroken(null, "it was rewritten without them");
    }
}
