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
    [DataRow("role=entry right \"Name:\"", 18, "Expected 'of' after 'right'")]
    [DataRow("role=entry below", 17, "Expected a clause such as text=\"Total\" after 'below'")]
    [DataRow("role=entry in window ~ \"A\"", 23, "Expected '~='")]
    [DataRow("role=entry near text=A below text=B", 24, "Only one relation")]
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

    [TestMethod]
    [DataRow("role=button", UiRole.Button)]
    [DataRow("role=\"check box\"", UiRole.CheckBox)]
    [DataRow("role=checkbox", UiRole.CheckBox)]
    [DataRow("role=Menu_Item", UiRole.MenuItem)]
    [DataRow("role='spin button'", UiRole.SpinButton)]
    [DataRow("role=text", UiRole.Text)]
    public void Parse_ANeutralRoleName_InAnySpelling_GivesTheRole(string query, UiRole role)
    {
        var locator = LocatorParser.Parse(query);
        Assert.AreEqual(role, locator.Role);
        Assert.IsNull(locator.BackendRole);
        Assert.AreEqual(locator, LocatorParser.Parse(locator.ToString()));
    }

    [TestMethod]
    [DataRow("push button")]
    [DataRow("toggle button")]
    [DataRow("password text")]
    [DataRow("Edit")]
    public void Parse_APlatformRoleName_IsKeptAsTheBackendRole(string name)
    {
        var locator = LocatorParser.Parse($"role=\"{name}\" name=Save");
        Assert.IsNull(locator.Role);
        Assert.AreEqual(name, locator.BackendRole);
        Assert.AreEqual(locator, LocatorParser.Parse(locator.ToString()));
    }

    [TestMethod]
    [DataRow("right of", SpatialRelation.RightOf)]
    [DataRow("left of", SpatialRelation.LeftOf)]
    [DataRow("below", SpatialRelation.Below)]
    [DataRow("above", SpatialRelation.Above)]
    [DataRow("near", SpatialRelation.Near)]
    public void Parse_ARelation_GivesItsAnchorAndDirection_AndRoundTrips(string words, SpatialRelation relation)
    {
        var locator = LocatorParser.Parse($"role=entry {words} text=\"Customer:\" in window = \"Order Form\" first");
        Assert.AreEqual(relation, locator.Relation);
        Assert.AreEqual(new TextCondition("Customer:", false), locator.Anchor!.Text);
        Assert.AreEqual(new WindowCondition("Order Form", TitleMatch.Exact), locator.Window);
        Assert.IsTrue(locator.First);
        Assert.AreEqual(locator, LocatorParser.Parse(locator.ToString()));
    }

    [TestMethod]
    public void Parse_WindowTitles_ExactContainsAndPlain_AreTold()
    {
        Assert.AreEqual(TitleMatch.Exact, LocatorParser.Parse("text=OK in window = \"Order Form\"").Window!.Match);
        Assert.AreEqual(TitleMatch.Contains, LocatorParser.Parse("text=OK in window ~= \"Order\"").Window!.Match);
        Assert.AreEqual(TitleMatch.ExactElseContains, LocatorParser.Parse("text=OK in window \"Order Form\"").Window!.Match);
    }

    [TestMethod]
    [DataRow(UiRole.Button, UiRole.Button, true)]
    [DataRow(UiRole.Button, UiRole.Toggle, true)]
    [DataRow(UiRole.Toggle, UiRole.Button, false)]
    [DataRow(UiRole.Entry, UiRole.Password, true)]
    [DataRow(UiRole.Text, UiRole.Entry, true)]
    [DataRow(UiRole.Entry, UiRole.Text, false)]
    [DataRow(UiRole.Button, UiRole.MenuItem, false)]
    public void Covers_ABroadRole_TakesItsNarrowerKinds_NotTheOtherWay(UiRole wanted, UiRole actual, bool covers) =>
        Assert.AreEqual(covers, UiRoleNames.Covers(wanted, actual));

    [TestMethod]
    public void Related_RightOf_RanksByTheGapFromTheLabelsEdge_NotByCentres()
    {
        var label = new Rect(100, 100, 80, 20);
        // The case: a wide field right beside its label, and a small field far away whose centre lies nearer.
        var wide = new Rect(190, 98, 900, 24);
        var small = new Rect(530, 100, 30, 20);
        Assert.AreEqual(10, ElementFinder.Related(SpatialRelation.RightOf, label, wide));
        Assert.AreEqual(350, ElementFinder.Related(SpatialRelation.RightOf, label, small));
        Assert.IsLessThan(label.Center.DistanceTo(wide.Center), label.Center.DistanceTo(small.Center));
        Assert.AreEqual(10, ElementFinder.Related(SpatialRelation.Near, label, wide));
    }

    [TestMethod]
    [DataRow(SpatialRelation.RightOf, 190, 140, "another row")]
    [DataRow(SpatialRelation.LeftOf, 190, 100, "the wrong side")]
    [DataRow(SpatialRelation.Below, 100, 60, "above it")]
    [DataRow(SpatialRelation.Above, 300, 40, "no shared column")]
    public void Related_ACandidateNotInThatDirection_IsNotRelated(SpatialRelation relation, int x, int y, string why)
    {
        var label = new Rect(100, 100, 80, 20);
        Assert.IsNull(ElementFinder.Related(relation, label, new Rect(x, y, 60, 20)), why);
    }

    [TestMethod]
    public void Related_BelowAndAbove_MeasureTheVerticalGap()
    {
        var label = new Rect(100, 100, 80, 20);
        Assert.AreEqual(6, ElementFinder.Related(SpatialRelation.Below, label, new Rect(100, 126, 200, 24)));
        Assert.AreEqual(8, ElementFinder.Related(SpatialRelation.Above, label, new Rect(90, 68, 200, 24)));
    }
}
