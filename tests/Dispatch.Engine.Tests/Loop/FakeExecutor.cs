using Dispatch.Engine.Actions;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Tests.Loop;

/// <summary>Carries out nothing: records the steps it is given and answers with a small blank screen and the effect asked for.</summary>
internal sealed class FakeExecutor : IActionExecutor
{
    public List<ComputerAction> Executed { get; } = [];

    public ActionEffect Effect { get; set; } = ActionEffect.Changed;

    public int Releases { get; private set; }

    public Task<StepResult> ExecuteAsync(ResolvedStep step, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Executed.Add(step.Action);
        var effect = step.Action.IsObservation ? ActionEffect.Observed : Effect;
        var changes = effect == ActionEffect.Changed ? new[] { new Rect(0, 0, 10, 10) } : [];
        return Task.FromResult(new StepResult(new Observation(Screen(), changes, effect, TimeSpan.FromMilliseconds(5), null), null));
    }

    public Task<Observation> ObserveAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new Observation(Screen(), [], ActionEffect.Observed, TimeSpan.Zero, null));

    public void ReleaseAll() => Releases++;

    private static Frame Screen() => Frame.Create(new Rect(0, 0, 1920, 1080));
}
