using Dispatch.Agent.Cli;

namespace Dispatch.Agent.Tests;

/// <summary>A script line splits into the words a POSIX shell would pass, so a line reads as it would on the command line.</summary>
[TestClass]
public sealed class ShellWordsTests
{
    [TestMethod]
    [DataRow("click 'role=\"push button\" name=\"OK\"'", new[] { "click", "role=\"push button\" name=\"OK\"" })]
    [DataRow("type \"it's \\\"quoted\\\" \\\\ here\"", new[] { "type", "it's \"quoted\" \\ here" })]
    [DataRow("key  ctrl+a\\ Delete   # clears the field", new[] { "key", "ctrl+a Delete" })]
    [DataRow("set-text name=Total'  'x''y \"\"", new[] { "set-text", "name=Total  xy", "" })]
    [DataRow("find text=#3", new[] { "find", "text=#3" })]
    public void Split_QuotesEscapesAndComments_GiveTheShellsWords(string line, string[] words) =>
        CollectionAssert.AreEqual(words, ShellWords.Split(line).ToArray());

    [TestMethod]
    [DataRow("   # only a comment")]
    [DataRow("")]
    public void Split_BlankOrCommentLine_HasNoWords(string line) => Assert.IsEmpty(ShellWords.Split(line));

    [TestMethod]
    [DataRow("click 'name=OK", "column 7: the single quote is not closed")]
    [DataRow("type \"abc", "column 6: the double quote is not closed")]
    [DataRow("type abc\\", "column 9: a backslash ends the line")]
    public void Split_UnfinishedLine_NamesTheColumn(string line, string message) =>
        StringAssert.Contains(Assert.ThrowsExactly<FormatException>(() => ShellWords.Split(line)).Message, message);
}
