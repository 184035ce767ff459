using Dispatch.Engine.Input;

namespace Dispatch.Engine.Tests;

[TestClass]
public sealed class TypingBatchTests
{
    private static bool Ascii(ulong symbol) => symbol < 0x80;

    private static ulong[] Symbols(string text) => [.. text.EnumerateRunes().Select(r => (ulong)r.Value)];

    [TestMethod]
    public void Split_TextTheLayoutHas_IsOneBatchBindingNothing()
    {
        var batches = TypingBatch.Split(Symbols("hello"), Ascii, 0);
        Assert.AreEqual((0, 5), (batches.Single().Start, batches[0].End));
        Assert.IsEmpty(batches[0].Missing);
    }

    [TestMethod]
    public void Split_MoreDistinctMissingThanCapacity_CutsWhereTheNextWouldNotFitAndRepeatsNeedNoRoom()
    {
        var batches = TypingBatch.Split(Symbols("aбвбвгaдб"), Ascii, 2);
        CollectionAssert.AreEqual(new[] { (0, 5), (5, 8), (8, 9) }, batches.Select(b => (b.Start, b.End)).ToArray());
        CollectionAssert.AreEqual(new ulong[] { 'б', 'в' }, batches[0].Missing.ToArray());
        CollectionAssert.AreEqual(new ulong[] { 'г', 'д' }, batches[1].Missing.ToArray());
        CollectionAssert.AreEqual(new ulong[] { 'б' }, batches[2].Missing.ToArray());
    }

    [TestMethod]
    public void Split_AMissingSymbolAndNoSpareKey_ThrowsNamingItsIndex()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => TypingBatch.Split(Symbols("ab ж"), Ascii, 0));
        StringAssert.Contains(error.Message, "at index 3");
    }
}
