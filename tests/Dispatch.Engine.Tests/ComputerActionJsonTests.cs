using Dispatch.Engine.Actions;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Input;

namespace Dispatch.Engine.Tests;

[TestClass]
public sealed class ComputerActionJsonTests
{
    [TestMethod]
    [DataRow("""{"action":"key","text":"ctrl+s"}""")]
    [DataRow("""{"action":"hold_key","text":"shift","duration":2}""")]
    [DataRow("""{"action":"type","text":"héllo\nworld"}""")]
    [DataRow("""{"action":"cursor_position"}""")]
    [DataRow("""{"action":"mouse_move","coordinate":[10,20]}""")]
    [DataRow("""{"action":"left_mouse_down"}""")]
    [DataRow("""{"action":"left_mouse_up","coordinate":[5,6]}""")]
    [DataRow("""{"action":"left_click","coordinate":[640,400],"text":"shift"}""")]
    [DataRow("""{"action":"left_click_drag","start_coordinate":[1,2],"coordinate":[300,400]}""")]
    [DataRow("""{"action":"right_click","coordinate":[1,1]}""")]
    [DataRow("""{"action":"middle_click"}""")]
    [DataRow("""{"action":"double_click","coordinate":[7,8]}""")]
    [DataRow("""{"action":"triple_click","coordinate":[7,8]}""")]
    [DataRow("""{"action":"scroll","coordinate":[500,500],"scroll_direction":"down","scroll_amount":3,"text":"ctrl"}""")]
    [DataRow("""{"action":"wait","duration":1.5}""")]
    [DataRow("""{"action":"screenshot"}""")]
    [DataRow("""{"action":"zoom","region":[0,0,400,300]}""")]
    [DataRow("""{"action":"click_element","locator":"role=\"push button\" name=\"Send\""}""")]
    [DataRow("""{"action":"set_text","locator":"role=text","text":"hi"}""")]
    [DataRow("""{"action":"invoke","locator":"name=Save","name":"click"}""")]
    public void ParseThenWrite_EveryToolShape_RoundTripsExactly(string json)
    {
        var action = ComputerActionJson.Parse(json);
        var written = ComputerActionJson.Write(action);
        Assert.AreEqual(action, ComputerActionJson.Parse(written));
        Assert.AreEqual(Canonical(json), Canonical(written));
    }

    [TestMethod]
    public void Parse_Scroll_GivesTypedFields()
    {
        var action = ComputerActionJson.Parse("""{"action":"scroll","coordinate":[500,500],"scroll_direction":"left","scroll_amount":7}""");
        Assert.AreEqual(ActionKind.Scroll, action.Kind);
        Assert.AreEqual(new Point(500, 500), action.Coordinate);
        Assert.AreEqual(ScrollDirection.Left, action.ScrollDirection);
        Assert.AreEqual(7, action.ScrollAmount);
        Assert.AreEqual(Rect.FromEdges(1, 2, 30, 40), ComputerActionJson.Parse("""{"action":"zoom","region":[1,2,30,40]}""").Region);
    }

    [TestMethod]
    [DataRow("""{"action":"teleport"}""", "Unknown action \"teleport\"")]
    [DataRow("""{"action":"key"}""", "needs \"text\"")]
    [DataRow("""{"action":"left_click","coordinate":[1]}""", "expected [x, y]")]
    [DataRow("""{"action":"left_click","coordinate":[-1,5]}""", "negative")]
    [DataRow("""{"action":"screenshot","coordinate":[1,1]}""", "takes no field \"coordinate\"")]
    [DataRow("""{"action":"scroll","scroll_direction":"sideways","scroll_amount":1}""", "\"sideways\"")]
    [DataRow("""{"action":"wait","duration":"long"}""", "expected seconds")]
    [DataRow("""{"action":"zoom","region":[10,10,5,5]}""", "x1 > x0")]
    [DataRow("""{"coordinate":[1,1]}""", "no \"action\"")]
    [DataRow("""[1,2]""", "JSON object")]
    [DataRow("""{"action":""", "not valid JSON")]
    public void Parse_BadAction_ThrowsNamingTheProblem(string json, string expected)
    {
        var error = Assert.ThrowsExactly<ActionFormatException>(() => ComputerActionJson.Parse(json));
        StringAssert.Contains(error.Message, expected);
    }

    [TestMethod]
    [DataRow(1920, 1080, 1366, 768)]
    [DataRow(1920, 1200, 1280, 800)]
    [DataRow(1600, 1200, 1024, 768)]
    [DataRow(800, 600, 800, 600)]
    public void ModelScreen_PicksTheSizeOfTheClosestAspectRatio_AndEveryPixelRoundTrips(int width, int height, int modelWidth, int modelHeight)
    {
        var mapping = ModelScreen.For(new Rect(0, 0, width, height));
        Assert.AreEqual(new Size(modelWidth, modelHeight), mapping.Target);
        for (var x = 0; x < modelWidth; x++)
        {
            Assert.AreEqual(x, mapping.ToImage(mapping.ToScreen(new Point(x, modelHeight - 1))).X);
        }
        for (var y = 0; y < modelHeight; y++)
        {
            Assert.AreEqual(y, mapping.ToImage(mapping.ToScreen(new Point(modelWidth - 1, y))).Y);
        }
    }

    private static string Canonical(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return string.Join(",", document.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}={(p.Value.ValueKind == System.Text.Json.JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())}"));
    }
}
