using Dispatch.Engine.Actions;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Input;
using Dispatch.Engine.Recording;

namespace Dispatch.Engine.Tests.Recording;

[TestClass]
public sealed class StepAssemblerTests
{
    private long _clock = 1000;

    private RecordedInput Key(string name, string? text, RecordedModifiers modifiers = RecordedModifiers.None, bool press = true) =>
        new(press ? RecordedInputKind.KeyPress : RecordedInputKind.KeyRelease, 0, name, text, default, modifiers, _clock += 50);

    private RecordedInput Button(int button, int x, int y, bool press, long after = 50) =>
        new(press ? RecordedInputKind.ButtonPress : RecordedInputKind.ButtonRelease, button, null, null, new Point(x, y), RecordedModifiers.None, _clock += after);

    private static List<ComputerAction> Assemble(params RecordedInput[] inputs)
    {
        var assembler = new StepAssembler();
        var steps = inputs.SelectMany(assembler.Add).ToList();
        steps.AddRange(assembler.Complete());
        CollectionAssert.AreEqual(assembler.Steps.ToList(), steps, "the steps returned as they completed differ from the assembled list");
        return [.. steps.Select(s => s.Action)];
    }

    [TestMethod]
    public void TypedKeys_WithATypoTakenBack_AreOneTypeStep_AndReturnIsAKeyOfItsOwn()
    {
        var actions = Assemble(Key("h", "h"), Key("e", "e"), Key("l", "l"), Key("o", "o"), Key("BackSpace", null), Key("l", "l"), Key("o", "o"),
            Key("Shift_L", null), Key("1", "!", RecordedModifiers.Shift), Key("Return", null));

        Assert.HasCount(2, actions);
        Assert.AreEqual(new ComputerAction(ActionKind.Type) { Text = "hello!" }, actions[0]);
        Assert.AreEqual(new ComputerAction(ActionKind.Key) { Text = "Return" }, actions[1]);
    }

    [TestMethod]
    public void ChordsAndKeysThatTypeNothing_AreKeySteps_NamingTheirModifiers()
    {
        var actions = Assemble(Key("s", "s", RecordedModifiers.Control), Key("Tab", null, RecordedModifiers.Shift), Key("F5", null),
            Key("q", "q", RecordedModifiers.Control | RecordedModifiers.Alt));

        CollectionAssert.AreEqual(new[] { "ctrl+s", "shift+Tab", "F5", "ctrl+alt+q" }, actions.Select(a => a.Text).ToArray());
        Assert.IsTrue(actions.All(a => a.Kind == ActionKind.Key));
    }

    [TestMethod]
    public void PressAndReleaseInPlace_IsAClick_TwoQuickOnesADoubleClick_AndAMoveBetweenThemADrag()
    {
        var actions = Assemble(
            Button(1, 100, 100, true), Button(1, 102, 101, false),
            Button(3, 300, 300, true, after: 900), Button(3, 300, 300, false),
            Button(1, 50, 50, true, after: 900), Button(1, 50, 50, false), Button(1, 51, 50, true, after: 120), Button(1, 51, 50, false),
            Button(1, 10, 10, true, after: 900), Button(1, 200, 150, false));

        CollectionAssert.AreEqual(new[] { ActionKind.LeftClick, ActionKind.RightClick, ActionKind.DoubleClick, ActionKind.LeftClickDrag },
            actions.Select(a => a.Kind).ToArray());
        Assert.AreEqual(new Point(100, 100), actions[0].Coordinate);
        Assert.AreEqual(new Point(50, 50), actions[2].Coordinate);
        Assert.AreEqual(new Point(10, 10), actions[3].StartCoordinate);
        Assert.AreEqual(new Point(200, 150), actions[3].Coordinate);
    }

    [TestMethod]
    public void WheelClicksInOnePlace_AreOneScroll_CountingThem_AndAClickEndsTyping()
    {
        var actions = Assemble(Key("a", "a"), Button(5, 400, 400, true), Button(5, 400, 400, false), Button(5, 400, 400, true), Button(5, 400, 400, false),
            Button(4, 400, 400, true), Button(4, 400, 400, false));

        Assert.HasCount(3, actions);
        Assert.AreEqual("a", actions[0].Text);
        Assert.AreEqual(new ComputerAction(ActionKind.Scroll) { Coordinate = new Point(400, 400), ScrollDirection = ScrollDirection.Down, ScrollAmount = 2 }, actions[1]);
        Assert.AreEqual(ScrollDirection.Up, actions[2].ScrollDirection);
    }
}
