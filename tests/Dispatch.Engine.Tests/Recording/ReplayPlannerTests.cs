using System.Text.Json;
using Dispatch.Engine.Actions;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Loop;
using Dispatch.Engine.Recording;
using Dispatch.Engine.Safety;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Engine.Tests.Recording;

/// <summary>The replay's pacing, on a fake clock: conditions only by default, the person's recorded pauses with <c>--speed original</c>.</summary>
[TestClass]
public sealed class ReplayPlannerTests
{
    public TestContext TestContext { get; set; } = null!;

    private static RecordedStep Key(int index, string key, long at) =>
        new(index, JsonSerializer.Deserialize<JsonElement>($$"""{"action":"key","text":"{{key}}"}"""), [], null, null, null, null, null, null, "", null, null, false, at, at);

    private static PlannerContext After(Frame frame, params ComputerAction[] done) =>
        new("replay", new Observation(frame, [], ActionEffect.Changed, TimeSpan.Zero, null), new ScaleMapping(frame.Bounds, frame.Bounds.Size),
            [.. done.Select(a => new StepRecord(a, null, StepDecision.Allowed, StepOutcome.Changed))]);

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public async Task TheNextKeyStep_WaitsOutTheRecordedThreeSecondPause_OnlyAtOriginalSpeed(bool originalSpeed)
    {
        var time = new FakeTimeProvider();
        using var frame = Frame.Create(new Rect(0, 0, 4, 4));
        // Key steps touch neither the desktop nor the finder.
        var planner = new ReplayPlanner("/nowhere", [Key(1, "a", 1000), Key(2, "b", 4000)], null!, null!, time, new ReplayOptions { OriginalSpeed = originalSpeed });

        var first = await planner.NextAsync(After(frame), TestContext.CancellationToken);
        var second = planner.NextAsync(After(frame, first.Actions[0].Action), TestContext.CancellationToken);
        var waitedBeforeTheEnd = !second.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(2.9));
        var waitedAlmostAll = !second.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(200));
        var next = await second.WaitAsync(TimeSpan.FromSeconds(10), TestContext.CancellationToken);

        Assert.AreEqual("a", first.Actions[0].Action.Text);
        Assert.AreEqual("b", next.Actions[0].Action.Text);
        Assert.AreEqual(originalSpeed, waitedBeforeTheEnd);
        Assert.AreEqual(originalSpeed, waitedAlmostAll);
    }
}
