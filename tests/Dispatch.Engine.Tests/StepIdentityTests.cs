using Dispatch.Engine.Actions;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Tests;

[TestClass]
public sealed class StepIdentityTests
{
    private static readonly Rect s_field = new(300, 200, 240, 28);

    private static StepIdentity Identity(string description, Action<Frame>? paint = null, string action = "{\"action\":\"key\",\"text\":\"Return\"}")
    {
        var frame = Frame.Create(s_field);
        frame.Fill(new Rect(0, 0, s_field.Width, s_field.Height), 0xffffff);
        paint?.Invoke(frame);
        return new StepIdentity(description, action, frame);
    }

    [TestMethod]
    public void ABlinkingCaret_IsTheSameStep_SoThePersonIsNotAskedAgain()
    {
        using var before = Identity("key|window 0x1 …|text \"\"");
        using var after = Identity("key|window 0x1 …|text \"\"", f => f.Fill(new Rect(10, 4, 1, 20), 0x000000));

        Assert.IsTrue(before.Matches(after), before.Explain(after));
        Assert.AreNotEqual(before.Fingerprint, after.Fingerprint, "the caret must have been drawn for this test to mean anything");
    }

    [TestMethod]
    public void TextThatChanged_OrAnotherElement_OrAnotherAction_IsAnotherStep()
    {
        using var before = Identity("key|window 0x1 …|text \"\"");
        using var typed = Identity("key|window 0x1 …|text \"\"", f => f.Fill(new Rect(10, 4, 40, 20), 0x000000));
        using var other = Identity("key|window 0x2 …|text \"\"");
        using var otherAction = Identity("key|window 0x1 …|text \"\"", action: "{\"action\":\"key\",\"text\":\"KP_Enter\"}");

        StringAssert.Contains(before.Explain(typed), "picture changed");
        StringAssert.Contains(before.Explain(other), "the target is now");
        Assert.IsFalse(before.Matches(otherAction));
        Assert.AreNotEqual(before.Fingerprint, typed.Fingerprint);
    }
}
