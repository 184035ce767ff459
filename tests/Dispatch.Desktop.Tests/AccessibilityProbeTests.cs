using Dispatch.Engine.Accessibility;

namespace Dispatch.Desktop.Tests;

[TestClass]
public sealed class AccessibilityProbeTests
{
    [TestMethod]
    public async Task Probe()
    {
        using var desktop = await TestDesktop.StartAsync();
        var app = await desktop.LaunchAsync(desktop.App("gnome-calculator"), w => w.ClassName.Contains("calculator", StringComparison.OrdinalIgnoreCase));
        await desktop.SettleAsync();
        foreach (var w in desktop.Desktop.Windows.List()) Console.WriteLine(w);
        var tree = await desktop.Desktop.Accessibility.WaitForAsync(UiScope.Process(app.Process.Id), TimeSpan.FromSeconds(10));
        Console.WriteLine($"{tree.NodeCount} nodes in {tree.Elapsed.TotalMilliseconds} ms partial={tree.PartialReason}");
        foreach (var label in new[] { "1", "2", "×", "7", "=" })
        {
            var button = tree.Nodes.First(n => n.Role == "push button" && n.Children.Any(c => c.Text == label));
            Console.WriteLine("press " + button);
            desktop.Desktop.Input.Click(button.Bounds!.Value.Center);
            Console.WriteLine(await desktop.Desktop.Watcher.WaitForStableAsync(null, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5)));
        }
        await desktop.SettleAsync();
        var after = desktop.Desktop.Accessibility.Snapshot(UiScope.Process(app.Process.Id));
        foreach (var n in after.Nodes.Where(n => n.Text is not null && n.Role != "label")) Console.WriteLine(n);
        using var f = desktop.Desktop.Screen.Capture(); File.WriteAllBytes("/tmp/calc.png", Dispatch.Engine.Capture.FrameEncoder.Encode(f, Dispatch.Engine.Capture.ImageFormat.Png).Bytes);
        var hit = desktop.Desktop.Accessibility.ElementAt(tree.Nodes.First(n => n.Name == "4 4").Bounds!.Value.Center, app.Process.Id);
        Console.WriteLine("hit " + hit);
    }
}
