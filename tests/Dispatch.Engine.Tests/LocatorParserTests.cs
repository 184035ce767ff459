using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Locators;

namespace Dispatch.Engine.Tests;

[TestClass]
public sealed class LocatorParserTests
{
    [TestMethod]
    public void Parse_RoleAndName_GivesBoth()
    {
        var locator = LocatorParser.Parse("role=\"push button\" name=\"Equals\"");
        Assert.AreEqual("push button", locator.BackendRole);
        Assert.AreEqual(new TextCondition("Equals", false), locator.Name);
    }

    [TestMethod]
    public void Parse_EveryClauseAndScope_RoundTripsThroughToString()
    {
        var locator = LocatorParser.Parse("text~='Sav' state=enabled state=focused in window \"Report — Mail\" near text=\"Total\" #2");
        Assert.AreEqual(new TextCondition("Sav", true), locator.Text);
        Assert.AreEqual(UiStates.Enabled | UiStates.Focused, locator.States);
        Assert.AreEqual(new WindowCondition("Report — Mail", TitleMatch.ExactElseContains), locator.Window);
        Assert.AreEqual(new TextCondition("Total", false), locator.Anchor!.Text);
        Assert.AreEqual(SpatialRelation.Near, locator.Relation);
        Assert.AreEqual(2, locator.Index);
        Assert.AreEqual(locator, LocatorParser.Parse(locator.ToString()));
    }

    [TestMethod]
    public void Parse_ImagePointAndChannel_AreTyped()
    {
        Assert.AreEqual("assets/save.png", LocatorParser.Parse("image=assets/save.png").ImagePath);
        Assert.AreEqual(new Point(640, 400), LocatorParser.Parse("point=640,400").Point);
        Assert.AreEqual(MatchChannel.Ocr, LocatorParser.Parse("text=File via=ocr").Via);
    }

    [TestMethod]
    [DataRow("role=\"push button\" nme=\"Save\"", 20, "Unknown key 'nme'")]
    [DataRow("text=\"Save", 6, "never closed")]
    [DataRow("role \"button\"", 6, "Expected '='")]
    [DataRow("text=Save #0", 12, "1 or more")]
    [DataRow("point=12", 7, "x,y")]
    [DataRow("state=shiny", 7, "Unknown state 'shiny'")]
    [DataRow("in window \"A\"", 14, "at least one clause")]
    [DataRow("role~=button", 1, "'~=' (contains)")]
    public void Parse_Malformed_PointsAtTheError(string query, int position, string problem)
    {
        var error = Assert.ThrowsExactly<LocatorSyntaxException>(() => LocatorParser.Parse(query));
        Assert.AreEqual(position, error.Position + 1, error.Message);
        StringAssert.Contains(error.Message, problem);
        StringAssert.Contains(error.Message, new string(' ', error.Position) + "^");
    }

    [TestMethod]
    public void Similarity_OcrLikeMisreads_ScoreBetweenZeroAndOne()
    {
        Assert.AreEqual(1, TextSimilarity.Ratio("Save", " save "));
        Assert.AreEqual(0.75, TextSimilarity.Ratio("Save", "Sav"), 1e-9);
        Assert.AreEqual(1, TextSimilarity.Score(new TextCondition("Save", true), "Save As…"));
        Assert.IsLessThan(0.5, TextSimilarity.Ratio("Save", "Delete"));
    }
}
