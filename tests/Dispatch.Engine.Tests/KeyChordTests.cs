using Dispatch.Engine.Input;

namespace Dispatch.Engine.Tests;

[TestClass]
public sealed class KeyChordTests
{
    [TestMethod]
    [DataRow("ctrl+s", "Control_L+s")]
    [DataRow("Return", "Return")]
    [DataRow("shift+Tab", "Shift_L+Tab")]
    [DataRow("super", "Super_L")]
    [DataRow("ctrl+alt+Delete", "Control_L+Alt_L+Delete")]
    [DataRow("Enter", "Return")]
    [DataRow("ESC", "Escape")]
    [DataRow("PageDown", "Next")]
    [DataRow("ctrl++", "Control_L+plus")]
    [DataRow("+", "plus")]
    [DataRow(" ctrl + shift + t ", "Control_L+Shift_L+t")]
    public void Parse_XdotoolSyntax_GivesKeysymNamesInPressOrder(string text, string expected) =>
        Assert.AreEqual(expected, KeyChord.Parse(text).ToString());

    [TestMethod]
    [DataRow("ctrl+", 6)]
    [DataRow("+a", 1)]
    [DataRow("ctrl++shift+a", 6)]
    public void Parse_EmptyKeyName_ThrowsWithItsPosition(string text, int position)
    {
        var error = Assert.ThrowsExactly<KeyNameException>(() => KeyChord.Parse(text));
        StringAssert.Contains(error.Message, $"position {position}");
        Assert.AreEqual(text, error.KeyName);
    }

    [TestMethod]
    public void ParseSequence_ChordsSeparatedBySpaces_AreKeptInOrder()
    {
        var chords = KeyChord.ParseSequence("ctrl+a Delete  Return");
        CollectionAssert.AreEqual(new[] { "Control_L+a", "Delete", "Return" }, chords.Select(c => c.ToString()).ToArray());
        Assert.ThrowsExactly<KeyNameException>(() => KeyChord.ParseSequence("   "));
    }
}
