using Dispatch.Engine.Actions;
using Dispatch.Engine.Journal;
using Dispatch.Engine.Locators;
using Dispatch.Engine.Loop;
using Dispatch.Engine.Safety;
using Dispatch.Engine.Vision;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dispatch.Engine;

/// <summary>
/// The composition root of the engine: every service of one display, built once, over one <see cref="TimeProvider"/>.
/// The CLI's direct mode, the host, the tests and the benchmarks all build the engine here, so none wires its parts by hand.
/// </summary>
public static class EngineServices
{
    /// <summary>
    /// Registers the desktop (opened on first use, unless one is registered already), OCR, the finder, the step resolver and executor, the risk policy, the
    /// journal when <see cref="EngineOptions.JournalPath"/> names one, and the <see cref="AgentLoopFactory"/>. The container
    /// disposes what it built, input first (see <see cref="Desktop.Dispose"/>).
    /// </summary>
    public static IServiceCollection AddDispatchEngine(this IServiceCollection services, EngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        options ??= new EngineOptions();
        var time = options.Time ?? options.Desktop.Time ?? TimeProvider.System;
        services.AddSingleton(time);
        // A desktop registered before (a test's, a benchmark's) is used as it is, and stays its owner's to close.
        services.TryAddSingleton<IDesktop>(_ => Desktop.Open(options.Desktop with { Time = time }));
        services.AddSingleton(_ => new OcrEngine());
        services.AddSingleton(sp => new ElementFinder(sp.GetRequiredService<IDesktop>(), sp.GetRequiredService<OcrEngine>(), time));
        services.AddSingleton<IStepResolver>(sp =>
            new StepResolver(sp.GetRequiredService<IDesktop>(), sp.GetRequiredService<ElementFinder>(), sp.GetRequiredService<OcrEngine>()));
        services.AddSingleton<IActionExecutor>(sp => new QueuedActionExecutor(new ActionExecutor(sp.GetRequiredService<IDesktop>(), time)));
        services.AddSingleton<RiskPolicy>();
        if (options.JournalPath is { } journal)
        {
            services.AddSingleton(_ => ActionJournal.Open(journal, time));
        }
        services.AddSingleton<AgentLoopFactory>();
        return services;
    }
}
